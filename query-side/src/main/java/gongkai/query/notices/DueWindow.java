package gongkai.query.notices;

import gongkai.events.calendar.UnknownCalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Which open cases the clerks are reminded of (docs/notices.md): those whose due date has passed (OVERDUE) and
 * those due today or within the next {@code workingDays} working days (DUE_SOON), on the working-day calendar as
 * known. Plain Java.
 */
public record DueWindow(int workingDays) {

    public enum Urgency {
        DUE_SOON, OVERDUE
    }

    public DueWindow {
        if (workingDays < 0 || workingDays > 20) {
            throw new IllegalArgumentException("the reminder window is 0 to 20 working days, not " + workingDays);
        }
    }

    /**
     * The first day that is no longer in the window: the ({@code workingDays} + 1)-th working day after today. A
     * case is DUE_SOON exactly when {@code today <= dueOn < limit}. Without the calendar of that far, today (no
     * due date that far can be known either).
     */
    public LocalDate limit(WorkingDayCalendar calendar, LocalDate today) {
        try {
            return calendar.addWorkingDays(today, workingDays + 1);
        } catch (UnknownCalendarYear e) {
            return today;
        }
    }

    /** The urgency of an open case due on {@code dueOn} (null: unknown), today; empty when it is not urgent. */
    public static Optional<Urgency> of(LocalDate dueOn, LocalDate today, LocalDate limit) {
        if (dueOn == null) {
            return Optional.empty();
        }
        if (dueOn.isBefore(today)) {
            return Optional.of(Urgency.OVERDUE);
        }
        return dueOn.isBefore(limit) ? Optional.of(Urgency.DUE_SOON) : Optional.empty();
    }
}
