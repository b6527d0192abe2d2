package gongkai.query.agency;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.oversight.OversightBoard;
import gongkai.query.report.RollUps;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tree of agencies end to end (docs/agencies.md), over real HTTP on both sides and a real PostgreSQL, today
 * fixed at 1 September 2025: a county (滦平县人民政府) with a department and three townships, another county beside
 * it; applications, reviews and documents in each in 2023 and 2024; roll-ups, a move, a closure, scopes.
 */
class AgencyTreeEndToEndTest {

    static final String TODAY = "2025-09-01";
    static final String COUNTY = "luanping";
    static final String OTHER_COUNTY = "xinglong";
    static final List<String> FIVE = List.of(COUNTY, "luanping-jiaoyu", "xiaoying", "anchungou", "fuyu");

    static RunningCommandSide commandSide;
    static RunningQuerySide querySide;
    static Http admin;
    static Http queryAdmin;
    static final Map<String, String> OPEN_CASE = new java.util.HashMap<>();

    @BeforeAll
    static void aCountyWithADepartmentAndThreeTownshipsAndTwoYearsOfWork() {
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.business-date=" + TODAY);
        // slices of two agencies at least: the county's board is read in slices side by side, as a province's is
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=" + TODAY,
                                        "--gongkai.oversight.slice-at-least=2");
        admin = commandSide.admin();
        queryAdmin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        agency(COUNTY, "滦平县人民政府", null, "PEOPLES_GOVERNMENT");
        agency(OTHER_COUNTY, "兴隆县人民政府", null, "PEOPLES_GOVERNMENT");
        agency("luanping-jiaoyu", "滦平县教育局", COUNTY, "DEPARTMENT");
        agency("xiaoying", "小营满族乡人民政府", COUNTY, "TOWNSHIP");
        agency("anchungou", "安纯沟门满族乡人民政府", COUNTY, "TOWNSHIP");
        agency("fuyu", "付营子镇人民政府", COUNTY, "TOWNSHIP");
        for (String agency : FIVE) {
            user(agency + "-clerk", "CLERK", agency);
            Http clerk = commandSide.as(agency + "-clerk", agency + "-clerk-password");
            // 2023: one answered within the year, one carried over into 2024
            concluded(clerk, received(clerk, agency, "2023-03-01"), "2023-03-10", "DISCLOSED");
            concluded(clerk, received(clerk, agency, "2023-12-20"), "2024-01-10", "UNAVAILABLE_NOT_HELD");
            // 2024: one answered, one still open (carried over into 2025)
            concluded(clerk, received(clerk, agency, "2024-05-06"), "2024-05-20", "DISCLOSED");
            OPEN_CASE.put(agency, received(clerk, agency, "2024-12-25"));
            created(clerk.post("/api/agencies/" + agency + "/documents",
                               "{\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"文件\",\"issuedOn\":\"2023-06-01\"}"));
            created(clerk.post("/api/reviews", "{\"agencyId\":\"" + agency + "\",\"filedOn\":\"2024-02-01\"}"));
        }
        user("county-auditor", "AUDITOR", COUNTY);
        user("xiaoying-auditor", "AUDITOR", "xiaoying");
        RunningQuerySide.awaitProjections(queryAdmin);
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void aCountyRollUpIsTheSumOfItsFiveAgenciesFigureByFigureWithEveryCheckPassingForTwoYears() {
        for (int year : List.of(2023, 2024)) {
            JsonNode rollUp = ok(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/" + year + "?scope=subtree"));
            assertThat(rollUp.at("/rollUp/label").asText()).isEqualTo("汇总");
            assertThat(rollUp.at("/rollUp/agencies").findValuesAsText("agencyId")).containsExactlyInAnyOrderElementsOf(FIVE);
            List<JsonNode> own = FIVE.stream().map(a -> ok(queryAdmin.get("/api/agencies/" + a + "/reports/" + year))).toList();
            for (String table : List.of("proactive", "applications", "reviewsAndLawsuits")) {
                forEachFigure(rollUp.get(table), (row, column, figure) -> {
                    BigDecimal sum = own.stream().map(r -> new BigDecimal(r.get(table).get(row).get(column).asText()))
                                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                    assertThat(new BigDecimal(figure.asText())).as(year + " " + table + " " + row + " " + column)
                                                                .isEqualByComparingTo(sum);
                });
            }
            assertThat(rollUp.at("/applications/NEW/TOTAL").asInt()).isEqualTo(10);
            assertThat(rollUp.get("checks")).hasSizeGreaterThanOrEqualTo(6);
            assertThat(rollUp.get("checks").findValuesAsText("passed")).as(rollUp.get("checks").toString())
                                                                         .containsOnly("true");
        }
    }

    @Test
    void aFigureOfTheRollUpDrillsDownToEachAgencysFigureAndFromThereToItsCases() {
        JsonNode drill = ok(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024/cells/NEW/TOTAL?scope=subtree"));
        assertThat(drill.get("figure").asInt()).isEqualTo(10);
        assertThat(drill.get("agencies")).hasSize(5);
        for (JsonNode agency : drill.get("agencies")) {
            assertThat(agency.get("figure").asInt()).isEqualTo(2);
            JsonNode cases = ok(queryAdmin.get(agency.get("href").asText()));
            assertThat(cases.get("cases")).hasSize(2);
        }
    }

    @Test
    void theRenderingsOfARollUpCarryItsLabelAndTheAgenciesSummed() {
        Http.Response html = queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree&format=html");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body()).contains("汇总", "滦平县教育局", "付营子镇人民政府", "不是法定年度报告");
        Http.Response csv = queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree&format=csv");
        assertThat(csv.body()).contains("rollUp,AGENCY,fuyu,付营子镇人民政府,汇总");
        assertThat(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree&format=xlsx").status()).isEqualTo(200);
        assertThat(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree&format=docx").status()).isEqualTo(200);
        assertThat(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=everything").status()).isEqualTo(400);
    }

    @Test
    void aTownshipMovedOnFirstJulyLeavesBothCountiesPastYearsAsTheyWereAndCountsWholeInItsNewCountyThisYear() {
        String moved = "hushiha";
        agency(moved, "虎什哈镇人民政府", OTHER_COUNTY, "TOWNSHIP");
        user(moved + "-clerk", "CLERK", moved);
        Http clerk = commandSide.as(moved + "-clerk", moved + "-clerk-password");
        received(clerk, moved, "2024-03-01");
        received(clerk, moved, "2025-03-03");
        RunningQuerySide.awaitProjections(queryAdmin);
        JsonNode countyBefore = ok(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree"));
        JsonNode otherBefore = ok(queryAdmin.get("/api/agencies/" + OTHER_COUNTY + "/reports/2024?scope=subtree"));
        assertThat(otherBefore.at("/applications/NEW/TOTAL").asInt()).isEqualTo(1);

        ok(admin.put("/api/admin/agencies/" + moved + "/parent", "{\"parentId\":\"" + COUNTY + "\",\"movedOn\":\"2025-07-01\"}"));
        RunningQuerySide.awaitProjections(queryAdmin);

        assertThat(ok(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree")).get("applications"))
                .isEqualTo(countyBefore.get("applications"));
        assertThat(ok(queryAdmin.get("/api/agencies/" + OTHER_COUNTY + "/reports/2024?scope=subtree")).get("applications"))
                .isEqualTo(otherBefore.get("applications"));
        // the year not over: the tree as it stands, so the township's whole year counts in its new county
        JsonNode county2025 = ok(queryAdmin.get("/api/agencies/" + COUNTY + "/reports/2025?scope=subtree"));
        JsonNode other2025 = ok(queryAdmin.get("/api/agencies/" + OTHER_COUNTY + "/reports/2025?scope=subtree"));
        assertThat(county2025.at("/rollUp/agencies").findValuesAsText("agencyId")).contains(moved);
        assertThat(other2025.at("/rollUp/agencies").findValuesAsText("agencyId")).doesNotContain(moved);
        assertThat(county2025.at("/applications/NEW/TOTAL").asInt()).isEqualTo(1);
        assertThat(county2025.get("checks").findValuesAsText("passed")).containsOnly("true");
        // the tree on 30 June still has it in the other county; its history shows the move
        JsonNode june = ok(queryAdmin.get("/api/agencies/" + OTHER_COUNTY + "/tree?on=2025-06-30"));
        assertThat(june.get("agency").findValuesAsText("agencyId")).contains(moved);
        JsonNode history = ok(queryAdmin.get("/api/agencies/" + moved + "/history"));
        assertThat(history.get("changes").findValuesAsText("type")).containsExactly("CREATED", "MOVED");
        assertThat(history.at("/changes/1/on").asText()).isEqualTo("2025-07-01");
    }

    @Test
    void aClosedTownshipsOpenCasesAreTheSuccessorsToHandleAndItsPastReportsStayItsOwn() {
        String closing = "closing-township";
        String successor = "successor-township";
        agency(closing, "两间房乡人民政府", OTHER_COUNTY, "TOWNSHIP");
        agency(successor, "巴克什营镇人民政府", OTHER_COUNTY, "TOWNSHIP");
        user(closing + "-clerk", "CLERK", closing);
        user(successor + "-clerk", "CLERK", successor);
        Http closingClerk = commandSide.as(closing + "-clerk", closing + "-clerk-password");
        Http successorClerk = commandSide.as(successor + "-clerk", successor + "-clerk-password");
        concluded(closingClerk, received(closingClerk, closing, "2024-04-01"), "2024-04-10", "DISCLOSED");
        String open = received(closingClerk, closing, "2024-12-30");
        RunningQuerySide.awaitProjections(queryAdmin);
        JsonNode before = ok(queryAdmin.get("/api/agencies/" + closing + "/reports/2024"));

        ok(admin.post("/api/admin/agencies/" + closing + "/closure", "{\"successorId\":\"" + successor
                                                                     + "\",\"closedOn\":\"2025-08-01\"}"));
        RunningQuerySide.awaitProjections(queryAdmin);

        Http successorReader = querySide.as(successor + "-clerk", successor + "-clerk-password");
        JsonNode worklist = ok(successorReader.get("/api/applications?open=true"));
        assertThat(worklist.get("items").findValuesAsText("applicationId")).containsExactly(open);
        assertThat(successorReader.get("/api/applications/" + open).status()).isEqualTo(200);
        Http.Response answered = successorClerk.post("/api/applications/" + open + "/conclusion",
                                                     "{\"concludedOn\":\"2025-08-05\",\"outcome\":\"DISCLOSED\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        RunningQuerySide.awaitProjections(queryAdmin);
        assertThat(ok(queryAdmin.get("/api/agencies/" + closing + "/reports/2024")).get("applications"))
                .isEqualTo(before.get("applications"));
        // a closed agency changes no more; the county's roll-up still sums the closed township's figures
        assertThat(admin.put("/api/admin/agencies/" + closing + "/name", "{\"name\":\"另一个名称\"}").status()).isEqualTo(409);
        JsonNode county = ok(queryAdmin.get("/api/agencies/" + OTHER_COUNTY + "/reports/2025?scope=subtree"));
        assertThat(county.at("/rollUp/agencies").findValuesAsText("agencyId")).contains(closing, successor);
    }

    @Test
    void anAuditorOfATownshipReadsNoneOfASiblingsCasesOrReportsAndAnAuditorOfTheCountyReadsAllFive() {
        Http township = querySide.as("xiaoying-auditor", "xiaoying-auditor-password");
        Http county = querySide.as("county-auditor", "county-auditor-password");
        assertThat(township.get("/api/agencies/xiaoying/reports/2024").status()).isEqualTo(200);
        assertThat(township.get("/api/agencies/anchungou/reports/2024").status()).isEqualTo(403);
        assertThat(township.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree").status()).isEqualTo(403);
        assertThat(township.get("/api/applications/" + OPEN_CASE.get("anchungou")).status()).isEqualTo(404);
        assertThat(township.get("/api/applications?agencyId=anchungou").status()).isEqualTo(403);
        for (String agency : FIVE) {
            assertThat(county.get("/api/agencies/" + agency + "/reports/2024").status()).as(agency).isEqualTo(200);
            assertThat(county.get("/api/applications/" + OPEN_CASE.get(agency)).status()).as(agency).isEqualTo(200);
            assertThat(county.get("/api/applications?agencyId=" + agency).status()).as(agency).isEqualTo(200);
        }
        assertThat(county.get("/api/agencies/" + COUNTY + "/reports/2024?scope=subtree").status()).isEqualTo(200);
        assertThat(county.get("/api/agencies/" + OTHER_COUNTY + "/reports/2024").status()).isEqualTo(403);
    }

    @Test
    void theOversightBoardNamesADepartmentThatHasNotPublishedBy31JanuaryAsLate() {
        Http townshipClerk = commandSide.as("xiaoying-clerk", "xiaoying-clerk-password");
        created(townshipClerk.post("/api/agencies/xiaoying/reports/2024/publication", ""));
        RunningQuerySide.awaitProjections(queryAdmin);
        Http county = querySide.as("county-auditor", "county-auditor-password");
        JsonNode board = ok(county.get("/api/agencies/" + COUNTY + "/oversight/2024?sort=late&order=desc"));
        Map<String, JsonNode> byAgency = new java.util.HashMap<>();
        board.get("agencies").forEach(line -> byAgency.put(line.get("agencyId").asText(), line));
        assertThat(byAgency.keySet()).containsAll(FIVE);
        JsonNode department = byAgency.get("luanping-jiaoyu");
        assertThat(department.get("deadline").asText()).isEqualTo("2025-01-31");
        assertThat(department.get("published").asBoolean()).isFalse();
        assertThat(department.get("standing").asText()).isEqualTo("LATE");
        assertThat(department.get("late").asBoolean()).isTrue();
        assertThat(byAgency.get(COUNTY).get("deadline").asText()).isEqualTo("2025-03-31");
        JsonNode township = byAgency.get("xiaoying");
        assertThat(township.get("published").asBoolean()).isTrue();
        assertThat(township.get("publishedOn").asText()).isEqualTo(TODAY);
        assertThat(township.get("standing").asText()).isEqualTo("PUBLISHED_LATE");
        assertThat(township.get("failedChecks").asInt()).isZero();
        assertThat(township.get("applications").asInt()).isEqualTo(2);
        assertThat(township.get("open").asInt()).isEqualTo(1);
        assertThat(township.get("overdue").asInt()).isEqualTo(1);
        assertThat(township.get("onTimeRate").decimalValue()).isEqualByComparingTo("1");
        // sorted: the late ones first
        assertThat(board.at("/agencies/0/late").asBoolean()).isTrue();
        assertThat(querySide.as("xiaoying-auditor", "xiaoying-auditor-password")
                            .get("/api/agencies/" + COUNTY + "/oversight/2024").status()).isEqualTo(403);
        assertThat(county.get("/api/agencies/" + COUNTY + "/oversight/2024?sort=colour").status()).isEqualTo(400);
    }

    @Test
    void eachLineOfTheBoardHasTheApplicationsAndFailedChecksOfThatAgencysOwnReport() {
        for (int year = 2023; year <= 2024; year++) {
            JsonNode board = ok(queryAdmin.get("/api/agencies/" + COUNTY + "/oversight/" + year));
            assertThat(board.get("agencies")).hasSizeGreaterThanOrEqualTo(FIVE.size());
            // read in slices, put together in the tree's order: the county first, each agency once
            assertThat(board.get("agencies").findValuesAsText("agencyId")).doesNotHaveDuplicates().first().isEqualTo(COUNTY);
            for (JsonNode line : board.get("agencies")) {
                String agency = line.get("agencyId").asText();
                JsonNode own = ok(queryAdmin.get("/api/agencies/" + agency + "/reports/" + year));
                int failed = 0;
                for (JsonNode check : own.get("checks")) {
                    failed += check.get("passed").asBoolean() ? 0 : 1;
                }
                assertThat(line.get("failedChecks").asInt()).as(agency + " " + year).isEqualTo(failed);
                assertThat(line.get("applications").asInt()).as(agency + " " + year)
                        .isEqualTo(own.at("/applications/NEW/TOTAL").asInt());
            }
            assertThat(board.findValues("applications").stream().mapToInt(JsonNode::asInt).sum())
                    .as("the five agencies' two applications each").isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void theBoardFollowsEveryChangeOfAnAgencysFiguresAndWorksOutAgainOnlyTheReportsThatChanged() {
        String county = "kuancheng";
        Map<String, Http> clerks = countyOfThree(county, "宽城满族自治县");
        List<String> three = List.copyOf(clerks.keySet());
        OversightBoard board = querySide.context().getBean(OversightBoard.class);
        ok(queryAdmin.get("/api/agencies/" + county + "/oversight/2024"));
        long before = board.reportsWorkedOut();
        Map<String, JsonNode> unchanged = lines(county, 2024);
        assertThat(board.reportsWorkedOut()).as("nothing changed: every report as kept").isEqualTo(before);

        received(clerks.get("kuancheng-town"), "kuancheng-town", "2024-06-03");                                  // table 三
        created(clerks.get("kuancheng-jiaoyu").post("/api/reviews",                                               // table 四
                                                    "{\"agencyId\":\"kuancheng-jiaoyu\",\"filedOn\":\"2024-03-01\"}"));
        created(clerks.get(county).post("/api/agencies/" + county + "/documents/opening-balance",                 // table 二
                                        "{\"asOf\":\"2023-12-31\",\"rules\":4,\"normativeDocuments\":9}"));
        RunningQuerySide.awaitProjections(queryAdmin);
        Map<String, JsonNode> changed = lines(county, 2024);
        assertThat(board.reportsWorkedOut() - before).as("the three agencies whose figures changed").isEqualTo(3);
        assertThat(changed.get("kuancheng-town").get("applications").asInt())
                .isEqualTo(unchanged.get("kuancheng-town").get("applications").asInt() + 1);
        for (String agency : three) {
            JsonNode own = ok(queryAdmin.get("/api/agencies/" + agency + "/reports/2024"));
            int failed = 0;
            for (JsonNode check : own.get("checks")) {
                failed += check.get("passed").asBoolean() ? 0 : 1;
            }
            assertThat(changed.get(agency).get("failedChecks").asInt()).as(agency).isEqualTo(failed);
            assertThat(changed.get(agency).get("applications").asInt()).as(agency)
                    .isEqualTo(own.at("/applications/NEW/TOTAL").asInt());
        }
        lines(county, 2024);
        assertThat(board.reportsWorkedOut() - before).as("and kept again").isEqualTo(3);
    }

    @Test
    void theRollUpOfNowFollowsEveryChangeOfAnAgencysFiguresAndReadsAgainOnlyTheAgenciesThatChanged() {
        String county = "pingquan";
        Map<String, Http> clerks = countyOfThree(county, "平泉市");
        List<String> three = List.copyOf(clerks.keySet());
        RollUps rollUps = querySide.context().getBean(RollUps.class);
        JsonNode first = ok(queryAdmin.get("/api/agencies/" + county + "/reports/2024?scope=subtree"));
        long before = rollUps.partsRead();
        JsonNode unchanged = ok(queryAdmin.get("/api/agencies/" + county + "/reports/2024?scope=subtree"));
        assertThat(rollUps.partsRead()).as("nothing changed: every agency as kept").isEqualTo(before);
        assertThat(unchanged.get("applications")).isEqualTo(first.get("applications"));

        received(clerks.get("pingquan-town"), "pingquan-town", "2024-06-03");                                   // table 三
        created(clerks.get("pingquan-jiaoyu").post("/api/reviews",                                                // table 四
                                                   "{\"agencyId\":\"pingquan-jiaoyu\",\"filedOn\":\"2024-03-01\"}"));
        created(clerks.get(county).post("/api/agencies/" + county + "/documents/opening-balance",                  // table 二
                                        "{\"asOf\":\"2023-12-31\",\"rules\":4,\"normativeDocuments\":9}"));
        // section 一: a category published in two agencies, another in one
        for (String[] published : new String[][]{{county, "行政许可类"}, {"pingquan-town", "行政许可类"}, {"pingquan-jiaoyu", "行政处罚类"}}) {
            created(clerks.get(published[0]).post("/api/agencies/" + published[0] + "/publications",
                                                  "{\"category\":\"" + published[1] + "\",\"title\":\"公告\",\"publishedOn\":\"2024-06-01\"}"));
        }
        RunningQuerySide.awaitProjections(queryAdmin);
        JsonNode changed = ok(queryAdmin.get("/api/agencies/" + county + "/reports/2024?scope=subtree"));
        assertThat(rollUps.partsRead() - before).as("the three agencies whose figures changed").isEqualTo(3);
        assertThat(changed.at("/applications/NEW/TOTAL").asInt()).isEqualTo(first.at("/applications/NEW/TOTAL").asInt() + 1);
        List<JsonNode> own = three.stream().map(a -> ok(queryAdmin.get("/api/agencies/" + a + "/reports/2024"))).toList();
        for (String table : List.of("proactive", "applications", "reviewsAndLawsuits")) {
            forEachFigure(changed.get(table), (row, column, figure) -> {
                BigDecimal sum = own.stream().map(r -> new BigDecimal(r.get(table).get(row).get(column).asText()))
                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(new BigDecimal(figure.asText())).as(table + " " + row + " " + column).isEqualByComparingTo(sum);
            });
        }
        assertThat(changed.at("/publishedItems/total").asInt()).isEqualTo(3);
        assertThat(changed.at("/publishedItems/byCategory").toString()).as("most first").isEqualTo("{\"行政许可类\":2,\"行政处罚类\":1}");
        assertThat(changed.get("checks").findValuesAsText("passed")).as(changed.get("checks").toString()).containsOnly("true");
        ok(queryAdmin.get("/api/agencies/" + county + "/reports/2024?scope=subtree"));
        assertThat(rollUps.partsRead() - before).as("and kept again").isEqualTo(3);
    }

    /**
     * A county of its own (so that the other tests' figures stay as they are): its government, a department
     * ({@code county}-jiaoyu) and a township ({@code county}-town), each with a clerk and one application answered in
     * 2024. Answers the three agencies' clerks, the county's first.
     */
    private static Map<String, Http> countyOfThree(String county, String name) {
        agency(county, name + "人民政府", null, "PEOPLES_GOVERNMENT");
        agency(county + "-jiaoyu", name + "教育局", county, "DEPARTMENT");
        agency(county + "-town", name + "镇人民政府", county, "TOWNSHIP");
        Map<String, Http> clerks = new java.util.LinkedHashMap<>();
        for (String agency : List.of(county, county + "-jiaoyu", county + "-town")) {
            user(agency + "-clerk", "CLERK", agency);
            clerks.put(agency, commandSide.as(agency + "-clerk", agency + "-clerk-password"));
            concluded(clerks.get(agency), received(clerks.get(agency), agency, "2024-04-01"), "2024-04-15", "DISCLOSED");
        }
        RunningQuerySide.awaitProjections(queryAdmin);
        return clerks;
    }

    private static Map<String, JsonNode> lines(String county, int year) {
        Map<String, JsonNode> byAgency = new java.util.HashMap<>();
        ok(queryAdmin.get("/api/agencies/" + county + "/oversight/" + year)).get("agencies")
                .forEach(line -> byAgency.put(line.get("agencyId").asText(), line));
        return byAgency;
    }

    // ---- helpers ------------------------------------------------------------------------------

    interface FigureVisitor {
        void visit(String row, String column, JsonNode figure);
    }

    static void forEachFigure(JsonNode table, FigureVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> rows = table.fields(); rows.hasNext(); ) {
            Map.Entry<String, JsonNode> row = rows.next();
            for (Iterator<Map.Entry<String, JsonNode>> columns = row.getValue().fields(); columns.hasNext(); ) {
                Map.Entry<String, JsonNode> column = columns.next();
                visitor.visit(row.getKey(), column.getKey(), column.getValue());
            }
        }
    }

    static void agency(String id, String name, String parent, String kind) {
        created(admin.post("/api/admin/agencies", "{\"agencyId\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                                                  + "\",\"createdOn\":\"2020-01-01\""
                                                  + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}"));
    }

    static void user(String username, String role, String agency) {
        created(admin.post("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + username
                                               + "-password\",\"roles\":[\"" + role + "\"],\"agencyId\":\"" + agency + "\"}"));
    }

    static String received(Http clerk, String agency, String on) {
        Http.Response r = created(clerk.post("/api/applications", "{\"agencyId\":\"" + agency + "\",\"receivedOn\":\"" + on
                + "\",\"channel\":\"MAIL\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"张三\"},"
                + "\"request\":\"预算\"}"));
        return r.json().get("applicationId").asText();
    }

    static void concluded(Http clerk, String id, String on, String outcome) {
        ok(clerk.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"" + on + "\",\"outcome\":\"" + outcome + "\"}"));
    }

    static Http.Response created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.get("agencyId").asText()));
        return ids;
    }
}
