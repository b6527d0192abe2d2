package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed (src/test/resources/seed/xiaoying-2023-annual-report.txt: 小营镇's published report of 2023, copied
 * from its web page, the tables' layout lost, rows and numbers intact) reproduced through HTTP on
 * both services: a clerk records the township's 2023 facts, and the report has every number of the
 * seed's tables 二 and 三; its table 四 has the pending reconsideration counted in 总计 (the seed says 0),
 * with every check passing. Then the report is published, and a backdated decision recorded afterwards
 * is flagged on it with the published value, the current one, and the event that changed it.
 */
class SeedReport2023EndToEndTest {

    /** The seed's table 二 as published: 规章 0 0 0, 行政规范性文件 0 0 0, 行政许可 274, 行政处罚 5, 行政强制 0, 收费 0. */
    private static final List<Integer> SEED_TABLE_TWO = List.of(0, 0, 0, 0, 0, 0, 274, 5, 0, 0);
    /** Section 一: 285 items, 行政许可类 274, 行政处罚类 5, 预算决算类 2, 工作动态 2, 其他 2. */
    private static final Map<String, Integer> SEED_ITEMS = ordered("行政许可类", 274, "行政处罚类", 5, "预算决算类", 2,
                                                                   "工作动态", 2, "其他", 2);
    private static final String A = "/api/agencies/xiaoying";

    @Test
    void theSeeds2023ReportIsReproducedPublishedAndALaterBackdatedDecisionIsFlagged() throws Exception {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http admin = commandSide.admin();
            ok(admin.post("/api/admin/agencies", "{\"agencyId\":\"xiaoying\",\"name\":\"小营镇人民政府\"}"), 201);
            ok(admin.post("/api/admin/users", "{\"username\":\"li\",\"password\":\"li-password-1\",\"roles\":[\"CLERK\"],"
                                              + "\"agencyId\":\"xiaoying\"}"), 201);
            Http clerk = commandSide.as("li", "li-password-1");
            Http reader = querySide.as("li", "li-password-1");

            // ---- the township's 2023, as a clerk records it ----------------------------------------
            int day = 0;
            for (Map.Entry<String, Integer> category : SEED_ITEMS.entrySet()) {
                for (int i = 0; i < category.getValue(); i++) {
                    LocalDate on = LocalDate.of(2023, 1, 3).plusDays(day++ % 360);
                    ok(clerk.post(A + "/publications", "{\"category\":\"%s\",\"title\":\"%s第%d条\",\"publishedOn\":\"%s\"}"
                            .formatted(category.getKey(), category.getKey(), i + 1, on)), 201);
                }
            }
            ok(clerk.post(A + "/decision-tallies", "{\"category\":\"LICENSING\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":274}"), 201);
            ok(clerk.post(A + "/decision-tallies", "{\"category\":\"PENALTY\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":5}"), 201);
            ok(clerk.post(A + "/decision-tallies", "{\"category\":\"COERCION\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":0}"), 201);
            Http.Response review = clerk.post("/api/reviews", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2023-11-20\",\"body\":\"滦平县人民政府\"}");
            ok(review, 201);
            String reviewId = review.json().get("reviewId").asText();
            String overview = "2023年，我镇主动公开政府信息285条。2023年度我镇未收到政府信息公开申请。";
            ok(clerk.put(A + "/reports/2023/narrative", "{\"overview\":\"初稿\",\"problems\":\"\",\"other\":\"\"}"), 200);
            RunningQuerySide.awaitProjections(reader);
            String draftWritten = reader.get(A + "/reports/2023").json().at("/narrative/recordedAt").asText();
            ok(clerk.put(A + "/reports/2023/narrative", "{\"overview\":\"%s\",\"problems\":\"公开内容还不够丰富。\",\"other\":\"本年度无其他需要报告的事项。\"}"
                    .formatted(overview)), 200);
            RunningQuerySide.awaitProjections(reader);

            // ---- the report: tables 二 and 三 as the seed's, table 四 counted right -------------------
            JsonNode report = reader.get(A + "/reports/2023").json();
            assertThat(report.get("agencyId").asText()).isEqualTo("xiaoying");
            assertThat(report.get("name").asText()).isEqualTo("小营镇人民政府");
            assertThat(report.get("year").asInt()).isEqualTo(2023);
            assertThat(report.get("asOf").isNull()).isTrue();
            assertThat(tableTwoInSeedOrder(report.get("proactive"))).isEqualTo(SEED_TABLE_TWO);
            assertThat(report.at("/proactive/FEES/amountTenThousandYuan").asText()).isEqualTo("0.0000");
            assertThat(report.get("applications").size()).isEqualTo(25);
            report.get("applications").forEach(row -> {
                assertThat(row.size()).isEqualTo(7);
                row.forEach(count -> assertThat(count.asInt()).isZero());
            });
            assertThat(figures(report.at("/reviewsAndLawsuits/REVIEW"))).containsExactly(0, 0, 0, 1, 1);
            assertThat(figures(report.at("/reviewsAndLawsuits/LAWSUIT_DIRECT"))).containsExactly(0, 0, 0, 0, 0);
            assertThat(figures(report.at("/reviewsAndLawsuits/LAWSUIT_AFTER_REVIEW"))).containsExactly(0, 0, 0, 0, 0);
            assertThat(report.get("checks").size()).isEqualTo(6);
            report.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue());
            assertThat(report.at("/publishedItems/total").asInt()).isEqualTo(285);
            assertThat(report.at("/narrative/overview").asText()).isEqualTo(overview);
            assertThat(report.at("/narrative/other").asText()).isEqualTo("本年度无其他需要报告的事项。");
            assertThat(reader.get(A + "/reports/2023?asOf=" + URLEncoder.encode(draftWritten, StandardCharsets.UTF_8))
                             .json().at("/narrative/overview").asText()).as("the text as of the first writing").isEqualTo("初稿");
            assertThat(report.get("overviewDraft").asText())
                    .contains("2023年，本机关主动公开政府信息285条。主动公开政府信息主要类别有：行政许可类274条；行政处罚类5条；"
                              + "预算决算类2条；工作动态2条；其他2条。")
                    .contains("作出行政许可决定274件、行政处罚决定5件、行政强制决定0件")
                    .contains("未收到政府信息公开申请")
                    .contains("行政复议1件（结果维持0件、结果纠正0件、其他结果0件、尚未审结1件）");
            assertThat(report.get("published").isNull()).isTrue();
            seedAgrees();

            // ---- drill-down into each table ----------------------------------------------------------
            JsonNode licensing = reader.get(A + "/reports/2023/cells/LICENSING/decisions").json();
            assertThat(licensing.get("table").asText()).isEqualTo("proactive");
            assertThat(licensing.get("value").asInt()).isEqualTo(274);
            assertThat(licensing.at("/sources/0/kind").asText()).isEqualTo("TALLY");
            assertThat(licensing.at("/sources/0/label").asText()).isEqualTo("2023-01-01/2023-12-31");
            JsonNode pending = reader.get(A + "/reports/2023/cells/REVIEW/PENDING").json();
            assertThat(pending.get("table").asText()).isEqualTo("reviewsAndLawsuits");
            assertThat(pending.at("/cases/0/reviewId").asText()).isEqualTo(reviewId);
            assertThat(reader.get(A + "/reports/2023/cells/NEW/TOTAL").json().get("count").asInt()).isZero();
            Http.Response unknown = reader.get(A + "/reports/2023/cells/LICENSING/inForce");
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
            assertThat(reader.get(A + "/reports/2023/cells/NO_SUCH_ROW/TOTAL").status()).isEqualTo(404);

            // ---- publication ---------------------------------------------------------------------------
            ok(clerk.post(A + "/reports/2023/publication", ""), 201);
            JsonNode published = awaitSealed(reader);
            String digest = published.get("digest").asText();
            assertThat(digest).matches("[0-9a-f]{64}");
            assertThat(published.get("verified").asBoolean()).isTrue();
            assertThat(published.get("changedFigures")).isEmpty();
            String publishedAt = published.get("publishedAt").asText();
            JsonNode asPublished = reader.get(A + "/reports/2023?asOf=" + URLEncoder.encode(publishedAt, StandardCharsets.UTF_8)).json();
            assertThat(sha256(canonical(asPublished))).as("the documented canonical form, recomputed here").isEqualTo(digest);

            // ---- a backdated decision and a late tally, recorded after publication -------------------
            ok(clerk.post("/api/reviews/" + reviewId + "/decision", "{\"decidedOn\":\"2023-12-29\",\"result\":\"UPHELD\"}"), 200);
            ok(clerk.post(A + "/decision-tallies", "{\"category\":\"PENALTY\",\"from\":\"2023-12-20\",\"to\":\"2023-12-20\",\"count\":2}"), 201);
            RunningQuerySide.awaitProjections(reader);

            JsonNode after = reader.get(A + "/reports/2023").json();
            assertThat(figures(after.at("/reviewsAndLawsuits/REVIEW"))).containsExactly(1, 0, 0, 0, 1);
            assertThat(after.at("/proactive/PENALTY/decisions").asInt()).isEqualTo(7);
            JsonNode flagged = after.get("published");
            assertThat(flagged.get("digest").asText()).isEqualTo(digest);
            assertThat(flagged.get("verified").asBoolean()).isTrue();
            Map<String, JsonNode> changed = new LinkedHashMap<>();
            flagged.get("changedFigures").forEach(c -> changed.put(
                    c.get("table").asText() + "/" + c.get("rowKey").asText() + "/" + c.get("columnKey").asText(), c));
            assertThat(changed.keySet()).containsExactlyInAnyOrder("proactive/PENALTY/decisions",
                                                                   "reviewsAndLawsuits/REVIEW/UPHELD",
                                                                   "reviewsAndLawsuits/REVIEW/PENDING");
            JsonNode upheld = changed.get("reviewsAndLawsuits/REVIEW/UPHELD");
            assertThat(upheld.get("publishedValue").asInt()).isZero();
            assertThat(upheld.get("currentValue").asInt()).isEqualTo(1);
            assertThat(upheld.at("/events/0/type").asText()).isEqualTo("ReviewDecided");
            assertThat(upheld.at("/events/0/caseId").asText()).isEqualTo(reviewId);
            assertThat(upheld.at("/events/0/businessDate").asText()).isEqualTo("2023-12-29");
            assertThat(upheld.at("/events/0/actor").asText()).isEqualTo("li");
            assertThat(upheld.at("/events/0/effect").asText()).isEqualTo("counted");
            JsonNode pendingChange = changed.get("reviewsAndLawsuits/REVIEW/PENDING");
            assertThat(pendingChange.get("publishedValue").asInt()).isEqualTo(1);
            assertThat(pendingChange.get("currentValue").asInt()).isZero();
            assertThat(pendingChange.at("/events/0/type").asText()).isEqualTo("ReviewDecided");
            assertThat(pendingChange.at("/events/0/effect").asText()).isEqualTo("uncounted");
            JsonNode penalty = changed.get("proactive/PENALTY/decisions");
            assertThat(penalty.get("publishedValue").asInt()).isEqualTo(5);
            assertThat(penalty.get("currentValue").asInt()).isEqualTo(7);
            assertThat(penalty.at("/events/0/type").asText()).isEqualTo("DecisionsTallied");
            assertThat(penalty.at("/events/0/value").asInt()).isEqualTo(2);
            // The published figures stay readable as they were.
            assertThat(figures(reader.get(A + "/reports/2023?asOf=" + URLEncoder.encode(publishedAt, StandardCharsets.UTF_8))
                                     .json().at("/reviewsAndLawsuits/REVIEW"))).containsExactly(0, 0, 0, 1, 1);

            // ---- republished: the latest publication has nothing changed, the first is kept --------------
            ok(clerk.post(A + "/reports/2023/publication", ""), 201);
            JsonNode republished = RunningQuerySide.await("the republication sealed, the first one listed", () -> reader.get(A + "/reports/2023"),
                    r -> r.json().at("/published/earlierPublications").size() == 1
                         && r.json().at("/published/sealed").asBoolean(), Duration.ofSeconds(30)).json().get("published");
            assertThat(republished.get("changedFigures")).isEmpty();
            assertThat(republished.get("digest").asText()).isNotEqualTo(digest);
            assertThat(republished.at("/earlierPublications/0/digest").asText()).isEqualTo(digest);
        }
    }

    // ---- support ------------------------------------------------------------------------------------

    private static JsonNode awaitSealed(Http reader) {
        Http.Response sealed = RunningQuerySide.await("the 2023 publication sealed", () -> reader.get(A + "/reports/2023"),
                r -> r.json().at("/published/sealed").asBoolean(), Duration.ofSeconds(30));
        return sealed.json().get("published");
    }

    /** Table 二's figures in the seed's order (the rows of the form, each with its figures). */
    private static List<Integer> tableTwoInSeedOrder(JsonNode proactive) {
        List<Integer> numbers = new ArrayList<>();
        for (String row : List.of("RULES", "NORMATIVE_DOCUMENTS")) {
            for (String figure : List.of("issued", "repealed", "inForce")) {
                numbers.add(proactive.at("/" + row + "/" + figure).asInt());
            }
        }
        for (String row : List.of("LICENSING", "PENALTY", "COERCION")) {
            numbers.add(proactive.at("/" + row + "/decisions").asInt());
        }
        numbers.add(proactive.at("/FEES/amountTenThousandYuan").decimalValue().intValueExact());
        return numbers;
    }

    private static List<Integer> figures(JsonNode group) {
        List<Integer> figures = new ArrayList<>();
        for (String figure : List.of("UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL")) {
            figures.add(group.get(figure).asInt());
        }
        return figures;
    }

    /**
     * The numbers typed above are the seed's own, read from it: table 二's are those above, table 三's are
     * all 0, and its table 四 says 尚未审结 1 and 总计 0.
     */
    private static void seedAgrees() throws IOException {
        String text;
        try (InputStream seed = SeedReport2023EndToEndTest.class.getResourceAsStream("/seed/xiaoying-2023-annual-report.txt")) {
            assertThat(seed).as("the seed in the test resources").isNotNull();
            text = new String(seed.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Integer> two = numbersBetween(text, "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况");
        List<Integer> three = numbersBetween(text, "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议");
        List<Integer> four = numbersBetween(text, "四、政府信息公开行政复议", "五、存在的主要问题");
        assertThat(two).isEqualTo(SEED_TABLE_TWO);
        assertThat(three).hasSize(100).containsOnly(0);
        assertThat(four.subList(0, 5)).as("the seed's 行政复议: 尚未审结 1, 总计 0").containsExactly(0, 0, 0, 1, 0);
    }

    /** The lines that are a number alone, between two headings of the seed (its tables lost their layout). */
    private static List<Integer> numbersBetween(String text, String from, String to) {
        int start = text.indexOf(from);
        String section = text.substring(start, text.indexOf(to, start));
        List<Integer> numbers = new ArrayList<>();
        for (String line : section.split("\n")) {
            String trimmed = line.replaceAll("[\\p{Z}\\s]+", " ").strip();
            if (trimmed.matches("[0-9]+( [0-9]+)*")) {
                for (String part : trimmed.split(" ")) {
                    numbers.add(Integer.parseInt(part));
                }
            }
        }
        return numbers;
    }

    /**
     * The report's JSON (docs/http-api.md) → the canonical form documented in ReportDigest, built here independently.
     */
    private static String canonical(JsonNode report) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        ObjectNode figures = json.createObjectNode();
        figures.set("agencyId", report.get("agencyId"));
        figures.set("year", report.get("year"));
        figures.set("proactive", report.get("proactive"));
        figures.set("applications", report.get("applications"));
        figures.set("reviewsAndLawsuits", report.get("reviewsAndLawsuits"));
        Object plain = json.treeToValue(figures, Object.class); // maps, so that the keys get sorted
        return json.writeValueAsString(plain);
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, Integer> ordered(Object... keysAndValues) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return map;
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
