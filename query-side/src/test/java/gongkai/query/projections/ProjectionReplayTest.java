package gongkai.query.projections;

import gongkai.query.report.AnnualReport;
import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.query.calendar.ClockLock;
import gongkai.query.report.AnnualReports;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay of every projection from the first event, while the query side keeps answering, rebuilds
 * tables identical to the live ones: every report cell, every application_cell row (valid_from,
 * valid_to, opened_by, closed_by), every application and every entry of the audit trail.
 */
class ProjectionReplayTest {

    private static final List<String> AGENCIES = List.of("luanping", "xiaoying");
    private static final int APPLICATIONS = 500;

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static JdbcTemplate jdbc;
    private static Http admin;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        jdbc = querySide.context().getBean(JdbcTemplate.class);
        admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        commandSide.agencyWithClerk("luanping", "li");
        recordThreeYearsOfApplications();
        new RecordedEvents(querySide).awaitProjections();
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void replayingEveryProjectionYieldsTablesIdenticalCellForCellWhileReadsKeepWorking() throws Exception {
        Map<String, Object> live = everything();
        assertThat(jdbc.queryForObject("select count(*) from application_cell where valid_to is not null", Long.class))
                .as("the history holds corrections and answers").isPositive();

        // While the clock lock is held exclusively (as a calendar publication holds it), no batch of application
        // events can commit: the replay stays under way for as long as the test looks at it.
        try (Connection holder = querySide.context().getBean(DataSource.class).getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(" + ClockLock.KEY + ")");
            }
            lookDuringTheReplay();
            holder.rollback();
        }

