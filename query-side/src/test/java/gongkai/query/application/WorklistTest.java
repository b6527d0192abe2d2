package gongkai.query.application;

import gongkai.events.calendar.ClockEvent;
import gongkai.events.calendar.ReplyClock;
import gongkai.events.calendar.ReplyDeadline;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.counting.ApplicationFacts;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static gongkai.query.counting.ApplicationFacts.State.AWAITING_SUPPLEMENT;
import static gongkai.query.counting.ApplicationFacts.State.CONCLUDED;
import static gongkai.query.counting.ApplicationFacts.State.IN_CONSULTATION;
import static gongkai.query.counting.ApplicationFacts.State.IN_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DUE_SOON and OVERDUE on the official 2024 calendar. Received Mon 5 Feb 2024, due Fri 8 Mar 2024;
 * the working days before it: Mon 4 – Thu 7 Mar.
 */
class WorklistTest {

    static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.official();
    static final ReplyDeadline DUE_8_MARCH = new ReplyClock(CALENDAR).compute(
            List.of(new ClockEvent.Received(LocalDate.parse("2024-02-05"))));

    static Worklist.State on(String today, ApplicationFacts.State stored, ReplyDeadline deadline) {
        LocalDate day = LocalDate.parse(today);
        return Worklist.stateOf(stored, deadline, day, Worklist.dueSoonLimit(CALENDAR, day));
    }

    @Test
    void anOpenCaseIsDueSoonFromThreeWorkingDaysBeforeItsDueDateToTheDueDateItself() {
        assertThat(DUE_8_MARCH.dueOn()).isEqualTo(LocalDate.parse("2024-03-08"));
        assertThat(on("2024-03-04", IN_PROGRESS, DUE_8_MARCH)).isEqualTo(Worklist.State.IN_PROGRESS); // 4 left
        assertThat(on("2024-03-05", IN_PROGRESS, DUE_8_MARCH)).isEqualTo(Worklist.State.DUE_SOON);    // 3 left
        assertThat(on("2024-03-02", IN_PROGRESS, DUE_8_MARCH)).isEqualTo(Worklist.State.IN_PROGRESS); // Sat: 5 left
        assertThat(on("2024-03-08", IN_PROGRESS, DUE_8_MARCH)).isEqualTo(Worklist.State.DUE_SOON);    // 0 left
    }

    @Test
    void anOpenCaseIsOverdueFromTheDayAfterItsDueDate() {
        assertThat(on("2024-03-09", IN_PROGRESS, DUE_8_MARCH)).isEqualTo(Worklist.State.OVERDUE);
        assertThat(Worklist.workingDaysLeft(CALENDAR, DUE_8_MARCH, LocalDate.parse("2024-03-09"))).hasValue(0);
        assertThat(Worklist.workingDaysLeft(CALENDAR, DUE_8_MARCH, LocalDate.parse("2024-03-11"))).hasValue(-1);
        // A consultation begun after the period ran out pauses nothing: still overdue.
        assertThat(on("2024-03-12", IN_CONSULTATION, DUE_8_MARCH)).isEqualTo(Worklist.State.OVERDUE);
    }

    @Test
    void aConcludedCaseOrOneWithoutADueDateKeepsItsOwnState() {
        ReplyDeadline concluded = new ReplyClock(CALENDAR).compute(List.of(
                new ClockEvent.Received(LocalDate.parse("2024-02-05")), new ClockEvent.Concluded(LocalDate.parse("2024-03-20"))));
        assertThat(on("2024-03-25", CONCLUDED, concluded)).isEqualTo(Worklist.State.CONCLUDED);
        ReplyDeadline awaiting = new ReplyClock(CALENDAR).compute(List.of(
                new ClockEvent.Received(LocalDate.parse("2024-02-05")),
                new ClockEvent.SupplementRequested(LocalDate.parse("2024-02-07"))));
        assertThat(on("2024-03-25", AWAITING_SUPPLEMENT, awaiting)).isEqualTo(Worklist.State.AWAITING_SUPPLEMENT);
        assertThat(on("2024-03-25", IN_PROGRESS, null)).isEqualTo(Worklist.State.IN_PROGRESS);
    }

    @Test
    void withoutTheCalendarOfTodayNothingIsDueSoon() {
        assertThat(Worklist.dueSoonLimit(WorkingDayCalendar.empty(), LocalDate.parse("2027-03-01")))
                .isEqualTo(LocalDate.parse("2027-03-01"));
    }

    @Test
    void everyStateAnApplicationCanBeInIsAStateOfTheWorklist() {
        for (ApplicationFacts.State state : ApplicationFacts.State.values()) {
            assertThat(Worklist.State.valueOf(state.name()).stored()).as(state.name()).isTrue();
        }
    }
}
