package gongkai.query.report.rendering;

import gongkai.query.report.AnnualReport;
import gongkai.query.counting.Check;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderings of a report built by hand ({@link AnnualReport}, as {@code AnnualReports} returns it): every figure is
 * different, so a figure shown in the wrong cell is caught; the narrative holds markup, which must
 * come out as text.
 */
class ReportRenderingTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
                                                       .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    static final ReportRenderer RENDERER = new ReportRenderer(
            JSON, Clock.fixed(Instant.parse("2024-01-26T02:00:00Z"), ZoneId.of("Asia/Shanghai")));

    static final String HOSTILE = "<script>alert('x')</script> & \"引号\" <b>粗体</b>";
    static final String FAILED_CHECK = "NEW + CARRIED_OVER = RESULT_TOTAL + CARRIED_FORWARD";

    /** The complete report: every table, the narrative, a failed and a passed check. */
    static AnnualReport fullReport() {
        Map<String, Map<String, Object>> proactive = new LinkedHashMap<>();
        proactive.put("RULES", figures("issued", 1, "repealed", 2, "inForce", 3));
        proactive.put("NORMATIVE_DOCUMENTS", figures("issued", 4, "repealed", 5, "inForce", 6));
        proactive.put("LICENSING", figures("decisions", 274));
        proactive.put("PENALTY", figures("decisions", 5));
        proactive.put("COERCION", figures("decisions", 7));
        proactive.put("FEES", figures("amountTenThousandYuan", "12.3450"));
        Map<String, Map<String, Integer>> reviews = new LinkedHashMap<>();
        int n = 1000;
        for (String group : OfficialForm.REVIEW_GROUPS.keySet()) {
            Map<String, Integer> figures = new LinkedHashMap<>();
            for (String figure : OfficialForm.REVIEW_FIGURES.keySet()) {
                figures.put(figure, n++);
            }
            reviews.put(group, figures);
        }
        AnnualReport.Narrative narrative = new AnnualReport.Narrative(
                "我镇2023年不断提升政府信息公开质量。\n\n" + HOSTILE + "\n（一）主动公开政府信息情况",
                "存在的主要问题：一是主动性不够强。\r\n改进情况：一是加强培训。", "本年度无其他需要报告的事项。",
                null, null, null);
        return new AnnualReport("xiaoying", "小营镇人民政府", 2023, null, proactive, applications(), reviews,
                                List.of(new Check(FAILED_CHECK, false, "自然人列：3 + 0 ≠ 2 + 0"),
                                        new Check("TOTAL = sum of the six applicant columns", true, "每一行均成立")),
                                null, null, narrative, "系统草稿：本年主动公开政府信息285条。", null);
    }

    /** The report as the query side answers it before tables 二 and 四 and the narrative exist. */
    static AnnualReport reportOfToday() {
        return new AnnualReport("xiaoying", null, 2023, Instant.parse("2024-01-05T00:00:00Z"), null, applications(), null,
                                List.of(new Check("RESULT_TOTAL = sum of outcome rows", true, "每一列均成立")),
                                null, null, null, null, null);
    }

    static AnnualReport withOverviewDraft(AnnualReport r, String draft) {
        return new AnnualReport(r.agencyId(), r.name(), r.year(), r.asOf(), r.proactive(), r.applications(),
                                r.reviewsAndLawsuits(), r.checks(), r.publishedItems(), r.timeliness(), r.narrative(), draft,
                                r.published());
    }

    static AnnualReport ofAgency(AnnualReport r, String agencyId) {
        return new AnnualReport(agencyId, r.name(), r.year(), r.asOf(), r.proactive(), r.applications(),
                                r.reviewsAndLawsuits(), r.checks(), r.publishedItems(), r.timeliness(), r.narrative(),
                                r.overviewDraft(), r.published());
    }

    private static Map<String, Map<String, Integer>> applications() {
        Map<String, Map<String, Integer>> applications = new LinkedHashMap<>();
        int n = 100;
        for (String row : OfficialForm.APPLICATION_ROWS.keySet()) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            for (String column : OfficialForm.APPLICATION_COLUMNS.keySet()) {
                columns.put(column, n++);
            }
            applications.put(row, columns);
        }
        return applications;
    }

    private static Map<String, Object> figures(Object... keysAndValues) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            figures.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return figures;
    }

    static JsonNode json(AnnualReport report) {
        return JSON.valueToTree(report);
    }

    @Test
    void theHtmlPageHasTheTitleSectionsOneToSixInOrderThenTheAgencyAndTheDate() {
        Document page = html(fullReport());
        assertThat(page.charset().name()).isEqualTo("UTF-8");
        assertThat(page.selectFirst("h1").text()).isEqualTo("小营镇人民政府2023年政府信息公开工作年度报告");
        assertThat(page.title()).isEqualTo("小营镇人民政府2023年政府信息公开工作年度报告");
        List<String> order = page.select("h1, h2, footer.signature p").eachText();
        List<String> expected = new ArrayList<>(List.of("小营镇人民政府2023年政府信息公开工作年度报告"));
        expected.addAll(OfficialForm.SECTIONS);
        expected.addAll(List.of("小营镇人民政府", "2024年1月26日"));
        assertThat(order).containsExactlyElementsOf(expected);
        assertThat(page.selectFirst("p.basis").text()).contains("国办公开办函〔2021〕30号")
                                                       .contains("2023年1月1日至2023年12月31日");
        // Self-contained: no scripts, no outside style sheets, images or fonts.
        assertThat(page.select("script, link, img, iframe, [src]")).isEmpty();
        assertThat(page.selectFirst("style").data()).contains("@page").contains("@media print");
    }

    @Test
    void theHtmlPageShowsEveryFigureOfTheJsonUnderItsOfficialLabels() {
        AnnualReport report = fullReport();
        Document page = html(report);
        RenderedFigures.assertEqualToJson(json(report), FormGrid.of(page.getElementById("table-proactive")),
                                          FormGrid.of(page.getElementById("table-applications")),
                                          FormGrid.of(page.getElementById("table-reviews-and-lawsuits")), "html");
        assertThat(page.select("td.value")).hasSize(RenderedFigures.count());
    }

    @Test
    void theHtmlTablesMergeTheirHeaderCellsAsTheNationalFormDoes() {
        Document page = html(fullReport());
        Element applications = page.getElementById("table-applications");
        assertThat(header(applications, "申请人情况").attr("colspan")).isEqualTo("7");
        assertThat(header(applications, "法人或其他组织").attr("colspan")).isEqualTo("5");
        assertThat(header(applications, "自然人").attr("rowspan")).isEqualTo("2");
        assertThat(header(applications, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）").attr("rowspan")).isEqualTo("3");
        assertThat(header(applications, "三、本年度办理结果").attr("rowspan")).isEqualTo("22");
        assertThat(header(applications, "（三）不予公开").attr("rowspan")).isEqualTo("8");
        assertThat(header(applications, "（四）无法提供").attr("rowspan")).isEqualTo("3");
        assertThat(header(applications, "（五）不予处理").attr("rowspan")).isEqualTo("5");
        assertThat(header(applications, "（六）其他处理").attr("rowspan")).isEqualTo("3");
        assertThat(applications.select("thead tr")).hasSize(3);

        Element reviews = page.getElementById("table-reviews-and-lawsuits");
        assertThat(header(reviews, "行政复议").attr("colspan")).isEqualTo("5");
        assertThat(header(reviews, "行政诉讼").attr("colspan")).isEqualTo("10");
        assertThat(header(reviews, "未经复议直接起诉").attr("colspan")).isEqualTo("5");
        assertThat(header(reviews, "复议后起诉").attr("colspan")).isEqualTo("5");
        assertThat(reviews.select("th:containsOwn(结果维持)")).hasSize(3);

        Element proactive = page.getElementById("table-proactive");
        assertThat(proactive.select("th[colspan=4]").eachText())
                .containsExactly("第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项");
        assertThat(proactive.select("th:containsOwn(信息内容)")).hasSize(4);
    }

    @Test
    void theHtmlPageStatesTheCountingRuleOfTableFourAndNamesTheFailedChecks() {
        Document page = html(fullReport());
        assertThat(page.selectFirst("#reviews-and-lawsuits p.counting-rule").text())
                .contains("本年1月1日尚未审结").contains("计入“尚未审结”");
        Element failed = page.selectFirst(".checks-failed");
        assertThat(failed.select(".check-name").eachText()).containsExactly(FAILED_CHECK);
        assertThat(failed.text()).contains("自然人列：3 + 0 ≠ 2 + 0");
        assertThat(page.select(".checks li.passed .check-name").eachText()).containsExactly("TOTAL = sum of the six applicant columns");
    }

    @Test
    void theNarrativeIsEscapedTextOneParagraphALine() {
        byte[] bytes = RENDERER.render(fullReport(), ReportFormat.HTML);
        String raw = new String(bytes, StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain("<script>").doesNotContain("<b>粗体")
                       .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;引号&quot;");
        Document page = Jsoup.parse(raw);
        assertThat(page.select("script, b")).isEmpty();
        assertThat(page.select("#overview p").eachText())
                .containsExactly("我镇2023年不断提升政府信息公开质量。", HOSTILE, "（一）主动公开政府信息情况");
        assertThat(page.select("#problems p").eachText()).containsExactly("存在的主要问题：一是主动性不够强。", "改进情况：一是加强培训。");
        assertThat(page.select("#other p").eachText()).containsExactly("本年度无其他需要报告的事项。");
        assertThat(raw).doesNotContain("系统草稿");
    }

    @Test
    void beforeTheOtherTablesAndTheNarrativeExistThePageShowsBlanksTheDraftAndTheInstant() {
        AnnualReport report = withOverviewDraft(reportOfToday(), "系统草稿：本年收到申请<3>件。");
        Document page = html(report);
        assertThat(page.selectFirst("h1").text()).isEqualTo("xiaoying2023年政府信息公开工作年度报告");
        assertThat(page.select("#overview p").eachText())
                .containsExactly(ReportForm.DRAFT_NOTE, "系统草稿：本年收到申请<3>件。");
        assertThat(page.select("#problems p, #other p").eachText()).containsExactly(ReportForm.NOT_WRITTEN, ReportForm.NOT_WRITTEN);
        assertThat(page.select("#proactive p.missing, #reviews-and-lawsuits p.missing")).hasSize(2);
        assertThat(page.select("#applications p.missing")).isEmpty();
        assertThat(page.select("#table-proactive td.value, #table-reviews-and-lawsuits td.value"))
                .hasSize(25).allMatch(td -> td.text().isEmpty() && td.hasClass("missing"));
        RenderedFigures.assertEqualToJson(json(report), FormGrid.of(page.getElementById("table-proactive")),
                                          FormGrid.of(page.getElementById("table-applications")),
                                          FormGrid.of(page.getElementById("table-reviews-and-lawsuits")), "html");
        assertThat(page.selectFirst(".as-of").text()).contains("2024年1月5日08:00:00").contains("2024-01-05T00:00:00Z");
        // The date under the agency's name is the day of asOf; the cells lead to their cases as of then.
        assertThat(page.select("footer.signature p").eachText()).containsExactly("xiaoying", "2024年1月5日");
        assertThat(page.selectFirst("td[data-row=NEW][data-column=TOTAL] a").attr("href"))
                .isEqualTo("/api/agencies/xiaoying/reports/2023/cells/NEW/TOTAL?asOf=2024-01-05T00%3A00%3A00Z");
        assertThat(page.select(".checks-failed")).isEmpty();
    }

    @Test
    void theWorkbookHasTheThreeTablesWithMergedHeadersAndTheJsonFiguresUnderTheirLabels() throws IOException {
        AnnualReport report = fullReport();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RENDERER.render(report, ReportFormat.XLSX)))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(4);
            Sheet proactive = workbook.getSheet("二、主动公开政府信息情况");
            Sheet applications = workbook.getSheet("三、收到和处理政府信息公开申请情况");
            Sheet reviews = workbook.getSheet("四、政府信息公开行政复议、行政诉讼情况");
            assertThat(List.of(proactive, applications, reviews)).doesNotContainNull();
            assertThat(applications.getRow(0).getCell(0).getStringCellValue()).isEqualTo("小营镇人民政府2023年政府信息公开工作年度报告");
            RenderedFigures.assertEqualToJson(json(report), FormGrid.of(proactive, XlsxReport.FIRST_TABLE_ROW),
                                              FormGrid.of(applications, XlsxReport.FIRST_TABLE_ROW),
                                              FormGrid.of(reviews, XlsxReport.FIRST_TABLE_ROW), "xlsx");
            // Figures are numbers, fees with their four decimals.
            FormGrid table = FormGrid.of(applications, XlsxReport.FIRST_TABLE_ROW);
            assertThat(applications.getRow(XlsxReport.FIRST_TABLE_ROW + 3).getCell(3).getNumericCellValue()).isEqualTo(100.0);
            assertThat(table.at(3, 3)).isEqualTo("100");
            assertThat(FormGrid.of(proactive, XlsxReport.FIRST_TABLE_ROW).proactive("第二十条第（八）项 · 行政事业性收费",
                                                                                   "本年收费金额（单位：万元）")).isEqualTo("12.3450");
            // 法人或其他组织 is one merged cell over five columns; 行政诉讼 over ten.
            assertThat(merged(applications, "法人或其他组织")).isEqualTo(new CellRangeAddress(3, 3, 4, 8));
            assertThat(merged(reviews, "行政诉讼")).isEqualTo(new CellRangeAddress(2, 2, 5, 14));
            assertThat(text(reviews)).contains(ReportForm.REVIEWS_COUNTING_RULE);
            Sheet checks = workbook.getSheetAt(3);
            assertThat(text(checks)).contains(FAILED_CHECK).contains("未通过");
        }
    }

    @Test
    void theWorkbookLeavesTablesTheReportDoesNotCarryBlank() throws IOException {
        AnnualReport report = reportOfToday();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(RENDERER.render(report, ReportFormat.XLSX)))) {
            RenderedFigures.assertEqualToJson(json(report), FormGrid.of(workbook.getSheetAt(0), XlsxReport.FIRST_TABLE_ROW),
                                              FormGrid.of(workbook.getSheetAt(1), XlsxReport.FIRST_TABLE_ROW),
                                              FormGrid.of(workbook.getSheetAt(2), XlsxReport.FIRST_TABLE_ROW), "xlsx");
            assertThat(text(workbook.getSheetAt(0))).contains(ReportForm.TABLE_MISSING);
        }
    }

    @Test
    void theDocumentOpensAndHoldsTheTitleAllSixSectionsTheThreeTablesAndTheSignature() throws IOException {
        AnnualReport report = fullReport();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(RENDERER.render(report, ReportFormat.DOCX)))) {
            List<String> flow = new ArrayList<>();
            List<XWPFTable> tables = new ArrayList<>();
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    flow.add(paragraph.getText());
                } else if (element instanceof XWPFTable table) {
                    flow.add("[table " + tables.size() + "]");
                    tables.add(table);
                }
            }
            assertThat(flow.get(0)).isEqualTo("小营镇人民政府2023年政府信息公开工作年度报告");
            List<String> expectedOrder = List.of(
                    "一、总体情况", "我镇2023年不断提升政府信息公开质量。", HOSTILE, "二、主动公开政府信息情况", "[table 0]",
                    "三、收到和处理政府信息公开申请情况", "[table 1]", "四、政府信息公开行政复议、行政诉讼情况", "[table 2]",
                    ReportForm.REVIEWS_COUNTING_RULE, "五、存在的主要问题及改进情况", "存在的主要问题：一是主动性不够强。",
                    "改进情况：一是加强培训。", "六、其他需要报告的事项", "本年度无其他需要报告的事项。", "小营镇人民政府",
                    "2024年1月26日");
            assertThat(flow).containsSubsequence(expectedOrder);
            assertThat(flow).anyMatch(text -> text.contains(FAILED_CHECK));
            assertThat(tables).hasSize(3);
            RenderedFigures.assertEqualToJson(json(report), FormGrid.of(tables.get(0)), FormGrid.of(tables.get(1)),
                                              FormGrid.of(tables.get(2)), "docx");
            // The form's merges: 申请人情况 spans seven grid columns, the corner note three rows.
            assertThat(tables.get(1).getRow(0).getCell(1).getText()).isEqualTo("申请人情况");
            assertThat(tables.get(1).getRow(0).getCell(1).getCTTc().getTcPr().getGridSpan().getVal().intValue()).isEqualTo(7);
            assertThat(tables.get(1).getRow(1).getCell(0).getCTTc().getTcPr().getVMerge()).isNotNull();
        }
    }

    @Test
    void theCsvHasEveryCellOfTheThreeTablesKeyedAndLabelledAndReadsBackToTheJson() {
        AnnualReport report = fullReport();
        byte[] bytes = RENDERER.render(report, ReportFormat.CSV);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF); // UTF-8 byte-order mark, for Excel
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<List<String>> records = Csv.parse(text);
        assertThat(records.get(0)).containsExactly("table", "rowKey", "columnKey", "label", "value");
        List<List<String>> cells = records.subList(1, records.size());
        assertThat(cells).hasSize(RenderedFigures.count()).allMatch(record -> record.size() == 5);

        // Read back into the JSON's shape, it is the JSON's three tables.
        ObjectNode back = JSON.createObjectNode();
        for (List<String> record : cells) {
            ObjectNode row = back.with(record.get(0)).with(record.get(1));
            String value = record.get(4);
            if (record.get(2).equals("amountTenThousandYuan")) {
                row.put(record.get(2), value);
            } else {
                row.put(record.get(2), Integer.parseInt(value));
            }
        }
        JsonNode json = json(report);
        for (String table : List.of("proactive", "applications", "reviewsAndLawsuits")) {
            assertThat(back.get(table)).as(table).isEqualTo(json.get(table));
        }
        // Labels: the row's path and the column's path on the form.
        assertThat(cells).contains(
                List.of("proactive", "FEES", "amountTenThousandYuan", "第二十条第（八）项 · 行政事业性收费 / 本年收费金额（单位：万元）", "12.3450"),
                List.of("applications", "WITHHELD_PROHIBITED_BY_LAW", "COMMERCIAL_ENTERPRISE",
                        "三、本年度办理结果 · （三）不予公开 · 2.其他法律行政法规禁止公开 / 法人或其他组织 · 商业企业",
                        json.at("/applications/WITHHELD_PROHIBITED_BY_LAW/COMMERCIAL_ENTERPRISE").asText()),
                List.of("reviewsAndLawsuits", "LAWSUIT_AFTER_REVIEW", "PENDING", "行政诉讼 · 复议后起诉 / 尚未审结",
                        json.at("/reviewsAndLawsuits/LAWSUIT_AFTER_REVIEW/PENDING").asText()));
        for (List<String> record : cells) {
            String expected = switch (record.get(0)) {
                case "proactive" -> OfficialForm.PROACTIVE_ROWS.get(record.get(1)) + " / "
                                    + OfficialForm.FIGURE_LABELS.get(record.get(2));
                case "applications" -> OfficialForm.APPLICATION_ROWS.get(record.get(1)) + " / "
                                       + OfficialForm.APPLICATION_COLUMNS.get(record.get(2));
                default -> OfficialForm.REVIEW_GROUPS.get(record.get(1)) + " / " + OfficialForm.REVIEW_FIGURES.get(record.get(2));
            };
            assertThat(record.get(3)).as(record.toString()).isEqualTo(expected);
        }
    }

    @Test
    void theCsvHasEveryCellAlsoWhenTablesTwoAndFourAreMissingWithEmptyValues() {
        List<List<String>> records = Csv.parse(new String(RENDERER.render(reportOfToday(), ReportFormat.CSV),
                                                          StandardCharsets.UTF_8).substring(1));
        List<List<String>> cells = records.subList(1, records.size());
        assertThat(cells).hasSize(RenderedFigures.count());
        assertThat(cells).filteredOn(record -> !record.get(0).equals("applications")).hasSize(25)
                         .allMatch(record -> record.get(4).isEmpty());
    }

    @Test
    void formatsAreNamedInLowerOrUpperCaseAndFileNamesAreAscii() {
        assertThat(ReportFormat.named("XLSX")).contains(ReportFormat.XLSX);
        assertThat(ReportFormat.named("pdf")).isEmpty();
        assertThat(ReportFormat.named(null)).isEmpty();
        assertThat(ReportRenderer.filename(ReportView.of(fullReport(), JSON), ReportFormat.XLSX)).isEqualTo("report-xiaoying-2023.xlsx");
        assertThat(ReportRenderer.filename(ReportView.of(reportOfToday(), JSON), ReportFormat.CSV))
                .isEqualTo("report-xiaoying-2023-asof-20240105T000000Z.csv");
        AnnualReport odd = ofAgency(fullReport(), "小营/..\"x");
        assertThat(ReportRenderer.filename(ReportView.of(odd, JSON), ReportFormat.DOCX)).isEqualTo("report-___.._x-2023.docx");
    }

    /** Leaves the four renderings of the full report in target/renderings, for people to look at. */
    @Test
    void theFourRenderingsAreLeftInTargetForPeopleToLookAt() throws IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "renderings");
        java.nio.file.Files.createDirectories(folder);
        for (ReportFormat format : ReportFormat.values()) {
            byte[] bytes = RENDERER.render(fullReport(), format);
            assertThat(bytes).isNotEmpty();
            java.nio.file.Files.write(folder.resolve(ReportRenderer.filename(ReportView.of(fullReport(), JSON), format)), bytes);
        }
    }

    private static Document html(AnnualReport report) {
        return Jsoup.parse(new String(RENDERER.render(report, ReportFormat.HTML), StandardCharsets.UTF_8));
    }

    private static Element header(Element table, String text) {
        List<Element> found = table.select("th").stream().filter(th -> th.text().equals(text)).toList();
        assertThat(found).as(text).hasSize(1);
        return found.get(0);
    }

    private static CellRangeAddress merged(Sheet sheet, String text) {
        return sheet.getMergedRegions().stream()
                    .filter(region -> text.equals(sheet.getRow(region.getFirstRow()).getCell(region.getFirstColumn())
                                                       .getStringCellValue()))
                    .findFirst().orElseThrow(() -> new AssertionError("no merged cell " + text));
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> text.append(cell.toString()).append('\n')));
        return text.toString();
    }
}
