package gongkai.query.calendar;

import gongkai.events.calendar.CalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The warning about next year's calendar starts on 1 November; a present year without data is always named. */
class MissingCalendarYearsTest {

    private static final WorkingDayCalendar ONLY_2099 = WorkingDayCalendar.of(List.of(
            CalendarYear.parse(2099, "year: 2099\nnotice: 测试用日历\noff: 2099-01-01\n")));

    @Test
    void beforeNovemberTheMissingNextYearIsNotYetNamed() {
        assertThat(MissingCalendarYears.asOf(ONLY_2099, LocalDate.parse("2099-10-31"))).isEmpty();
    }

    @Test
    void fromTheFirstOfNovemberTheMissingNextYearIsNamed() {
        assertThat(MissingCalendarYears.asOf(ONLY_2099, LocalDate.parse("2099-11-01"))).containsExactly(2100);
        assertThat(MissingCalendarYears.asOf(ONLY_2099, LocalDate.parse("2099-12-02"))).containsExactly(2100);
    }

    @Test
    void oncePublishedTheNextYearIsNoLongerNamed() {
        WorkingDayCalendar both = ONLY_2099.withYear(CalendarYear.parse(2100, "year: 2100\nnotice: 测试\noff: 2100-01-01\n"));
        assertThat(MissingCalendarYears.asOf(both, LocalDate.parse("2099-12-02"))).isEmpty();
    }

    @Test
    void aPresentYearWithoutDataIsNamedWhateverTheMonth() {
        assertThat(MissingCalendarYears.asOf(ONLY_2099, LocalDate.parse("2100-03-01"))).containsExactly(2100);
    }
}
