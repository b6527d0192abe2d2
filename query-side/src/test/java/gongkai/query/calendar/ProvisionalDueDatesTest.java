package gongkai.query.calendar;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import gongkai.events.MetaDataKeys;
import gongkai.events.calendar.CalendarYear;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;

import java.time.Duration;
import java.time.LocalDate;

import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Next year's calendar, not yet entered: on 2 December 2099 (the query side's today; far-future years,
 * so that no shipped calendar interferes) with 2099 published and 2100 not, a case received on
 * 20 December has no official due date but a provisional one (暂定), and clerks and the admin are
 * warned, each for the agencies they may read. Publishing 2100 replaces the provisional date through
 * the recalculation, and the due-date history shows both.
 */
class ProvisionalDueDatesTest {

    private static final String CALENDAR_2099 = "year: 2099\nnotice: 测试用 2099 年日历\noff: 2099-10-01..2099-10-07\n";
    /** 2100 as "announced": 1–3 Jan off, and Mon 18 Jan too, so that the official date differs from the provisional. */
    private static final String CALENDAR_2100 = "year: 2100\nnotice: 测试用 2100 年日历\noff: 2100-01-01..2100-01-03\n"
                                                + "off: 2100-01-18\n";

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static RecordedEvents events;
    private static Http adminReader;
    private static Http clerk;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=2099-12-02");
        events = new RecordedEvents(querySide);
        commandSide.agencyWithClerk("xiaoying", "li");
        commandSide.agencyWithClerk("dongcheng", "zhao");
        adminReader = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        clerk = querySide.as("li", "li-password");
        publish(2099, CALENDAR_2099);
        RunningQuerySide.await("the 2099 calendar known", () -> adminReader.get("/api/calendars/2099"), r -> r.status() == 200, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void aCaseReceivedOnTwentyDecemberShowsAProvisionalDueDateAndTheWarningUntilTheYearIsPublished() {
        String late = events.received("xiaoying", "2099-12-20", NATURAL_PERSON, "li");
        events.received("dongcheng", "2099-12-21", NATURAL_PERSON, "zhao");
        String early = events.received("xiaoying", "2099-11-02", NATURAL_PERSON, "li");
        RunningQuerySide.awaitProjections(adminReader);

        JsonNode application = clerk.get("/api/applications/" + late).json();
        assertThat(application.get("dueOn").isNull()).as("the official date is never guessed").isTrue();
        assertThat(application.get("dueUnknownReason").asText()).contains("2100");
        assertThat(application.get("dueProvisional").asBoolean()).isTrue();
        // Sun 20 Dec: 21–31 Dec give 9 working days; Fri 1 Jan 2100 is 元旦; 4–15 Jan give 19; Mon 18 Jan.
        assertThat(application.get("provisionalDueOn").asText()).isEqualTo("2100-01-18");
        assertThat(application.get("provisionalExplanation").asText()).startsWith("暂定");
        JsonNode known = clerk.get("/api/applications/" + early).json();
        assertThat(known.get("dueProvisional").asBoolean()).as("a period within 2099 is known").isFalse();
        assertThat(known.get("provisionalDueOn").isNull()).isTrue();

        JsonNode clerksWarning = clerk.get("/api/calendars/warnings").json();
        assertThat(clerksWarning.get("today").asText()).isEqualTo("2099-12-02");
        assertThat(clerksWarning.get("warnings")).hasSize(1);
        assertThat(clerksWarning.at("/warnings/0/missingYear").asInt()).isEqualTo(2100);
        assertThat(clerksWarning.at("/warnings/0/openCases").asInt()).as("the clerk's own agency only").isEqualTo(1);
        assertThat(clerksWarning.at("/warnings/0/message").asText()).contains("2100 年工作日历尚未录入");
        JsonNode adminsWarning = adminReader.get("/api/calendars/warnings").json();
        assertThat(adminsWarning.at("/warnings/0/openCases").asInt()).isEqualTo(2);
        assertThat(adminsWarning.at("/warnings/0/byAgency")).hasSize(2);

        publish(2100, CALENDAR_2100);
        Http.Response replaced = RunningQuerySide.await("the official due date", () -> clerk.get("/api/applications/" + late),
                                                        r -> !r.json().get("dueOn").isNull(), Duration.ofSeconds(20));
        assertThat(replaced.json().get("dueOn").asText()).isEqualTo("2100-01-19");
        assertThat(replaced.json().get("dueProvisional").asBoolean()).isFalse();
        assertThat(replaced.json().get("provisionalDueOn").isNull()).isTrue();

        JsonNode history = clerk.get("/api/applications/" + late + "/due-history").json().get("changes");
        assertThat(history).hasSize(2);
        assertThat(history.at("/0/dueOn").isNull()).isTrue();
        assertThat(history.at("/0/dueProvisional").asBoolean()).isTrue();
        assertThat(history.at("/0/provisionalDueOn").asText()).isEqualTo("2100-01-18");
        assertThat(history.at("/1/dueOn").asText()).isEqualTo("2100-01-19");
        assertThat(history.at("/1/dueProvisional").asBoolean()).isFalse();
        assertThat(history.at("/1/cause").asText()).contains("2100 年工作日历更新");

        assertThat(clerk.get("/api/calendars/warnings").json().get("warnings")).as("the year is known now").isEmpty();

        JsonNode moved = clerk.get("/api/calendars/2100/moved-due-dates").json();
        assertThat(moved.get("moves")).as("the clerk's own agency only").hasSize(1);
        assertThat(moved.at("/moves/0/applicationId").asText()).isEqualTo(late);
        assertThat(moved.at("/moves/0/dueOn").asText()).isEqualTo("2100-01-19");
        assertThat(moved.at("/moves/0/provisionalBefore").asText()).isEqualTo("2100-01-18");
        assertThat(adminReader.get("/api/calendars/2100/moved-due-dates").json().get("moves")).hasSize(2);
    }

    /**
     * Records the publication as the command side would (its check that a year is at most next year's
     * reads the real today, so far-future years are written straight into the event store).
     */
    private static void publish(int year, String text) {
        WorkingDayCalendarPublished published = new WorkingDayCalendarPublished(year, CalendarYear.parse(year, text).notice(),
                                                                                 text, LocalDate.parse("2099-12-02"));
        querySide.context().getBean(EventStore.class).publish(new GenericDomainEventMessage<>(
                "CalendarPublicationAggregate", WorkingDayCalendarPublished.calendarId(year), 0, published,
                MetaData.with(MetaDataKeys.ACTOR, "admin").and(MetaDataKeys.BUSINESS_DATE, "2099-12-02")));
    }
}
