package gongkai.query.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Channel;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reminders to the clerks and notices to the applicant through a real SMTP server in the test (GreenMail), both
 * sides on an embedded PostgreSQL (docs/notices.md). Time is the test's: the dispatch's schedule is off and each
 * run is given its instant, so a night passes without waiting for it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RemindersAndNoticesByMailTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static GreenMail mail;
    static RunningCommandSide commandSide;
    static RunningQuerySide querySide;
    static Http admin;
    static Http adminReading;

    @BeforeAll
    static void start() {
        mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mail.start();
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), args());
        admin = commandSide.admin();
        adminReading = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
    }

    static String[] args() {
        return new String[]{"--gongkai.notices.scheduled=false", "--spring.mail.host=127.0.0.1",
                            "--spring.mail.port=" + mail.getSmtp().getPort(), "--gongkai.notices.from=gongkai@xiaoying.gov.cn"};
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
        mail.stop();
    }

    @Test
    void theDailyDigestComesFromItsTemplateAndTheNightsQuietPeriodHoldsItUntilMorning() throws Exception {
        Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
        ok(admin.put("/api/admin/users/li/contact", "{\"email\":\"li@xiaoying.gov.cn\",\"phone\":\"13800000001\"}"));
        ok(adminReading.put("/api/admin/notice-templates/xiaoying/DIGEST",
                            "{\"subject\":\"【{{agencyName}}】案件提醒 {{date}}\","
                            + "\"body\":\"逾期 {{overdueCount}} 件，即将到期 {{dueSoonCount}} 件：\\n{{cases}}\"}"));
        String dueSoon = receive(clerk, "xiaoying", "2024-02-05", "{\"name\":\"申请人甲\"}"); // due Fri 8 March 2024
        String overdue = receive(clerk, "xiaoying", "2024-01-15", "{\"name\":\"申请人乙\"}"); // due in February
        String later = receive(clerk, "xiaoying", "2024-03-01", "{\"name\":\"申请人丙\"}"); // due at the end of March
        RunningQuerySide.awaitCaughtUp(adminReading, Duration.ofSeconds(30));

        // 23:00 on Wednesday 6 March: the day's digest is owed (from 08:00 on), but it is night
        assertThat(dispatchAt("2024-03-06T23:00")).isZero();
        assertThat(to("li@xiaoying.gov.cn")).isEmpty();
        assertThat(messages("xiaoying", "DIGEST")).extracting(m -> m.get("status").asText()).containsOnly("PENDING")
                                                  .hasSize(2);
        assertThat(dispatchAt("2024-03-07T06:59")).isZero();
        assertThat(to("li@xiaoying.gov.cn")).isEmpty();

        // 07:00: the night is over, the digest of the 6th goes, with the alerts of the two cases
        dispatchAt("2024-03-07T07:00");
        List<MimeMessage> received = to("li@xiaoying.gov.cn");
        List<MimeMessage> digests = received.stream().filter(m -> subject(m).startsWith("【xiaoying】案件提醒")).toList();
        assertThat(digests).hasSize(1);
        MimeMessage digest = digests.get(0);
        assertThat(subject(digest)).isEqualTo("【xiaoying】案件提醒 2024年3月6日");
        assertThat(text(digest)).startsWith("逾期 1 件，即将到期 1 件：\n")
                                .contains(overdue + "，2024年1月15日收到", dueSoon + "，2024年2月5日收到，2024年3月8日到期")
                                .doesNotContain(later);
        assertThat(digest.getFrom()[0].toString()).isEqualTo("gongkai@xiaoying.gov.cn");
        assertThat(received.stream().map(RemindersAndNoticesByMailTest::subject))
                .contains("案件即将到期：2024年3月8日").anyMatch(s -> s.startsWith("案件已逾期："));

        JsonNode sent = messages("xiaoying", "DIGEST").stream().filter(m -> m.get("channel").asText().equals("EMAIL"))
                                                      .findFirst().orElseThrow();
        assertThat(sent.get("status").asText()).isEqualTo("SENT");
        assertThat(sent.get("recipient").asText()).isEqualTo("li");
        assertThat(sent.get("address").asText()).isEqualTo("l***@xiaoying.gov.cn");
        assertThat(sent.get("template").asText()).startsWith("xiaoying:DIGEST@");
        assertThat(sent.get("referenceDate").asText()).isEqualTo("2024-03-06");
        assertThat(Instant.parse(sent.get("sentAt").asText())).isEqualTo(shanghai("2024-03-07T07:00"));
        JsonNode sms = messages("xiaoying", "DIGEST").stream().filter(m -> m.get("channel").asText().equals("SMS"))
                                                     .findFirst().orElseThrow();
        assertThat(sms.get("status").asText()).isEqualTo("SENT");
        assertThat(sms.get("address").asText()).isEqualTo("138****0001");

        // once only: another run that morning sends nothing more
        int before = mail.getReceivedMessages().length;
        dispatchAt("2024-03-07T07:05");
        assertThat(mail.getReceivedMessages()).hasSize(before);
    }

    @Test
    void theApplicantGetsTheAnsweredNoticeFromTheAgencysTemplateOnceWhoeverSendsIt(CapturedOutput output) throws Exception {
        Http clerk = commandSide.agencyWithClerk("zhen", "zhou");
        ok(adminReading.put("/api/admin/notice-templates/zhen/ANSWERED",
                            "{\"subject\":\"{{agencyName}}答复通知\",\"body\":\"{{applicantName}}您好：您于{{receivedOn}}提出的"
                            + "申请已于{{concludedOn}}答复，结果：{{outcome}}。\"}"));
        String id = receive(clerk, "zhen", "2024-02-20",
                            "{\"name\":\"张三\",\"email\":\"zhang.san@example.com\",\"phone\":\"13912345678\"}");
        ok(clerk.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"2024-03-05\",\"outcome\":\"DISCLOSED\"}"));
        RunningQuerySide.awaitCaughtUp(adminReading, Duration.ofSeconds(30));

        // two dispatchers at once, as two instances would run
        NoticeDispatch dispatch = querySide.context().getBean(NoticeDispatch.class);
        Instant morning = shanghai("2024-03-06T10:00");
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> dispatch.runAt(morning));
        CompletableFuture<Integer> second = CompletableFuture.supplyAsync(() -> dispatch.runAt(morning));
        first.join();
        second.join();

        List<MimeMessage> toApplicant = to("zhang.san@example.com");
        assertThat(toApplicant.stream().map(RemindersAndNoticesByMailTest::subject))
                .containsExactlyInAnyOrder("政府信息公开申请已收到", "zhen答复通知");
        MimeMessage answered = toApplicant.stream().filter(m -> subject(m).equals("zhen答复通知")).findFirst().orElseThrow();
        assertThat(text(answered)).isEqualTo("张三您好：您于2024年2月20日提出的申请已于2024年3月5日答复，结果：予以公开。");

        List<JsonNode> record = messages("zhen", null);
        JsonNode email = one(record, "ANSWERED", "EMAIL");
        assertThat(email.get("status").asText()).isEqualTo("SENT");
        assertThat(email.get("caseId").asText()).isEqualTo(id);
        assertThat(email.get("recipient").asText()).isEqualTo("APPLICANT");
        assertThat(email.get("address").asText()).isEqualTo("z***@example.com");
        assertThat(email.get("template").asText()).startsWith("zhen:ANSWERED@");
        JsonNode sms = one(record, "ANSWERED", "SMS");
        assertThat(sms.get("status").asText()).isEqualTo("SENT");
        assertThat(sms.get("address").asText()).isEqualTo("139****5678");
        assertThat(one(record, "RECEIVED", "EMAIL").get("template").asText()).isEqualTo("built-in:RECEIVED");
        String recordAsText = adminReading.get("/api/notices/messages?agencyId=zhen").body();
        assertThat(recordAsText).doesNotContain("zhang.san", "13912345678", "张三");

        // a second instance (or this one restarted) on the same database sends none of it again
        int before = mail.getReceivedMessages().length;
        try (RunningQuerySide another = RunningQuerySide.on(commandSide.databaseUrl(), args())) {
            another.context().getBean(NoticeDispatch.class).runAt(shanghai("2024-03-06T10:05"));
        }
        assertThat(to("zhang.san@example.com")).hasSize(2);
        assertThat(mail.getReceivedMessages().length).isEqualTo(before);
        // the test's own mail server logs the mailboxes it creates; gongkai's lines must name none
        assertThat(output.getAll().lines().filter(line -> !line.contains("c.icegreen.greenmail")))
                .as("no personal data in the log")
                .noneMatch(line -> line.contains("zhang.san@example.com") || line.contains("13912345678")
                                   || line.contains("张三"));
    }

    @Test
    void aCaseReceivedBeforeTheNoticesBeganIsHeldByTheAgencyItsOwnEventsNameAndItsApplicantIsStillTold() {
        Http first = commandSide.agencyWithClerk("dongju", "zhao");
        Http second = commandSide.agencyWithClerk("xiju", "qian");
        String id = receive(first, "dongju", "2024-03-01", "{\"name\":\"王五\",\"phone\":\"13600000000\"}");
        ok(first.post("/api/applications/" + id + "/transfer",
                      "{\"toAgencyId\":\"xiju\",\"transferredOn\":\"2024-03-04\",\"reason\":\"该信息由西局制作\"}"));
        ok(second.post("/api/applications/" + id + "/sign-in", "{\"signedOn\":\"2024-03-04\"}"));
        RunningQuerySide.awaitCaughtUp(adminReading, Duration.ofSeconds(30));
        // as a query side started after the case was received knows it: not from its own history (NoticesStart)
        JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
        assertThat(jdbc.update("delete from notice_case where case_id = ?", id)).isEqualTo(1);

        ok(second.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"2024-03-05\",\"outcome\":\"DISCLOSED\"}"));
        RunningQuerySide.awaitCaughtUp(adminReading, Duration.ofSeconds(30));

        assertThat(one(messages("xiju", "ANSWERED"), "ANSWERED", "SMS").get("caseId").asText()).isEqualTo(id);
        assertThat(messages("dongju", "ANSWERED")).isEmpty();
        assertThat(jdbc.queryForObject("select agency_id from notice_case where case_id = ?", String.class, id))
                .isEqualTo("xiju");
    }

    @Test
    void aProcessorStartedOverAHistoryStartsAfterItsLastEventTooOldToOweANoticeWhateverCameBeforeIt() {
        Http clerk = commandSide.agencyWithClerk("beiju", "feng");
        receive(clerk, "beiju", "2024-03-01", "{\"name\":\"赵六\"}");
        // a history recorded years ago, stored after today's first record
        String old = UUID.randomUUID().toString();
        querySide.context().getBean(EventStore.class).publish(new GenericDomainEventMessage<>(
                "ApplicationAggregate", old, 0,
                new ApplicationReceived(old, "beiju", LocalDate.parse("2019-05-06"), Channel.MAIL, ApplicantType.NATURAL_PERSON,
                                        new Applicant("申请人", null, null, null, null), "信息"),
                MetaData.with(MetaDataKeys.ACTOR, "feng").and(MetaDataKeys.AGENCY, "beiju")
                        .and(MetaDataKeys.BUSINESS_DATE, "2019-05-06"),
                UUID.randomUUID().toString(), Instant.parse("2019-05-06T04:00:00Z")));
        receive(clerk, "beiju", "2024-03-02", "{\"name\":\"钱七\"}");
        JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
        long oldAt = jdbc.queryForObject("select global_index from command_side.domain_event_entry where aggregate_identifier = ?",
                                         Long.class, old);

        assertThat(NoticesStart.lastRecordedBefore(jdbc, Instant.now().minus(Duration.ofDays(2)))).isEqualTo(oldAt);
        assertThat(NoticesStart.lastRecordedBefore(jdbc, Instant.parse("2019-01-01T00:00:00Z"))).isEqualTo(-1);
    }

    @Test
    void anApplicantWhoGaveNoEmailAddressIsRecordedAsNotReachedByEmail() {
        Http clerk = commandSide.agencyWithClerk("xiang", "wang");
        String id = receive(clerk, "xiang", "2024-03-01", "{\"name\":\"李四\",\"phone\":\"13700000000\"}");
        RunningQuerySide.awaitCaughtUp(adminReading, Duration.ofSeconds(30));
        dispatchAt("2024-03-06T10:00");
        List<JsonNode> record = messages("xiang", null);
        assertThat(one(record, "RECEIVED", "EMAIL").get("status").asText()).isEqualTo("SKIPPED");
        assertThat(one(record, "RECEIVED", "EMAIL").get("caseId").asText()).isEqualTo(id);
        assertThat(one(record, "RECEIVED", "SMS").get("status").asText()).isEqualTo("SENT");
    }

    @Test
    void templatesAndContactsAreCheckedAndTheRecordIsForAuditorsAndAdminsOnly() {
        Http clerk = commandSide.agencyWithClerk("qiao", "sun");
        Http.Response unknown = adminReading.put("/api/admin/notice-templates/qiao/ANSWERED",
                                                 "{\"subject\":\"答复\",\"body\":\"{{idNumber}}\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.body()).contains("idNumber");
        assertThat(adminReading.put("/api/admin/notice-templates/qiao/NOTHING", "{\"subject\":\"a\",\"body\":\"b\"}").status())
                .isEqualTo(404);
        assertThat(adminReading.put("/api/admin/notice-templates/nowhere/ANSWERED", "{\"subject\":\"a\",\"body\":\"b\"}")
                               .status()).isEqualTo(404);
        JsonNode templates = adminReading.get("/api/admin/notice-templates/qiao").json().get("templates");
        assertThat(StreamSupport.stream(templates.spliterator(), false).map(t -> t.get("kind").asText()))
                .containsExactly(Arrays.stream(NoticeKind.values()).map(Enum::name).toArray(String[]::new));
        assertThat(templates.get(0).get("builtIn").asBoolean()).isTrue();

        Http.Response landline = admin.put("/api/admin/users/sun/contact", "{\"phone\":\"010-12345678\"}");
        assertThat(landline.status()).isEqualTo(400);
        assertThat(landline.json().at("/errors/0/field").asText()).isEqualTo("phone");
        assertThat(admin.put("/api/admin/users/sun/contact", "{\"email\":\"not an address\"}").status()).isEqualTo(400);
        assertThat(admin.put("/api/admin/users/nobody/contact", "{\"email\":\"a@b.cn\"}").status()).isEqualTo(404);

        assertThat(querySide.as("sun", "sun-password").get("/api/notices/messages").status()).isEqualTo(403);

        // the notices are no projection to rebuild: a message owed once is never owed again
        Http.Response replay = adminReading.post("/api/admin/projections/notices/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(StreamSupport.stream(adminReading.get("/api/projections").json().get("projections").spliterator(), false)
                                .filter(p -> p.get("name").asText().equals("notices"))
                                .map(p -> p.get("replayable").asBoolean())).containsExactly(false);
        assertThat(clerk.get("/api/admin/users").status()).isEqualTo(403);
    }

    static int dispatchAt(String shanghaiTime) {
        return querySide.context().getBean(NoticeDispatch.class).runAt(shanghai(shanghaiTime));
    }

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static String receive(Http clerk, String agencyId, String receivedOn, String applicant) {
        String id = UUID.randomUUID().toString();
        Http.Response created = clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"%s","receivedOn":"%s","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":%s,"request":"信息"}""".formatted(id, agencyId, receivedOn, applicant));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    static List<JsonNode> messages(String agencyId, String kind) {
        Http.Response answer = adminReading.get("/api/notices/messages?agencyId=" + agencyId);
        ok(answer);
        List<JsonNode> items = new ArrayList<>();
        answer.json().get("items").forEach(m -> {
            if (kind == null || m.get("kind").asText().equals(kind)) {
                items.add(m);
            }
        });
        return items;
    }

    static JsonNode one(List<JsonNode> record, String kind, String channel) {
        List<JsonNode> found = record.stream().filter(m -> m.get("kind").asText().equals(kind)
                                                          && m.get("channel").asText().equals(channel)).toList();
        assertThat(found).as(kind + " by " + channel).hasSize(1);
        return found.get(0);
    }

    static List<MimeMessage> to(String address) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                found.add(m);
            }
        }
        return found;
    }

    static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) throws MessagingException, IOException {
        return m.getContent().toString().replace("\r\n", "\n");
    }

    static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
