package gongkai.query.charts;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Outcome;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static gongkai.events.application.ApplicantType.COMMERCIAL_ENTERPRISE;
import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts' numbers of a year are the report's: the months of receipt add up to NEW, the months of
 * the answers to RESULT_TOTAL, each group of outcomes to its rows of table 三, the open cases by age to
 * CARRIED_FORWARD, and the timeliness is the report's own. The query side's today is 6 March 2024.
 */
class ReportChartsTest {

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http admin;
    private static Http clerk;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=2024-03-06");
        commandSide.agencyWithClerk("xiaoying", "li");
        commandSide.agencyWithClerk("dongcheng", "zhao");
        admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        clerk = querySide.as("li", "li-password");
        RecordedEvents events = new RecordedEvents(querySide);
        // 2023: two received in March, one in May, one in November, one carried over from December 2022.
        String carriedOver = events.received("xiaoying", "2022-12-28", NATURAL_PERSON, "li");
        answer(events, carriedOver, "2023-01-10", Outcome.DISCLOSED);
        String march1 = events.received("xiaoying", "2023-03-01", NATURAL_PERSON, "li");
        answer(events, march1, "2023-03-20", Outcome.WITHHELD_STATE_SECRET);
        String march2 = events.received("xiaoying", "2023-03-15", COMMERCIAL_ENTERPRISE, "li");
        answer(events, march2, "2023-04-03", Outcome.PARTIALLY_DISCLOSED);
        String may = events.received("xiaoying", "2023-05-08", NATURAL_PERSON, "li");
        events.record(may, new ApplicationWithdrawn(may, LocalDate.parse("2023-05-20")), "li");
        String november = events.received("xiaoying", "2023-11-20", NATURAL_PERSON, "li");
        answer(events, november, "2024-01-05", Outcome.UNAVAILABLE_NOT_HELD);
        events.received("xiaoying", "2023-08-01", NATURAL_PERSON, "li"); // never answered
        events.received("dongcheng", "2023-06-01", NATURAL_PERSON, "zhao");
        RunningQuerySide.awaitProjections(admin);
    }

    private static void answer(RecordedEvents events, String id, String on, Outcome outcome) {
        events.record(id, new ApplicationConcluded(id, LocalDate.parse(on), outcome, List.of(), null), "li");
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void everyChartOfTheYearAddsUpToItsFigureInTheReport() {
        JsonNode report = clerk.get("/api/agencies/xiaoying/reports/2023").json();
        Http.Response answer = clerk.get("/api/agencies/xiaoying/reports/2023/charts");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode charts = answer.json();

        assertThat(sum(charts.get("receivedPerMonth"))).isEqualTo(report.at("/applications/NEW/TOTAL").asLong()).isEqualTo(5);
        assertThat(charts.at("/receivedPerMonth/2/value").asLong()).as("March").isEqualTo(2);
        assertThat(sum(charts.get("concludedPerMonth"))).isEqualTo(report.at("/applications/RESULT_TOTAL/TOTAL").asLong())
                                                        .isEqualTo(4);
        assertThat(charts.at("/concludedPerMonth/0/value").asLong()).as("January: the case carried over").isEqualTo(1);

        for (JsonNode group : charts.get("outcomes")) {
            long rows = 0;
            for (Outcome outcome : Outcome.values()) {
                if (ReportCharts.OutcomeGroup.of(outcome).name().equals(group.get("key").asText())) {
                    rows += report.at("/applications/" + outcome.name() + "/TOTAL").asLong();
                }
            }
            assertThat(group.get("value").asLong()).as(group.get("key").asText()).isEqualTo(rows);
        }
        assertThat(value(charts.get("outcomes"), "OTHER")).as("the withdrawal").isEqualTo(1);
        assertThat(value(charts.get("outcomes"), "WITHHELD")).isEqualTo(1);

        assertThat(sum(charts.get("openByAge"))).isEqualTo(report.at("/applications/CARRIED_FORWARD/TOTAL").asLong())
                                                .isEqualTo(2);
        assertThat(charts.get("openAsOf").asText()).isEqualTo("2023-12-31");
        // Received 20 Nov (41 days before 31 Dec) and 1 Aug (152 days).
        assertThat(value(charts.get("openByAge"), "AGE_1")).isEqualTo(1);
        assertThat(value(charts.get("openByAge"), "AGE_3")).isEqualTo(1);

        assertThat(charts.get("timeliness")).isEqualTo(report.get("timeliness"));
    }

    @Test
    void thePresentYearCountsTheCasesOpenToday() {
        JsonNode report = clerk.get("/api/agencies/xiaoying/reports/2024").json();
        JsonNode charts = clerk.get("/api/agencies/xiaoying/reports/2024/charts").json();
        assertThat(charts.get("openAsOf").asText()).isEqualTo("2024-03-06");
        assertThat(sum(charts.get("openByAge"))).isEqualTo(report.at("/applications/CARRIED_FORWARD/TOTAL").asLong())
                                                .isEqualTo(1);
        assertThat(sum(charts.get("concludedPerMonth"))).isEqualTo(report.at("/applications/RESULT_TOTAL/TOTAL").asLong());
    }

    @Test
    void eachAgencyTheReaderMayReadIsShownSideBySide() {
        JsonNode all = admin.get("/api/reports/2023/charts/agencies").json().get("agencies");
        assertThat(all).hasSize(2);
        assertThat(all.at("/1/agencyId").asText()).isEqualTo("xiaoying");
        assertThat(all.at("/1/received").asLong()).isEqualTo(5);
        assertThat(all.at("/1/concluded").asLong()).isEqualTo(4);
        assertThat(all.at("/1/openAtYearEnd").asLong()).isEqualTo(2);
        assertThat(all.at("/0/received").asLong()).isEqualTo(1);
        JsonNode own = clerk.get("/api/reports/2023/charts/agencies").json().get("agencies");
        assertThat(own).hasSize(1);
        assertThat(own.at("/0/agencyId").asText()).isEqualTo("xiaoying");
        assertThat(clerk.get("/api/agencies/dongcheng/reports/2023/charts").status()).isEqualTo(403);
    }

    private static long sum(JsonNode points) {
        long sum = 0;
        for (JsonNode point : points) {
            sum += point.get("value").asLong();
        }
        return sum;
    }

    private static long value(JsonNode points, String key) {
        for (JsonNode point : points) {
            if (point.get("key").asText().equals(key)) {
                return point.get("value").asLong();
            }
        }
        throw new AssertionError("no " + key + " in " + points);
    }
}
