package gongkai.command.application;

import gongkai.command.application.ApplicationCommands.RequestSupplement;
import gongkai.command.calendar.PublishedCalendars;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.SupplementRequested;
import gongkai.events.calendar.CalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.Test;

import java.util.List;

import static gongkai.command.application.ApplicationAggregateTest.CLOCK;
import static gongkai.command.application.ApplicationAggregateTest.ID;
import static gongkai.command.application.ApplicationAggregateTest.june;
import static gongkai.command.application.ApplicationAggregateTest.received;

/**
 * 第三十条 and docs/lifecycle.md ("What may happen before the answer"): a supplement request after the 7th working day
 * after receipt is recorded and warned about, never refused. Received Mon 3 June 2024; on the official 2024 calendar
 * (Mon 10 June 端午节 off) the 7th working day after it is Thu 13 June: 4, 5, 6, 7, 11, 12, 13 June.
 */
class SupplementRequestWarningTest {

    private static FixtureConfiguration<ApplicationAggregate> fixtureOn(WorkingDayCalendar calendar) {
        FixtureConfiguration<ApplicationAggregate> fixture = new AggregateTestFixture<>(ApplicationAggregate.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(PublishedCalendars.fixed(calendar));
        return fixture;
    }

    @Test
    void aRequestOnTheSeventhWorkingDayCarriesNoWarning() {
        fixtureOn(WorkingDayCalendar.official())
                .given(received())
                .when(new RequestSupplement(ID, june(13), june(25), null))
                .expectEvents(new SupplementRequested(ID, june(13), june(25), null))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void aRequestAfterTheSeventhWorkingDayIsRecordedWithAWarningNamingTheDeadline() {
        fixtureOn(WorkingDayCalendar.official())
                .given(received())
                .when(new RequestSupplement(ID, june(14), june(25), null))
                .expectEvents(new SupplementRequested(ID, june(14), june(25), null))
                .expectResultMessagePayloadMatching(oneWarningSaying("2024-06-13", "within 7 working days"));
    }

    @Test
    void theDeadlineIsCountedOnTheCalendarAsPublished() {
        // A replaced 2024 with Tue 11 and Wed 12 June off too: 4, 5, 6, 7, 13, 14, 17 June → Mon 17 June.
        WorkingDayCalendar amended = WorkingDayCalendar.official().withYear(CalendarYear.of(
                2024, "测试", union(WorkingDayCalendar.official().year(2024).orElseThrow().daysOff(),
                                    List.of(june(11), june(12))),
                WorkingDayCalendar.official().year(2024).orElseThrow().workedWeekendDays()));
        fixtureOn(amended)
                .given(received())
                .when(new RequestSupplement(ID, june(14), june(25), null))
                .expectEvents(new SupplementRequested(ID, june(14), june(25), null))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void theDeadlineRunsFromTheCorrectedDateOfReceipt() {
        // Receipt corrected to Wed 5 June: 6, 7, 11, 12, 13, 14, 17 June → Mon 17 June.
        fixtureOn(WorkingDayCalendar.official())
                .given(received(), new ApplicationCorrected(ID, june(6), CorrectedField.receivedOn, "2024-06-03",
                                                            "2024-06-05", List.of(), "登记错误"))
                .when(new RequestSupplement(ID, june(14), june(25), null))
                .expectEvents(new SupplementRequested(ID, june(14), june(25), null))
                .expectResultMessagePayload(List.of());
    }

    @Test
    void withoutTheYearsCalendarTheRequestIsRecordedAndTheWarningSaysItCouldNotBeChecked() {
        fixtureOn(WorkingDayCalendar.empty())
                .given(received())
                .when(new RequestSupplement(ID, june(5), june(25), null))
                .expectEvents(new SupplementRequested(ID, june(5), june(25), null))
                .expectResultMessagePayloadMatching(oneWarningSaying("无法核对", "2024 年工作日历尚未录入"));
    }

    private static List<java.time.LocalDate> union(java.util.Collection<java.time.LocalDate> a,
                                                  java.util.Collection<java.time.LocalDate> b) {
        List<java.time.LocalDate> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static TypeSafeMatcher<Object> oneWarningSaying(String... parts) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                if (!(item instanceof List<?> warnings) || warnings.size() != 1) {
                    return false;
                }
                String warning = String.valueOf(warnings.get(0));
                return java.util.Arrays.stream(parts).allMatch(warning::contains);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one warning saying ").appendValueList("", ", ", "", parts);
            }
        };
    }
}
