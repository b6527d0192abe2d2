package gongkai.query.personal;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.audit.PersonalDataMasking;
import gongkai.query.projections.ReadModelTables;
import gongkai.query.report.AnnualReport;
import gongkai.query.report.AnnualReports;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applicants' personal data under the PIPL, through both services on a real PostgreSQL: stored nowhere in
 * clear (event table, snapshot table, read models, logs), shown to the clerks of the agency (masked, in full
 * on request, each showing logged), withheld from auditors; erased with its key, leaving every report (now
 * and as of before), the verification, a full replay and the audit trail as they were, the erasure in it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataEndToEndTest {

    private static final String NAME = "哨兵甲乙丙";
    private static final String ID_NUMBER = "110101199001019876";
    private static final String PHONE = "13912345678";
    private static final String EMAIL = "shaobing@example.cn";
    private static final String REQUEST = "哨兵申请内容：某村征地补偿款发放名单";
    private static final String NOTE = "哨兵补正说明";
    private static final String PARTY = "哨兵第三方公司";
    // the free-text reasons a clerk, the head of the office or a return gives may name people too
    private static final String EXTENSION_REASON = "哨兵延期理由：需向王哨兵核实";
    private static final String REFUSAL_REASON = "哨兵不同意理由：李哨兵已答复";
    private static final String TRANSFER_REASON = "哨兵转办理由：赵哨兵的补偿款由财政局发放";
    private static final String RETURN_REASON = "哨兵退回理由：孙哨兵的身份证明无法辨认";
    private static final List<String> SENTINELS = List.of(NAME, ID_NUMBER, PHONE, EMAIL, REQUEST, NOTE, PARTY,
                                                          EXTENSION_REASON, REFUSAL_REASON, TRANSFER_REASON, RETURN_REASON);
    private static final String PAGES_PASSWORD = "pages-secret-1";

    private static final ConcurrentLinkedQueue<String> LOG = new ConcurrentLinkedQueue<>();
    private static final AppenderBase<ILoggingEvent> CAPTURE = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(' ').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            LOG.add(line.toString());
        }
    };

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http commands;
    private static Http clerk;
    private static Http auditor;
    private static Http admin;
    private static JdbcTemplate jdbc;
    private static String erasedId;
    private static String keptId;
    private static String transferredId;
    private static String returnedQueryCode;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.pages.password=" + PAGES_PASSWORD);
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        // After both started: starting Spring Boot configures logging afresh, dropping appenders added before.
        CAPTURE.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(CAPTURE);
        LoggerFactory.getLogger(PersonalDataEndToEndTest.class).info("capturing every log line of both sides from here");
        commands = commandSide.agencyWithClerk("luanping", "li");
        commandSide.admin().post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\","
                                                     + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"luanping\"}");
        clerk = querySide.as("li", "li-password");
        auditor = querySide.as("wang", "wang-password");
        admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        jdbc = querySide.context().getBean(JdbcTemplate.class);

        // One application across the turn of the year (counted in 2023 and 2024), one within 2024.
        erasedId = receive("2023-12-27");
        ok(commands.post("/api/applications/" + erasedId + "/supplement-request",
                         "{\"requestedOn\":\"2023-12-28\",\"replyBy\":\"2024-01-12\",\"note\":\"" + NOTE + "\"}"));
        ok(commands.post("/api/applications/" + erasedId + "/supplement", "{\"receivedOn\":\"2024-01-03\"}"));
        ok(commands.post("/api/applications/" + erasedId + "/consultation", "{\"startedOn\":\"2024-01-04\",\"party\":\"" + PARTY + "\"}"));
        ok(commands.post("/api/applications/" + erasedId + "/consultation/end", "{\"endedOn\":\"2024-01-08\"}"));
        ok(commands.post("/api/applications/" + erasedId + "/conclusion",
                         "{\"concludedOn\":\"2024-01-10\",\"outcome\":\"PARTIALLY_DISCLOSED\",\"withheldReasons\":"
                         + "[\"WITHHELD_THIRD_PARTY_RIGHTS\"],\"note\":\"答复" + NAME + "\"}"));
        keptId = receive("2024-02-05");
        ok(commands.post("/api/applications/" + keptId + "/conclusion", "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}"));
        // A third, of another applicant: an extension asked for and refused, then a transfer, each with its reason.
        commandSide.agencyWithClerk("xiaoying", "sun");
        commandSide.supervisorIn("luanping", "zhang");
        transferredId = UUID.randomUUID().toString();
        ok(commands.post("/api/applications", """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"2024-03-04","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"另一申请人"},"request":"信息"}""".formatted(transferredId)));
        ok(commands.post("/api/applications/" + transferredId + "/extension-request",
                         "{\"requestedOn\":\"2024-03-20\",\"workingDays\":10,\"reason\":\"" + EXTENSION_REASON + "\"}"));
        ok(commandSide.as("zhang", "zhang-password").post("/api/applications/" + transferredId + "/extension-request/refusal",
                         "{\"refusedOn\":\"2024-03-21\",\"reason\":\"" + REFUSAL_REASON + "\"}"));
        ok(commands.post("/api/applications/" + transferredId + "/transfer",
                         "{\"toAgencyId\":\"xiaoying\",\"transferredOn\":\"2024-03-22\",\"reason\":\"" + TRANSFER_REASON + "\"}"));
        // And a submission made online, returned to its applicant with the reason they read by their query code.
        JsonNode submitted = ok(commandSide.as("pages", PAGES_PASSWORD).post("/api/public/applications", """
                {"agencyId":"luanping","applicantType":"NATURAL_PERSON","applicant":{"name":"网上申请人","idNumber":"11010519491231002X","phone":"13700001111"},
                 "request":"信息"}"""));
        returnedQueryCode = submitted.get("queryCode").asText();
        ok(commands.post("/api/applications/" + submitted.get("applicationId").asText() + "/return",
                         "{\"returnedOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                         + "\",\"reason\":\"" + RETURN_REASON + "\"}"));
        RunningQuerySide.awaitProjections(admin); // (a submission returned never becomes a case: the cases' counts would not reach the store's)
    }

    private static String receive(String on) {
        String id = UUID.randomUUID().toString();
        ok(commands.post("/api/applications", """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"%s","channel":"MAIL","applicantType":"NATURAL_PERSON",
                 "applicant":{"name":"%s","idNumber":"%s","phone":"%s","email":"%s","address":"承德市滦平县"},
                 "request":"%s"}""".formatted(id, on, NAME, ID_NUMBER, PHONE, EMAIL, REQUEST)));
        return id;
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(CAPTURE);
    }

    @Test
    @Order(1)
    void noPersonalDataIsStoredInClearInAnyTableNorWrittenToAnyLog() {
        assertThat(jdbc.queryForObject("select count(*) from command_side.domain_event_entry where convert_from(payload, 'UTF8') like '%pd1:%'",
                                       Integer.class)).as("the personal fields are there, encrypted").isPositive();
        List<String> tables = jdbc.queryForList("select table_schema || '.' || table_name from information_schema.tables"
                                                + " where table_schema in ('command_side', 'query_side') and table_type = 'BASE TABLE'",
                                                String.class);
        assertThat(tables).contains("command_side.domain_event_entry", "command_side.snapshot_event_entry",
                                    "query_side.application_case", "query_side.audit_event", "command_side.data_key");
        for (String table : tables) {
            String everything = String.join("\n", jdbc.queryForList("select t::text from " + table + " t", String.class));
            for (String sentinel : SENTINELS) {
                assertThat(everything).as(table + " holds no " + sentinel).doesNotContain(sentinel)
                                      .doesNotContain(HexFormat.of().formatHex(sentinel.getBytes(StandardCharsets.UTF_8)));
            }
        }
        for (String sentinel : SENTINELS) {
            assertThat(LOG).as("no log line holds " + sentinel).noneMatch(line -> line.contains(sentinel));
        }
        assertThat(LOG).as("the log is captured").contains("capturing every log line of both sides from here");
    }

    @Test
    @Order(2)
    void theClerksOfTheAgencySeeItMaskedAuditorsNotAtAll() {
        JsonNode clerks = ok(clerk.get("/api/applications/" + erasedId + "/history"));
        assertThat(clerks.get("personalData").asText()).isEqualTo("shown");
        assertThat(clerks.at("/events/0/content/applicant/name").asText()).isEqualTo(NAME);
        assertThat(clerks.at("/events/0/content/applicant/idNumber").asText()).isEqualTo("110***********9876");
        assertThat(clerks.at("/events/0/content/applicant/phone").asText()).isEqualTo("139****5678");
        assertThat(clerks.at("/events/0/content/request").asText()).isEqualTo(REQUEST);
        assertThat(clerks.at("/events/1/content/note").asText()).isEqualTo(NOTE);

        JsonNode auditors = ok(auditor.get("/api/applications/" + erasedId + "/history"));
        assertThat(auditors.get("personalData").asText()).isEqualTo("withheld");
        assertThat(auditors.at("/events/0/content/applicant").asText()).isEqualTo(PersonalDataMasking.WITHHELD);
        String trail = ok(auditor.get("/api/audit/events?caseId=" + erasedId)).toString();
        for (String sentinel : SENTINELS) {
            assertThat(auditors.toString()).doesNotContain(sentinel);
            assertThat(trail).doesNotContain(sentinel);
        }
        String transferred = ok(querySide.as("sun", "sun-password").get("/api/applications/" + transferredId + "/history")).toString();
        assertThat(transferred).as("the clerks of the case's agency read the reasons")
                               .contains(EXTENSION_REASON).contains(REFUSAL_REASON).contains(TRANSFER_REASON);
        String adminsOfTransferred = ok(admin.get("/api/applications/" + transferredId + "/history")).toString()
                                     + ok(admin.get("/api/audit/events?caseId=" + transferredId));
        assertThat(adminsOfTransferred).contains("ExtensionRefused");
        for (String reason : List.of(EXTENSION_REASON, REFUSAL_REASON, TRANSFER_REASON)) {
            assertThat(adminsOfTransferred).as("an admin is not shown " + reason).doesNotContain(reason);
        }
        JsonNode status = ok(querySide.as("pages", PAGES_PASSWORD).post("/api/public/status",
                "{\"queryCode\":\"" + returnedQueryCode + "\",\"phoneLast4\":\"1111\"}"));
        assertThat(status.get("state").asText()).isEqualTo("RETURNED");
        assertThat(status.get("returnReason").asText()).as("the applicant reads why").isEqualTo(RETURN_REASON);
        assertThat(clerk.get("/api/applications?q=哨兵甲乙").json().get("total").asInt()).as("the search finds both").isEqualTo(2);
        assertThat(auditor.get("/api/applications?q=哨兵甲乙").status()).as("a search over names is the clerks'").isEqualTo(403);
    }

    @Test
    @Order(3)
    void aClerkSeesTheIdNumberInFullOnlyByAskingAndEveryShowingIsListedForAuditors() {
        Http.Response full = clerk.post("/api/applications/" + erasedId + "/personal-data/disclosure",
                                        "{\"reason\":\"电话联系申请人送达答复\"}");
        assertThat(full.status()).as(full.body()).isEqualTo(200);
        assertThat(full.json().at("/events/0/content/applicant/idNumber").asText()).isEqualTo(ID_NUMBER);
        assertThat(full.json().get("personalData").asText()).isEqualTo("full");
        assertThat(clerk.post("/api/applications/" + erasedId + "/personal-data/disclosure", "{}").status())
                .as("a showing needs a reason").isEqualTo(400);
        assertThat(auditor.post("/api/applications/" + erasedId + "/personal-data/disclosure", "{\"reason\":\"看看\"}").status())
                .isEqualTo(403);

        JsonNode perCase = ok(auditor.get("/api/audit/personal-data-access?caseId=" + erasedId));
        assertThat(perCase.get("total").asInt()).isEqualTo(1);
        assertThat(perCase.at("/items/0/username").asText()).isEqualTo("li");
        assertThat(perCase.at("/items/0/reason").asText()).isEqualTo("电话联系申请人送达答复");
        assertThat(Instant.parse(perCase.at("/items/0/readAt").asText())).isBefore(Instant.now());
        assertThat(ok(auditor.get("/api/audit/personal-data-access?username=li")).get("total").asInt()).isEqualTo(1);
        assertThat(ok(auditor.get("/api/audit/personal-data-access?username=zhou")).get("total").asInt()).isZero();
        assertThat(clerk.get("/api/audit/personal-data-access").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void anErasureLeavesEveryFigureTheVerificationAndAReplayAsTheyWereAndShowsInTheTrail() {
        AnnualReports reports = querySide.context().getBean(AnnualReports.class);
        Instant before = RecordedEvents.betweenMilliseconds();
        Map<String, Object> figuresNow = figures(reports, null);
        Map<String, Object> figuresThen = figures(reports, before);
        JsonNode caseBefore = ok(clerk.get("/api/applications/" + erasedId));

        Http.Response erased = commands.post("/api/applications/" + erasedId + "/personal-data/erasure",
                                             "{\"basis\":\"PURPOSE_ACHIEVED\",\"note\":\"答复已送达\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(commands.post("/api/applications/" + erasedId + "/personal-data/erasure", "{\"basis\":\"OTHER\"}").status())
                .as("erased once").isEqualTo(409);
        assertThat(commands.post("/api/applications/" + erasedId + "/personal-data/erasure", "{\"basis\":\"WHIM\"}").status())
                .isEqualTo(400);
        RunningQuerySide.awaitProjections(admin);

        JsonNode history = ok(clerk.get("/api/applications/" + erasedId + "/history"));
        assertThat(history.get("personalData").asText()).isEqualTo("erased");
        assertThat(history.at("/events/0/content/applicant/name").asText()).isEqualTo("已删除");
        assertThat(history.at("/events/0/content/request").asText()).isEqualTo("已删除");
        assertThat(history.at("/events/0/receivedOn").isMissingNode()).isTrue();
        assertThat(history.at("/events/0/content/receivedOn").asText()).isEqualTo("2023-12-27");
        for (String sentinel : SENTINELS) {
            assertThat(history.toString()).doesNotContain(sentinel);
        }
        assertThat(ok(clerk.get("/api/applications?q=哨兵甲乙")).get("total").asInt()).as("only the other one").isEqualTo(1);
        JsonNode kept = ok(clerk.get("/api/applications/" + keptId + "/history"));
        assertThat(kept.at("/events/0/content/applicant/name").asText()).as("another applicant keeps theirs").isEqualTo(NAME);

        ObjectNode caseAfter = (ObjectNode) ok(clerk.get("/api/applications/" + erasedId));
        assertThat(caseAfter.remove("eventCount").asInt()).as("the erasure is one event more").isEqualTo(caseBefore.get("eventCount").asInt() + 1);
        ((ObjectNode) caseBefore).remove("eventCount");
        assertThat(caseAfter).as("dates, outcome, due date").isEqualTo(caseBefore);
        assertThat(figures(reports, null)).as("every figure of both years, now").isEqualTo(figuresNow);
        assertThat(figures(reports, before)).as("and as of before the erasure").isEqualTo(figuresThen);
        JsonNode verification = ok(auditor.get("/api/audit/verification"));
        assertThat(verification.get("intact").asBoolean()).as(verification.toString()).isTrue();

        JsonNode trail = ok(auditor.get("/api/audit/events?eventType=PersonalDataErased"));
        assertThat(trail.get("total").asInt()).isEqualTo(1);
        assertThat(trail.at("/items/0/summary").asText()).contains("处理目的已实现").contains("PURPOSE_ACHIEVED").contains("答复已送达");
        assertThat(trail.at("/items/0/actor").asText()).isEqualTo("li");

        Map<String, List<Map<String, Object>>> live = ReadModelTables.of(jdbc);
        Http.Response replay = admin.post("/api/admin/projections/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        RunningQuerySide.awaitReplayed(admin, Duration.ofSeconds(60));
        assertThat(ReadModelTables.of(jdbc)).as("a full replay after the erasure builds the same tables").isEqualTo(live);
        assertThat(figures(reports, null)).isEqualTo(figuresNow);
    }

    private static Map<String, Object> figures(AnnualReports reports, Instant asOf) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int year = 2023; year <= 2024; year++) {
            AnnualReport report = reports.report("luanping", year, asOf);
            all.put("applications " + year, report.applications());
            all.put("reviewsAndLawsuits " + year, report.reviewsAndLawsuits());
            all.put("proactive " + year, report.proactive());
            all.put("checks " + year, report.checks());
        }
        return all;
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }
}
