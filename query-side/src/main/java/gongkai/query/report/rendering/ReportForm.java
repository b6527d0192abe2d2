package gongkai.query.report.rendering;

import gongkai.events.CaseResult;
import gongkai.events.application.Outcome;
import gongkai.events.lawsuit.Route;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DocumentKind;
import gongkai.query.counting.ApplicantColumn;
import gongkai.query.counting.ApplicationRow;
import gongkai.query.report.AnnualReport;
import gongkai.query.report.rendering.FormTable.Cell;
import gongkai.query.report.rendering.FormTable.Figure;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The national format of the annual report (国办公开办函〔2021〕30号; docs/annual-report.md): its title,
 * sections 一 to 六 and the layout of tables 二, 三 and 四, with the labels exactly as the form has
 * them. Labels of rows and columns come from the project's one source of each ({@link ApplicationRow},
 * {@link ApplicantColumn}, {@link Outcome}, {@link DocumentKind}, {@link DecisionCategory},
 * {@link CaseResult}, {@link Route}); a label {@code A · B} is B under the merged header A.
 */
public final class ReportForm {

    public static final String OVERVIEW = "一、总体情况";
    public static final String PROACTIVE = "二、主动公开政府信息情况";
    public static final String APPLICATIONS = "三、收到和处理政府信息公开申请情况";
    public static final String REVIEWS_AND_LAWSUITS = "四、政府信息公开行政复议、行政诉讼情况";
    public static final String PROBLEMS = "五、存在的主要问题及改进情况";
    public static final String OTHER = "六、其他需要报告的事项";

    /** The six section headings, in the order of the form. */
    public static final List<String> SECTIONS = List.of(OVERVIEW, PROACTIVE, APPLICATIONS, REVIEWS_AND_LAWSUITS,
                                                        PROBLEMS, OTHER);

    /** The note in the corner of table 三, as on the form. */
    public static final String APPLICATIONS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

    /** Table 四's counting rule (docs/annual-report.md, "Table 四": stated in every rendered report). */
    public static final String REVIEWS_COUNTING_RULE =
            "统计口径：本年度内立案的行政复议、行政诉讼案件，以及此前立案、截至本年1月1日尚未审结的案件，均计入本年度；"
            + "结果于本年度内作出的，按其结果计入“结果维持”“结果纠正”或“其他结果”，否则计入“尚未审结”；"
            + "“总计”为四项之和。复议机关作共同被告的，案件只计入原行政行为机关。";

    /** What a section shows when the agency has not written it. */
    public static final String NOT_WRITTEN = "（本机关尚未填写。）";

    /** Said over a draft of section 一 that the system wrote, not the agency. */
    public static final String DRAFT_NOTE = "（以下为系统根据本年度记录生成的草稿，尚未经本机关确认。）";

    /** Said over a table the report does not carry yet. */
    public static final String TABLE_MISSING = "（本表数据暂未生成，空白处不代表零。）";

    static final String RESULTS = "三、本年度办理结果";
    static final String APPLICANTS = "申请人情况";
    static final String CONTENT = "信息内容";
    static final String PENDING = "尚未审结";
    static final String TOTAL = "总计";

    private static final Pattern PATH = Pattern.compile("\\s*·\\s*");
    private static final Pattern NUMBERED_ITEM = Pattern.compile("^\\d+\\..*");

    private ReportForm() {
    }

    public static String title(ReportView report) {
        if (report.rollUpLabel() != null) {
            return report.agencyName() + "及所属机关" + report.year() + "年政府信息公开工作年度报告数据" + report.rollUpLabel();
        }
        return report.agencyName() + report.year() + "年政府信息公开工作年度报告";
    }