        awaitReplayed();
        assertThat(everything()).isEqualTo(live);
        Http.Response after = admin.get("/api/agencies/luanping/reports/2023");
        assertThat(after.json().has("projectionsReplaying")).isFalse();
    }

    private static void lookDuringTheReplay() {
        Http.Response asked = admin.post("/api/admin/projections/replay", "");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        List<String> replayed = new ArrayList<>();
        asked.json().get("replays").forEach(r -> replayed.add(r.get("projection").asText()));
        assertThat(replayed).as("every projection, by name").containsExactly("calendars", "read-models");

        // The query side keeps answering, and says the figures are being rebuilt.
        Http.Response during = admin.get("/api/agencies/luanping/reports/2023");
        assertThat(during.status()).isEqualTo(200);
        assertThat(during.json().at("/projectionsReplaying/projections").toString()).contains("read-models");
        JsonNode progress = admin.get("/api/projections").json();
        JsonNode readModels = null;
        for (JsonNode p : progress.get("projections")) {
            if (p.get("name").asText().equals("read-models")) {
                readModels = p;
            }
        }
        assertThat(readModels).as(progress.toString()).isNotNull();
        assertThat(readModels.get("replaying").asBoolean()).isTrue();
        assertThat(readModels.get("head").asLong()).isEqualTo(progress.get("head").asLong());
        assertThat(readModels.has("eventsPerSecond")).isTrue();
        assertThat(readModels.has("estimatedSecondsLeft")).isTrue();
        assertThat(readModels.at("/replay/requestedBy").asText()).isEqualTo("admin");
    }

    @Test
    void oneProjectionCanBeReplayedAloneTheHashChainNeverAndOnlyByAnAdmin() {
        Map<String, Object> live = everything();
        Http.Response asked = admin.post("/api/admin/projections/read-models/replay", "");
        assertThat(asked.status()).as(asked.body()).isEqualTo(202);
        awaitReplayed();
        assertThat(everything()).isEqualTo(live);

        Http.Response chain = admin.post("/api/admin/projections/event-chain/replay", "");
        assertThat(chain.status()).isEqualTo(409);
        assertThat(chain.contentType()).startsWith("application/problem+json");
        assertThat(admin.post("/api/admin/projections/nothing/replay", "").status()).isEqualTo(404);
        assertThat(querySide.as("li", "li-password").post("/api/admin/projections/replay", "").status()).isEqualTo(403);
        JsonNode listed = admin.get("/api/projections").json().get("projections");
        JsonNode last = listed.get(listed.size() - 1);
        assertThat(last.get("name").asText()).isEqualTo("event-chain");
        assertThat(last.get("replayable").asBoolean()).isFalse();
    }

    // ---- the tables compared -----------------------------------------------------------------

    private static Map<String, Object> everything() {
        Map<String, Object> all = new LinkedHashMap<>();
        AnnualReports reports = querySide.context().getBean(AnnualReports.class);
        for (String agency : AGENCIES) {
            for (int year = 2022; year <= 2025; year++) {
                AnnualReport report = reports.report(agency, year, null);
                all.put("proactive " + agency + " " + year, report.proactive());
                all.put("applications " + agency + " " + year, report.applications());
                all.put("reviewsAndLawsuits " + agency + " " + year, report.reviewsAndLawsuits());
            }
        }
        all.put("application_cell", jdbc.queryForList(
                "select application_id, agency_id, row_key, column_key, first_year, last_year, valid_from, valid_to, "
                + "opened_by, closed_by from application_cell order by application_id, valid_from, row_key, column_key, "
                + "first_year, opened_by"));
        all.put("application_case", jdbc.queryForList("select * from application_case order by application_id"));
        all.put("audit_event", jdbc.queryForList("select * from audit_event order by global_index"));
        return all;
    }

    private static void awaitReplayed() {
        RunningQuerySide.awaitReplayed(admin, java.time.Duration.ofSeconds(20));
    }

    // ---- three years of applications ---------------------------------------------------------

    private static void recordThreeYearsOfApplications() {
        EventStorageEngine storage = querySide.context().getBean(EventStorageEngine.class);
        Random random = new Random(20240105);
        List<EventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            String agency = AGENCIES.get(i % AGENCIES.size());
            String id = UUID.randomUUID().toString();
            List<ApplicationEvent> life = new ArrayList<>();
            LocalDate received = LocalDate.of(2022, 1, 3).plusDays(random.nextInt(1000));
            ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
            life.add(new ApplicationReceived(id, agency, received, Channel.ONLINE, type,
                                             new Applicant("申请人" + i, null, null, null, null), "信息"));
            LocalDate day = received;
            if (random.nextInt(4) == 0) {
                day = day.plusDays(2);
                life.add(new ConsultationStarted(id, day, "第三方"));
                day = day.plusDays(10);
                life.add(new ConsultationEnded(id, day));
            }
            if (random.nextInt(6) == 0) {
                ApplicantType corrected = ApplicantType.values()[(type.ordinal() + 1) % ApplicantType.values().length];
                life.add(new ApplicationCorrected(id, day, CorrectedField.applicantType, type.name(), corrected.name(),
                                                  List.of(), "录入错误"));
            }
            if (random.nextInt(8) == 0) {
                LocalDate earlier = received.minusDays(1 + random.nextInt(20));
                life.add(new ApplicationCorrected(id, day, CorrectedField.receivedOn, received.toString(),
                                                  earlier.toString(), List.of(), "签收日期录入错误"));
            }
            int fate = random.nextInt(10);
            LocalDate answered = day.plusDays(3 + random.nextInt(40));
            if (fate == 0) {
                life.add(new ApplicationWithdrawn(id, answered));
            } else if (fate > 2) {
                Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
                List<Outcome> reasons = outcome == Outcome.PARTIALLY_DISCLOSED
                                        ? List.of(Outcome.WITHHELD_PROCESS_INFORMATION) : List.of();
                life.add(new ApplicationConcluded(id, answered, outcome, reasons, null));
                if (random.nextInt(5) == 0) {
                    life.add(new ApplicationCorrected(id, answered.plusDays(5), CorrectedField.outcome, outcome.name(),
                                                      Outcome.NOT_PROCESSED_DUPLICATE.name(), List.of(), "实为重复申请"));
                }
                if (random.nextInt(7) == 0) {
                    life.add(new ApplicationCorrected(id, answered.plusDays(5), CorrectedField.concludedOn,
                                                      answered.toString(), answered.plusDays(30).toString(), List.of(),
                                                      "答复日期录入错误"));
                }
            }
            for (int sequence = 0; sequence < life.size(); sequence++) {
                ApplicationEvent event = life.get(sequence);
                batch.add(new GenericDomainEventMessage<>("ApplicationAggregate", id, sequence, event,
                        MetaData.with(MetaDataKeys.ACTOR, "li").and(MetaDataKeys.AGENCY, agency)
                                .and(MetaDataKeys.BUSINESS_DATE, event.businessDate().toString())));
            }
            if (batch.size() > 200) {
                storage.appendEvents(batch);
                batch.clear();
            }
        }
        storage.appendEvents(batch);
    }
}
