package gongkai.command.golive;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.events.lawsuit.Route;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The spreadsheet an agency fills in to go live (XLSX): its open applications with their lifecycle so far, its
 * reconsiderations and lawsuits still pending, the opening balance of table 二 and the previous year's published
 * {@code CARRIED_FORWARD} of table 三. {@link #template()} is the empty workbook to download; {@link #read} reads a
 * filled one and checks every row, collecting every problem (sheet, row, column, reason in Chinese) rather than
 * stopping at the first, so that a file is either all good or returned with the whole list. Plain Java (Apache POI
 * reads the file), tested without a database.
 */
public final class GoingLiveWorkbook {

    public static final String APPLICATIONS = "申请";
    public static final String REVIEWS_AND_LAWSUITS = "复议诉讼";
    public static final String OPENING_BALANCE = "期初余额";
    public static final String PREVIOUS_YEAR = "上年数据";

    static final String[] APPLICATION_COLUMNS = {"编号", "收到申请日期", "申请方式", "申请人类型", "申请人姓名", "申请内容",
            "要求补正日期", "补正期限", "收到补正日期", "征求意见开始日期", "征求意见对象", "征求意见结束日期",
            "延期日期", "延长工作日数", "延期理由"};
    static final String[] REVIEW_COLUMNS = {"编号", "类型（复议/诉讼）", "立案日期", "复议机关或法院", "诉讼途径（直接起诉/复议后起诉）",
            "复议编号（复议后起诉时）", "所涉申请编号"};
    static final String[] BALANCE_COLUMNS = {"截至日期", "现行有效规章件数", "现行有效规范性文件件数"};
    static final String[] PREVIOUS_YEAR_COLUMNS = {"年度", "申请人类型", "结转下年度继续办理"};

    /** One problem of the file: where (sheet, row as Excel numbers it, column) and why. */
    public record RowProblem(String sheet, int row, String column, String reason) {
    }

    public record ApplicationRow(int row, String ref, LocalDate receivedOn, Channel channel, ApplicantType applicantType,
                                 String applicantName, String request, LocalDate supplementRequestedOn,
                                 LocalDate supplementReplyBy, LocalDate supplementReceivedOn, LocalDate consultationStartedOn,
                                 String consultedParty, LocalDate consultationEndedOn, LocalDate extendedOn,
                                 Integer extensionWorkingDays, String extensionReason) {
    }

    public record ReviewRow(int row, String ref, boolean lawsuit, LocalDate filedOn, String body, Route route,
                            String reviewRef, String applicationRef) {
    }

    public record OpeningBalance(LocalDate asOf, int rules, int normativeDocuments) {
    }

    /** The previous year's published CARRIED_FORWARD, by applicant type (the columns of table 三). */
    public record PreviousYear(int year, Map<ApplicantType, Integer> carriedForward) {
    }

    /** A file read: what it holds, and every problem found (none: it can be imported as a whole). */
    public record Contents(List<ApplicationRow> applications, List<ReviewRow> reviews, OpeningBalance openingBalance,
                           PreviousYear previousYear, List<RowProblem> problems) {
    }

    private static final Map<String, Channel> CHANNELS = new LinkedHashMap<>();

    static {
        CHANNELS.put("当面提交", Channel.IN_PERSON);
        CHANNELS.put("邮寄", Channel.MAIL);
        CHANNELS.put("网上申请", Channel.ONLINE);
        CHANNELS.put("传真", Channel.FAX);
        CHANNELS.put("其他方式", Channel.OTHER);
    }

    private GoingLiveWorkbook() {
    }

    /** The empty workbook: one sheet per kind of record, its header row, and a note of what each column takes. */
    public static byte[] template() {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            header(workbook, APPLICATIONS, APPLICATION_COLUMNS,
                   "日期填 YYYY-MM-DD；申请方式：当面提交、邮寄、网上申请、传真、其他方式；申请人类型：自然人、商业企业、科研机构、"
                   + "社会公益组织、法律服务机构、其他；只填尚未办结的申请");
            header(workbook, REVIEWS_AND_LAWSUITS, REVIEW_COLUMNS,
                   "只填尚未审结的行政复议和行政诉讼");
            header(workbook, OPENING_BALANCE, BALANCE_COLUMNS, "开始使用本系统之日现行有效的规章和规范性文件件数（表二期初余额）");
            header(workbook, PREVIOUS_YEAR, PREVIOUS_YEAR_COLUMNS, "上一年度已公布年报表三“结转下年度继续办理”一行，按申请人类型各填一行");
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Workbook workbook, String name, String[] columns, String note) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.length; i++) {
            header.createCell(i).setCellValue(columns[i]);
            sheet.setColumnWidth(i, 18 * 256);
        }
        header.createCell(columns.length + 1).setCellValue(note);
    }

    /** Reads a filled workbook; a file that is no XLSX is one problem, not an exception. */
    public static Contents read(byte[] xlsx, LocalDate today) {
        List<RowProblem> problems = new ArrayList<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Reader reader = new Reader(problems, today);
            List<ApplicationRow> applications = reader.applications(workbook.getSheet(APPLICATIONS));
            Set<String> applicationRefs = new HashSet<>();
            applications.forEach(a -> applicationRefs.add(a.ref()));
            List<ReviewRow> reviews = reader.reviews(workbook.getSheet(REVIEWS_AND_LAWSUITS), applicationRefs);
            OpeningBalance balance = reader.balance(workbook.getSheet(OPENING_BALANCE));
            PreviousYear previous = reader.previousYear(workbook.getSheet(PREVIOUS_YEAR));
            if (workbook.getSheet(APPLICATIONS) == null) {
                problems.add(new RowProblem(APPLICATIONS, 0, "", "缺少工作表“" + APPLICATIONS + "”，请使用下载的模板"));
            }
            return new Contents(applications, reviews, balance, previous, problems);
        } catch (IOException | RuntimeException e) {
            problems.add(new RowProblem("", 0, "", "文件不是有效的 Excel 工作簿（.xlsx），请使用下载的模板"));
            return new Contents(List.of(), List.of(), null, null, problems);
        }
    }

    /** Reads cells, recording each problem where it is. */
    private static final class Reader {
        private final List<RowProblem> problems;
        private final LocalDate today;
        private final DataFormatter formatter = new DataFormatter();
        private String sheet;
        private int row;

        Reader(List<RowProblem> problems, LocalDate today) {
            this.problems = problems;
            this.today = today;
        }

        List<ApplicationRow> applications(Sheet s) {
            List<ApplicationRow> rows = new ArrayList<>();
            if (s == null) {
                return rows;
            }
            sheet = APPLICATIONS;
            Set<String> refs = new HashSet<>();
            for (Row r : s) {
                if (r.getRowNum() == 0 || blank(r, APPLICATION_COLUMNS.length)) {
                    continue;
                }
                row = r.getRowNum() + 1;
                String ref = required(r, 0, 64);
                if (ref != null && !refs.add(ref)) {
                    problem(0, "编号重复：同一编号只能填一行");
                }
                LocalDate received = date(r, 1, true);
                Channel channel = choice(r, 2, CHANNELS, Channel.class);
                ApplicantType type = applicantType(r, 3, true);
                String name = required(r, 4, 200);
                String request = required(r, 5, 10000);
                LocalDate supplementOn = date(r, 6, false);
                LocalDate replyBy = date(r, 7, false);
                LocalDate supplementReceived = date(r, 8, false);
                LocalDate consultationOn = date(r, 9, false);
                String party = optional(r, 10, 500);
                LocalDate consultationEnded = date(r, 11, false);
                LocalDate extendedOn = date(r, 12, false);
                Integer days = integer(r, 13, false);
                String reason = optional(r, 14, 2000);
                if (supplementOn != null && replyBy == null) {
                    problem(7, "填写了要求补正日期，须同时填写补正期限");
                }
                if (supplementOn == null && (replyBy != null || supplementReceived != null)) {
                    problem(6, "填写了补正期限或收到补正日期，须同时填写要求补正日期");
                }
                notBefore(received, supplementOn, 6, "要求补正日期早于收到申请日期");
                notBefore(supplementOn, supplementReceived, 8, "收到补正日期早于要求补正日期");
                if (consultationOn != null && party == null) {
                    problem(10, "填写了征求意见开始日期，须同时填写征求意见对象");
                }
                if (consultationOn == null && (party != null || consultationEnded != null)) {
                    problem(9, "填写了征求意见对象或结束日期，须同时填写征求意见开始日期");
                }
                notBefore(received, consultationOn, 9, "征求意见开始日期早于收到申请日期");
                notBefore(consultationOn, consultationEnded, 11, "征求意见结束日期早于开始日期");
                if ((extendedOn == null) != (days == null) || (extendedOn != null && reason == null)) {
                    problem(12, "延期须同时填写延期日期、延长工作日数和延期理由");
                }
                if (days != null && (days < 1 || days > 20)) {
                    problem(13, "延长工作日数须在 1 到 20 之间（第三十三条）");
                }
                notBefore(received, extendedOn, 12, "延期日期早于收到申请日期");
                rows.add(new ApplicationRow(row, ref, received, channel, type, name, request, supplementOn, replyBy,
                                            supplementReceived, consultationOn, party, consultationEnded, extendedOn, days, reason));
            }
            return rows;
        }

        List<ReviewRow> reviews(Sheet s, Set<String> applicationRefs) {
            List<ReviewRow> rows = new ArrayList<>();
            if (s == null) {
                return rows;
            }
            sheet = REVIEWS_AND_LAWSUITS;
            Set<String> refs = new HashSet<>();
            Set<String> reviewRefs = new HashSet<>();
            for (Row r : s) {
                if (r.getRowNum() == 0 || blank(r, REVIEW_COLUMNS.length)) {
                    continue;
                }
                row = r.getRowNum() + 1;
                String ref = required(r, 0, 64);
                if (ref != null && !refs.add(ref)) {
                    problem(0, "编号重复：同一编号只能填一行");
                }
                String kind = text(r, 1);
                boolean lawsuit = "诉讼".equals(kind);
                if (!lawsuit && !"复议".equals(kind)) {
                    problem(1, "类型须填“复议”或“诉讼”");
                } else if (!lawsuit && ref != null) {
                    reviewRefs.add(ref);
                }
                LocalDate filed = date(r, 2, true);
                String body = optional(r, 3, 200);
                String routeText = text(r, 4);
                Route route = null;
                if (lawsuit) {
                    if ("直接起诉".equals(routeText)) {
                        route = Route.DIRECT;
                    } else if ("复议后起诉".equals(routeText)) {
                        route = Route.AFTER_REVIEW;
                    } else {
                        problem(4, "诉讼途径须填“直接起诉”或“复议后起诉”");
                    }
                } else if (routeText != null) {
                    problem(4, "复议不填诉讼途径");
                }
                String reviewRef = optional(r, 5, 64);
                if (route == Route.AFTER_REVIEW && reviewRef != null && !reviewRefs.contains(reviewRef)) {
                    problem(5, "复议编号“" + reviewRef + "”不在本表此行之前的复议中");
                }
                String applicationRef = optional(r, 6, 64);
                if (applicationRef != null && !applicationRefs.contains(applicationRef)) {
                    problem(6, "所涉申请编号“" + applicationRef + "”不在“" + APPLICATIONS + "”表中");
                }
                rows.add(new ReviewRow(row, ref, lawsuit, filed, body, route, reviewRef, applicationRef));
            }
            return rows;
        }

        OpeningBalance balance(Sheet s) {
            if (s == null) {
                return null;
            }
            sheet = OPENING_BALANCE;
            OpeningBalance balance = null;
            for (Row r : s) {
                if (r.getRowNum() == 0 || blank(r, BALANCE_COLUMNS.length)) {
                    continue;
                }
                row = r.getRowNum() + 1;
                if (balance != null) {
                    problem(0, "期初余额只能填一行");
                    continue;
                }
                LocalDate asOf = date(r, 0, true);
                Integer rules = integer(r, 1, true);
                Integer documents = integer(r, 2, true);
                if (rules != null && rules < 0) {
                    problem(1, "件数不能为负数");
                }
                if (documents != null && documents < 0) {
                    problem(2, "件数不能为负数");
                }
                if (asOf != null && rules != null && documents != null) {
                    balance = new OpeningBalance(asOf, rules, documents);
                }
            }
            return balance;
        }

        PreviousYear previousYear(Sheet s) {
            if (s == null) {
                return null;
            }
            sheet = PREVIOUS_YEAR;
            Integer year = null;
            Map<ApplicantType, Integer> figures = new LinkedHashMap<>();
            for (Row r : s) {
                if (r.getRowNum() == 0 || blank(r, PREVIOUS_YEAR_COLUMNS.length)) {
                    continue;
                }
                row = r.getRowNum() + 1;
                Integer y = integer(r, 0, true);
                if (y != null && year != null && !y.equals(year)) {
                    problem(0, "各行年度须相同");
                }
                if (y != null && (y < 2008 || y >= today.getYear())) {
                    problem(0, "年度须是已经结束的年份");
                }
                year = year == null ? y : year;
                ApplicantType type = applicantType(r, 1, true);
                Integer count = integer(r, 2, true);
                if (count != null && count < 0) {
                    problem(2, "件数不能为负数");
                }
                if (type != null && count != null && figures.put(type, count) != null) {
                    problem(1, "同一申请人类型只能填一行");
                }
            }
            return year == null ? null : new PreviousYear(year, figures);
        }

        // ---- cells -----------------------------------------------------------------------------------

        private String columnName(int column) {
            String[] columns = switch (sheet) {
                case APPLICATIONS -> APPLICATION_COLUMNS;
                case REVIEWS_AND_LAWSUITS -> REVIEW_COLUMNS;
                case OPENING_BALANCE -> BALANCE_COLUMNS;
                default -> PREVIOUS_YEAR_COLUMNS;
            };
            return columns[column];
        }

        private void problem(int column, String reason) {
            problems.add(new RowProblem(sheet, row, columnName(column), reason));
        }

        private void notBefore(LocalDate earlier, LocalDate later, int column, String reason) {
            if (earlier != null && later != null && later.isBefore(earlier)) {
                problem(column, reason);
            }
        }

        private boolean blank(Row r, int columns) {
            for (int i = 0; i < columns; i++) {
                if (text(r, i) != null) {
                    return false;
                }
            }
            return true;
        }

        private String text(Row r, int column) {
            Cell cell = r.getCell(column);
            if (cell == null) {
                return null;
            }
            String text = formatter.formatCellValue(cell).strip();
            return text.isEmpty() ? null : text;
        }

        private String required(Row r, int column, int max) {
            return atMost(column, max, filled(r, column, true));
        }

        private String optional(Row r, int column, int max) {
            return atMost(column, max, text(r, column));
        }

        private String atMost(int column, int max, String text) {
            if (text != null && text.length() > max) {
                problem(column, "过长，最多 " + max + " 个字符");
                return null;
            }
            return text;
        }

        private LocalDate date(Row r, int column, boolean required) {
            Cell cell = r.getCell(column);
            if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                return inPast(column, cell.getLocalDateTimeCellValue().toLocalDate());
            }
            String text = filled(r, column, required);
            if (text == null) {
                return null;
            }
            try {
                return inPast(column, LocalDate.parse(text));
            } catch (DateTimeParseException e) {
                problem(column, "“" + text + "”不是有效日期，请填 YYYY-MM-DD");
                return null;
            }
        }

        /** The cell's text, or null after saying 必填 when a required cell is empty. */
        private String filled(Row r, int column, boolean required) {
            String text = text(r, column);
            if (text == null && required) {
                problem(column, "必填");
            }
            return text;
        }

        private LocalDate inPast(int column, LocalDate date) {
            if (date.isAfter(today)) {
                problem(column, "日期 " + date + " 晚于今天");
                return null;
            }
            return date;
        }

        private Integer integer(Row r, int column, boolean required) {
            String text = filled(r, column, required);
            if (text == null) {
                return null;
            }
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                problem(column, "“" + text + "”不是整数");
                return null;
            }
        }

        private ApplicantType applicantType(Row r, int column, boolean required) {
            String text = filled(r, column, required);
            if (text == null) {
                return null;
            }
            for (ApplicantType type : ApplicantType.values()) {
                String label = type.label();
                if (text.equals(type.name()) || text.equals(label) || label.endsWith("· " + text)) {
                    return type;
                }
            }
            problem(column, "“" + text + "”不是申请人类型（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他）");
            return null;
        }

        private <E extends Enum<E>> E choice(Row r, int column, Map<String, E> labels, Class<E> type) {
            String text = filled(r, column, true);
            if (text == null) {
                return null;
            }
            if (labels.containsKey(text)) {
                return labels.get(text);
            }
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(text)) {
                    return value;
                }
            }
            problem(column, "“" + text + "”不是可选值 " + labels.keySet());
            return null;
        }
    }
}