    /**
     * For a roll-up: that it is a sum of several organs' figures, not a statutory report (each organ reports its own,
     * 条例第五十条), and the agencies summed. {@code null} for an agency's own report.
     */
    public static String rollUpNote(ReportView report) {
        if (report.rollUpLabel() == null) {
            return null;
        }
        List<String> names = report.rollUpAgencies().stream().map(Map.Entry::getValue).toList();
        return "【" + report.rollUpLabel() + "】本表为下列" + names.size() + "个机关年度报告数据之和，不是法定年度报告：" + String.join("、", names)
               + "。";
    }

    /** The opening paragraph of every report: what it is made under, and the period its figures cover. */
    public static String basis(ReportView report) {
        int year = report.year();
        return "本报告依据《中华人民共和国政府信息公开条例》（中华人民共和国国务院令第711号）和《国务院办公厅政府信息与政务公开办公室"
               + "关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）编制。"
               + "本报告中所列数据的统计期限为" + year + "年1月1日至" + year + "年12月31日。";
    }

    /** For a report as the system knew it at a past instant: which instant. {@code null} for the report now. */
    public static String asOfNote(ReportView report) {
        if (report.asOf() == null) {
            return null;
        }
        ZonedDateTime at = report.asOf().atZone(ReportView.SHANGHAI);
        return "本报告数据为系统截至北京时间" + day(at.toLocalDate()) + at.format(DateTimeFormatter.ofPattern("HH:mm:ss"))
               + "（" + report.asOf() + "）所记录的情况。";
    }

