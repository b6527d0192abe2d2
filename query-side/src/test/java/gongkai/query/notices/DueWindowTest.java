package gongkai.query.notices;

import gongkai.events.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which open cases the clerks are reminded of: overdue, or due within N working days (docs/notices.md). */
class DueWindowTest {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.official();

    static Optional<DueWindow.Urgency> urgency(DueWindow window, String dueOn, String today) {
        LocalDate day = LocalDate.parse(today);
        return DueWindow.of(dueOn == null ? null : LocalDate.parse(dueOn), day, window.limit(CALENDAR, day));
    }

    @Test
    void aCaseDueTodayOrWithinTheNextThreeWorkingDaysIsDueSoon() {
        DueWindow three = new DueWindow(3);
        // Wednesday 6 March 2024: Thu 7, Fri 8 and Mon 11 are the next three working days
        assertThat(urgency(three, "2024-03-06", "2024-03-06")).contains(DueWindow.Urgency.DUE_SOON);
        assertThat(urgency(three, "2024-03-11", "2024-03-06")).contains(DueWindow.Urgency.DUE_SOON);
        assertThat(urgency(three, "2024-03-12", "2024-03-06")).isEmpty();
    }

    @Test
    void aCaseWhoseDueDateHasPassedIsOverdue() {
        assertThat(urgency(new DueWindow(3), "2024-03-05", "2024-03-06")).contains(DueWindow.Urgency.OVERDUE);
        assertThat(urgency(new DueWindow(0), "2023-12-01", "2024-03-06")).contains(DueWindow.Urgency.OVERDUE);
    }

    @Test
    void theWindowCountsWorkingDaysOnTheOfficialCalendarAcrossTheNationalDayHoliday() {
        // Monday 30 September 2024: 1 to 7 October are days off; the next working days are 8, 9 and 10 October
        assertThat(urgency(new DueWindow(3), "2024-10-10", "2024-09-30")).contains(DueWindow.Urgency.DUE_SOON);
        assertThat(urgency(new DueWindow(3), "2024-10-11", "2024-09-30")).isEmpty();
    }

    @Test
    void theNumberOfWorkingDaysIsConfigurable() {
        assertThat(urgency(new DueWindow(0), "2024-03-06", "2024-03-06")).contains(DueWindow.Urgency.DUE_SOON);
        assertThat(urgency(new DueWindow(0), "2024-03-07", "2024-03-06")).isEmpty();
        assertThat(urgency(new DueWindow(5), "2024-03-13", "2024-03-06")).contains(DueWindow.Urgency.DUE_SOON);
        assertThatThrownBy(() -> new DueWindow(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueWindow(21)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCaseWithoutAKnownDueDateIsNeverInTheWindow() {
        assertThat(urgency(new DueWindow(3), null, "2024-03-06")).isEmpty();
    }

    @Test
    void withoutTheCalendarOfTheComingDaysOnlyOverdueCasesAreFound() {
        LocalDate today = LocalDate.parse("2099-03-02");
        LocalDate limit = new DueWindow(3).limit(WorkingDayCalendar.empty(), today);
        assertThat(limit).isEqualTo(today);
        assertThat(DueWindow.of(today, today, limit)).isEmpty();
        assertThat(DueWindow.of(today.minusDays(1), today, limit)).contains(DueWindow.Urgency.OVERDUE);
    }
}
