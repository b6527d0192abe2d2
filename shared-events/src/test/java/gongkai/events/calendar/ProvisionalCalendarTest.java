package gongkai.events.calendar;

import gongkai.events.calendar.ClockEvent.ConsultationStarted;
import gongkai.events.calendar.ClockEvent.Received;
import gongkai.events.calendar.ClockEvent.SupplementRequested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provisional due date of a period running into a year nobody has entered yet: counted on weekends
 * and the fixed-date statutory holidays (元旦, 劳动节, 国庆节) of that year only, beside an official due
 * date that stays unknown. Far-future years, so that no shipped calendar interferes.
 */
class ProvisionalCalendarTest {

    /** 2099 is known (one day off, so that it differs from a stand-in); 2100 is not. */
    private static final WorkingDayCalendar KNOWN_2099 = WorkingDayCalendar.of(List.of(
            CalendarYear.parse(2099, "year: 2099\nnotice: 测试用日历\noff: 2099-10-01..2099-10-07\n")));

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ProvisionalCalendar.ProvisionalDue provisional(List<ClockEvent> events) {
        ReplyDeadline counted = new ReplyClock(KNOWN_2099).compute(events);
        return ProvisionalCalendar.dueOf(KNOWN_2099, events, counted).orElse(null);
    }

    @Test
    void theStandInForAYearWithoutDataHasOnlyNewYearLabourDayAndNationalDayOffAndNoWorkedWeekend() {
        CalendarYear standIn = ProvisionalCalendar.year(2100);
        assertThat(standIn.daysOff()).containsExactly(d("2100-01-01"), d("2100-05-01"), d("2100-05-02"),
                                                      d("2100-10-01"), d("2100-10-02"), d("2100-10-03"));
        assertThat(standIn.workedWeekendDays()).isEmpty();
        assertThat(standIn.notice()).contains("暂定");
    }

    @Test
    void aCaseReceivedOnTwentyDecemberIsProvisionallyDueAfterNewYearsDayWhileItsOfficialDateStaysUnknown() {
        // Sun 20 Dec 2099: 21–25 and 28–31 Dec are 9 working days; Fri 1 Jan 2100 is 元旦; 4–8, 11–15 Jan
        // make 19; the 20th is Mon 18 Jan (15 Jan without the holiday).
        List<ClockEvent> events = List.of(new Received(d("2099-12-20")));
        ReplyDeadline official = new ReplyClock(KNOWN_2099).compute(events);
        assertThat(official.dueOn()).isNull();
        assertThat(official.unknownReason()).contains("2100");

        ProvisionalCalendar.ProvisionalDue due = provisional(events);
        assertThat(due.dueOn()).isEqualTo(d("2100-01-18"));
        assertThat(due.missingYears()).containsExactly(2100);
        assertThat(due.explanation()).startsWith("暂定").contains("2100 年工作日历尚未录入").contains("答复期限至 2100-01-18");
    }

    @Test
    void nationalDayOfAYearWithoutDataIsNotCounted() {
        // The whole period in 2100: Fri 1 Oct is 国庆节 (2 and 3 Oct are a weekend anyway).
        WorkingDayCalendar nothing = WorkingDayCalendar.empty();
        List<ClockEvent> events = List.of(new Received(d("2100-09-20")));
        ReplyDeadline counted = new ReplyClock(nothing).compute(events);
        assertThat(ProvisionalCalendar.dueOf(nothing, events, counted).orElseThrow().dueOn()).isEqualTo(d("2100-10-19"));
    }

    @Test
    void aPeriodTheKnownCalendarCountsHasNoProvisionalDate() {
        assertThat(provisional(List.of(new Received(d("2099-03-02"))))).isNull();
    }

    @Test
    void aClockThatDoesNotRunHasNoProvisionalDate() {
        assertThat(provisional(List.of(new Received(d("2099-12-20")), new SupplementRequested(d("2099-12-22")))))
                .as("awaiting a supplement").isNull();
        assertThat(provisional(List.of(new Received(d("2099-12-20")), new ConsultationStarted(d("2099-12-22")))))
                .as("paused by an open consultation").isNull();
    }

    @Test
    void theOfficialCalendarOnceKnownGovernsAndThePublishedYearReplacesTheStandIn() {
        CalendarYear published = CalendarYear.parse(2100, "year: 2100\nnotice: 测试\noff: 2100-01-01..2100-01-03\n"
                                                          + "off: 2100-01-18\n");
        WorkingDayCalendar both = KNOWN_2099.withYear(published);
        List<ClockEvent> events = List.of(new Received(d("2099-12-20")));
        ReplyDeadline official = new ReplyClock(both).compute(events);
        assertThat(official.dueOn()).isEqualTo(d("2100-01-19"));
        assertThat(ProvisionalCalendar.dueOf(both, events, official)).isEmpty();
    }

    @Test
    void aCalendarCompletedForTheSameYearsAgainIsTheOneWorkedOutBefore() {
        WorkingDayCalendar completed = ProvisionalCalendar.completing(KNOWN_2099, 2099, 2100);
        assertThat(completed.year(2099)).contains(KNOWN_2099.year(2099).orElseThrow());
        assertThat(completed.year(2100)).contains(ProvisionalCalendar.year(2100));
        assertThat(ProvisionalCalendar.completing(KNOWN_2099, 2099, 2100)).isSameAs(completed);
        assertThat(ProvisionalCalendar.completing(KNOWN_2099, 2099, 2101).years()).containsExactly(2099, 2100, 2101);
    }

    @Test
    void aCalendarThatGainedAYearSinceIsCompletedWithThatYearNotItsStandIn() {
        WorkingDayCalendar before = ProvisionalCalendar.completing(KNOWN_2099, 2099, 2100);
        CalendarYear published = CalendarYear.parse(2100, "year: 2100\nnotice: 测试\noff: 2100-01-18\n");
        WorkingDayCalendar both = KNOWN_2099.withYear(published);

        assertThat(ProvisionalCalendar.completing(both, 2099, 2100).year(2100)).contains(published);
        assertThat(ProvisionalCalendar.completing(KNOWN_2099, 2099, 2100).year(2100))
                .contains(ProvisionalCalendar.year(2100))
                .isEqualTo(before.year(2100));
    }
}