    /** A date as the report prints it: 2024年1月26日. */
    public static String day(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** Tables 二, 三 and 四 of the report, in order. */
    public static List<FormTable> tables(ReportView report) {
        return List.of(proactive(report), applications(report), reviewsAndLawsuits(report));
    }

    /**
     * Tables 二, 三 and 四 as the form lays them out, without figures: every cell's text, merges and role,
     * each figure cell with its keys. What a page needs to draw the official layout around the report's
     * JSON, which it reads anyway.
     */
    public static List<FormTable> layout() {
        return tables(ReportView.of(new AnnualReport(null, null, 0, null, Map.of(), Map.of(),
                                                                           Map.of(), null, null, null, null, null, null),
                                    null));
    }

    /** Section 二 (key {@code proactive}): four blocks, one per article item, each with its own header line. */
    public static FormTable proactive(ReportView report) {
        String table = "proactive";
        List<List<Cell>> rows = new ArrayList<>();
        Map<String, String> documentFigures = new LinkedHashMap<>();
        documentFigures.put("issued", "本年制发件数");
        documentFigures.put("repealed", "本年废止件数");
        documentFigures.put("inForce", "现行有效件数");

        String item1 = "第二十条第（一）项";
        rows.add(List.of(Cell.header(item1, 1, 4)));
        List<Cell> head = new ArrayList<>(List.of(Cell.header(CONTENT, 1, 1)));
        documentFigures.values().forEach(label -> head.add(Cell.header(label, 1, 1)));
        rows.add(head);
        for (DocumentKind kind : DocumentKind.values()) {
            List<Cell> row = new ArrayList<>(List.of(Cell.label(kind.label(), 1, 1)));
            documentFigures.forEach((figure, label) -> row.add(value(report, table, kind.rowKey(), figure, 1,
                                                                     item1 + " · " + kind.label(), label)));
            rows.add(row);
        }

        String decisions = "本年处理决定数量";
        Map<String, List<DecisionCategory>> items = new LinkedHashMap<>();
        items.put("第二十条第（五）项", List.of(DecisionCategory.LICENSING));
        items.put("第二十条第（六）项", List.of(DecisionCategory.PENALTY, DecisionCategory.COERCION));
        items.forEach((item, categories) -> {
            rows.add(List.of(Cell.header(item, 1, 4)));
            rows.add(List.of(Cell.header(CONTENT, 1, 1), Cell.header(decisions, 1, 3)));
            for (DecisionCategory category : categories) {
                rows.add(List.of(Cell.label(category.label(), 1, 1),
                                 value(report, table, category.rowKey(), "decisions", 3,
                                       item + " · " + category.label(), decisions)));
            }
        });

        String item8 = "第二十条第（八）项";
        String fees = "行政事业性收费";
        String amount = "本年收费金额（单位：万元）";
        rows.add(List.of(Cell.header(item8, 1, 4)));
        rows.add(List.of(Cell.header(CONTENT, 1, 1), Cell.header(amount, 1, 3)));
        rows.add(List.of(Cell.label(fees, 1, 1),
                         value(report, table, "FEES", "amountTenThousandYuan", 3, item8 + " · " + fees, amount)));
        return new FormTable(table, PROACTIVE, new int[]{34, 22, 22, 22}, 0, rows, report.hasTable(table));
    }

    /**
     * Section 三 (key {@code applications}): the corner note over three label columns, 申请人情况 over the
     * seven columns with 法人或其他组织 over its five; 三、本年度办理结果 over the 22 result rows, each
     * of （三） to （六） over its numbered items.
     */
    public static FormTable applications(ReportView report) {
        String table = "applications";
        List<List<Cell>> rows = new ArrayList<>();

        // Header: the columns' label paths (自然人; 法人或其他组织 · 商业企业 …; 总计).
        List<String[]> columnPaths = ApplicantColumn.ALL.stream().map(column -> PATH.split(column.label())).toList();
        rows.add(List.of(Cell.header(APPLICATIONS_NOTE, 3, 3), Cell.header(APPLICANTS, 1, ApplicantColumn.ALL.size())));
        List<Cell> groups = new ArrayList<>();
        List<Cell> leaves = new ArrayList<>();
        for (int i = 0; i < columnPaths.size(); i++) {
            String[] path = columnPaths.get(i);
            if (path.length == 1) {
                groups.add(Cell.header(path[0], 2, 1));
                continue;
            }
            int span = 1;
            while (i + span < columnPaths.size() && columnPaths.get(i + span).length > 1
                   && columnPaths.get(i + span)[0].equals(path[0])) {
                span++;
            }
            groups.add(Cell.header(path[0], 1, span));
            for (int j = i; j < i + span; j++) {
                leaves.add(Cell.header(columnPaths.get(j)[1], 1, 1));
            }
            i += span - 1;
        }
        rows.add(groups);
        rows.add(leaves);

        // Body: NEW, CARRIED_OVER; the results (the outcomes, then RESULT_TOTAL); CARRIED_FORWARD.
        rows.add(applicationRow(report, label(ApplicationRow.NEW, 1, 3), ApplicationRow.NEW, rowLabel(ApplicationRow.NEW)));
        rows.add(applicationRow(report, label(ApplicationRow.CARRIED_OVER, 1, 3), ApplicationRow.CARRIED_OVER,
                                rowLabel(ApplicationRow.CARRIED_OVER)));

        List<String> resultKeys = new ArrayList<>();
        List<String> resultLabels = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            resultKeys.add(outcome.name());
            resultLabels.add(outcome.label());
        }
        resultKeys.add(ApplicationRow.RESULT_TOTAL);
        resultLabels.add(rowLabel(ApplicationRow.RESULT_TOTAL));
        String group = null;
        for (int i = 0; i < resultKeys.size(); i++) {
            List<Cell> leading = new ArrayList<>();
            if (i == 0) {
                leading.add(Cell.label(RESULTS, resultKeys.size(), 1));
            }
            String[] path = PATH.split(resultLabels.get(i));
            String rowLabel;
            if (path.length > 1) {
                // A group (（三）不予公开 …) starts: it spans its numbered items.
                group = path[0];
                int span = 1;
                while (i + span < resultKeys.size() && NUMBERED_ITEM.matcher(resultLabels.get(i + span)).matches()) {
                    span++;
                }
                leading.add(Cell.label(group, span, 1));
                leading.add(Cell.label(path[1], 1, 1));
                rowLabel = RESULTS + " · " + group + " · " + path[1];
            } else if (group != null && NUMBERED_ITEM.matcher(path[0]).matches()) {
                leading.add(Cell.label(path[0], 1, 1));
                rowLabel = RESULTS + " · " + group + " · " + path[0];
            } else {
                group = null;
                leading.add(Cell.label(path[0], 1, 2));
                rowLabel = RESULTS + " · " + path[0];
            }
            rows.add(applicationRow(report, leading, resultKeys.get(i), rowLabel));
        }
        rows.add(applicationRow(report, label(ApplicationRow.CARRIED_FORWARD, 1, 3), ApplicationRow.CARRIED_FORWARD,
                                rowLabel(ApplicationRow.CARRIED_FORWARD)));
        return new FormTable(table, APPLICATIONS, new int[]{8, 11, 32, 7, 7, 7, 7, 7, 7, 7}, 3, rows,
                             report.hasTable(table));
    }

