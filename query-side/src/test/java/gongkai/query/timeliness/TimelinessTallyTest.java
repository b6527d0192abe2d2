package gongkai.query.timeliness;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summaries the report of now reads (the timeliness tally per agency and year, table 三's tally) equal, row
 * for row, what they summarise (the applications' stored parts, the open cells) after a random mix of
 * receipts, answers, withdrawals, transfers and corrections of the answers' dates made once the answers were
 * stored, and again after every read model is rebuilt by a replay. The seed is printed; {@code -Dseed=} repeats a run.
 */
class TimelinessTallyTest {

    private static final List<String> AGENCIES = List.of("tally-a", "tally-b", "tally-c");

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static RecordedEvents events;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        events = new RecordedEvents(querySide);
        jdbc = events.jdbc();
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void theSummariesEqualWhatTheySummariseAfterARandomMixAndAfterAReplay() {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("TimelinessTallyTest seed: " + seed + " (-Dseed=" + seed + " repeats this run)");
        Random random = new Random(seed);
        List<Answered> answered = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            randomLife(random, answered);
        }
        events.awaitProjections();
        // Later, once those answers are stored: some of their dates corrected, sometimes into another year.
        for (Answered a : answered) {
            if (random.nextInt(3) == 0) {
                LocalDate corrected = random.nextBoolean() ? a.concludedOn().minusDays(1 + random.nextInt(3))
                                                           : a.concludedOn().plusDays(100 + random.nextInt(200));
                events.record(a.applicationId(), new ApplicationCorrected(a.applicationId(), latest(a.concludedOn(), corrected),
                                                                          CorrectedField.concludedOn, a.concludedOn().toString(),
                                                                          corrected.toString(), List.of(), "录入错误"), "li");
            }
        }
        events.awaitProjections();
        assertThat(jdbc.queryForObject("select count(*) from timeliness_tally where answers <> 0", Long.class))
                .as("answers were counted (seed " + seed + ")").isPositive();
        assertSummariesEqualWhatTheySummarise(seed);

        Http admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        Http.Response replay = admin.post("/api/admin/projections/replay", "");
        assertThat(replay.status()).as(replay.body()).isEqualTo(202);
        RunningQuerySide.awaitReplayed(admin, Duration.ofSeconds(60));
        assertSummariesEqualWhatTheySummarise(seed);
    }

    private static void assertSummariesEqualWhatTheySummarise(long seed) {
        String tally = "select agency_id, year, answer_kind, answer_extended, answer_working_days, answers, paused_working_days "
                       + "from timeliness_tally where answers <> 0 or paused_working_days <> 0";
        String parts = "select agency_id, extract(year from concluded_on)::integer, answer_kind, answer_extended, "
                       + "answer_working_days, count(*)::integer, coalesce(sum(paused_working_days), 0)::bigint "
                       + "from application_case where answer_kind is not null and concluded_on is not null group by 1, 2, 3, 4, 5";
        assertThat(differences(tally, parts)).as("timeliness tally against the applications' parts (seed " + seed + ")")
                                             .isZero();
        String cellTally = "select agency_id, first_year, last_year, row_key, column_key, applications "
                           + "from application_tally where applications <> 0";
        String cells = "select agency_id, first_year, last_year, row_key, column_key, count(*)::integer "
                       + "from application_cell where valid_to is null group by 1, 2, 3, 4, 5";
        assertThat(differences(cellTally, cells)).as("table 三's tally against the open cells (seed " + seed + ")").isZero();

        // And the figures the report shows equal those of the applications grouped, as the report read them before.
        Timeliness timeliness = querySide.context().getBean(Timeliness.class);
        for (String agency : AGENCIES) {
            for (int year = 2022; year <= 2025; year++) {
                assertThat(timeliness.of(agency, year)).as(agency + " " + year + " (seed " + seed + ")")
                                                       .isEqualTo(groupedFromTheApplications(agency, year));
            }
        }
    }

    private static long differences(String one, String other) {
        return jdbc.queryForObject("select count(*) from ((" + one + " except " + other + ") union all (" + other
                                   + " except " + one + ")) differences", Long.class);
    }

    private static TimelinessFigures groupedFromTheApplications(String agencyId, int year) {
        List<TimelinessFigures.Answers> answers = jdbc.query(
                "select answer_kind, answer_extended, answer_working_days, count(*), coalesce(sum(paused_working_days), 0) "
                + "from application_case where agency_id = ? and concluded_on between ? and ? and answer_kind is not null "
                + "group by answer_kind, answer_extended, answer_working_days",
                (rs, i) -> new TimelinessFigures.Answers(
                        new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.valueOf(rs.getString(1)), rs.getBoolean(2),
                                                     (Integer) rs.getObject(3)),
                        rs.getInt(4), rs.getInt(5)),
                agencyId, Date.valueOf(LocalDate.of(year, 1, 1)), Date.valueOf(LocalDate.of(year, 12, 31)));
        return TimelinessFigures.of(agencyId, year, answers);
    }

    private record Answered(String applicationId, LocalDate concludedOn) {
    }

    private static LocalDate latest(LocalDate one, LocalDate other) {
        return one.isAfter(other) ? one : other;
    }

    /** One application's life, drawn at random: most are answered, some late, extended, withdrawn, corrected, moved. */
    private static void randomLife(Random random, List<Answered> answered) {
        String agency = AGENCIES.get(random.nextInt(AGENCIES.size()));
        LocalDate received = LocalDate.of(2023, 1, 3).plusDays(random.nextInt(700));
        ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
        String id = events.received(agency, received.toString(), type, "li");
        LocalDate day = received;
        if (random.nextInt(4) == 0) {
            day = day.plusDays(1 + random.nextInt(5));
            events.record(id, new ConsultationStarted(id, day, "第三方"), "li");
            day = day.plusDays(3 + random.nextInt(20));
            events.record(id, new ConsultationEnded(id, day), "li");
        }
        if (random.nextInt(5) == 0) {
            day = day.plusDays(1 + random.nextInt(10));
            events.record(id, new ReplyPeriodExtended(id, day, 20, "情况复杂"), "li");
        }
        if (random.nextInt(6) == 0) {
            String to = AGENCIES.get((AGENCIES.indexOf(agency) + 1) % AGENCIES.size());
            day = day.plusDays(1);
            events.record(id, new ApplicationTransferred(id, agency, to, day, "不属于本机关"), "li");
            day = day.plusDays(random.nextInt(3));
            events.record(id, new ApplicationSignedFor(id, to, day), "wang");
        }
        int end = random.nextInt(10);
        if (end == 0) {
            return; // still open
        }
        day = day.plusDays(1 + random.nextInt(45)); // sometimes late
        if (end == 1) {
            events.record(id, new ApplicationWithdrawn(id, day), "li");
            return;
        }
        events.record(id, new ApplicationConcluded(id, day, Outcome.DISCLOSED, List.of(), null), "li");
        if (random.nextInt(6) == 0) {
            // corrected at once, in the same batch of events or the next
            LocalDate corrected = day.minusDays(1);
            events.record(id, new ApplicationCorrected(id, day, CorrectedField.concludedOn, day.toString(),
                                                       corrected.toString(), List.of(), "录入错误"), "li");
            day = corrected;
        }
        answered.add(new Answered(id, day));
    }
}