    /** Section 四 (key {@code reviewsAndLawsuits}): 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five figures each. */
    public static FormTable reviewsAndLawsuits(ReportView report) {
        String table = "reviewsAndLawsuits";
        Map<String, String> figures = new LinkedHashMap<>();
        for (CaseResult result : CaseResult.values()) {
            figures.put(result.name(), result.label());
        }
        figures.put("PENDING", PENDING);
        figures.put("TOTAL", TOTAL);

        String review = "行政复议";
        String[] direct = PATH.split(Route.DIRECT.label());
        String[] afterReview = PATH.split(Route.AFTER_REVIEW.label());
        int n = figures.size();
        List<List<Cell>> rows = new ArrayList<>();
        rows.add(List.of(Cell.header(review, 1, n), Cell.header(direct[0], 1, 2 * n)));
        List<Cell> second = new ArrayList<>();
        figures.values().forEach(label -> second.add(Cell.header(label, 2, 1)));
        second.add(Cell.header(direct[1], 1, n));
        second.add(Cell.header(afterReview[1], 1, n));
        rows.add(second);
        List<Cell> third = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            figures.values().forEach(label -> third.add(Cell.header(label, 1, 1)));
        }
        rows.add(third);
        List<Cell> values = new ArrayList<>();
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("REVIEW", review);
        groups.put(Route.DIRECT.groupKey(), Route.DIRECT.label());
        groups.put(Route.AFTER_REVIEW.groupKey(), Route.AFTER_REVIEW.label());
        groups.forEach((groupKey, groupLabel) -> figures.forEach((figure, label) ->
                values.add(value(report, table, groupKey, figure, 1, groupLabel, label))));
        rows.add(values);
        int[] widths = new int[3 * n];
        java.util.Arrays.fill(widths, 1);
        return new FormTable(table, REVIEWS_AND_LAWSUITS, widths, 3, rows, report.hasTable(table));
    }

    private static List<Cell> applicationRow(ReportView report, List<Cell> leading, String rowKey, String rowLabel) {
        List<Cell> row = new ArrayList<>(leading);
        for (ApplicantColumn column : ApplicantColumn.ALL) {
            row.add(value(report, "applications", rowKey, column.key(), 1, rowLabel, column.label()));
        }
        return row;
    }

    private static List<Cell> label(String rowKey, int rowspan, int colspan) {
        return List.of(Cell.label(rowLabel(rowKey), rowspan, colspan));
    }

    private static String rowLabel(String rowKey) {
        return ApplicationRow.ALL.stream().filter(row -> row.key().equals(rowKey)).findFirst().orElseThrow().label();
    }

    private static Cell value(ReportView report, String table, String rowKey, String columnKey, int colspan,
                              String rowLabel, String columnLabel) {
        return Cell.value(report.figure(table, rowKey, columnKey), colspan,
                          new Figure(table, rowKey, columnKey, rowLabel, columnLabel));
    }
}
