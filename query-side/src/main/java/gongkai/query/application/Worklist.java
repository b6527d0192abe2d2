package gongkai.query.application;

import gongkai.events.calendar.ReplyClock;
import gongkai.events.calendar.ReplyDeadline;
import gongkai.events.calendar.UnknownCalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.counting.ApplicationFacts;

import java.time.LocalDate;
import java.util.OptionalInt;

/**
 * The clerk's worklist: what is going on with each application today. Plain Java.
 *
 * <h2>States</h2>
 * The states of {@link ApplicationFacts.State} say where the case stands (IN_PROGRESS: the reply clock
 * runs; AWAITING_SUPPLEMENT, IN_CONSULTATION, AWAITING_FEE: it is stopped or paused; WITHDRAWN,
 * CONCLUDED). Two more say how urgent an open case is, by today's date (Asia/Shanghai) on the
 * calendar as known; they are never stored, as they change with the day:
 * <ul>
 *   <li>{@link State#OVERDUE}: the due date is known and has passed (today is after it), the case is
 *       still open. This holds also for a case whose consultation began only after its period had run
 *       out (such a consultation pauses nothing).</li>
 *   <li>{@link State#DUE_SOON}: open, the due date is today or one of the next
 *       {@value #DUE_SOON_WORKING_DAYS} working days: 0 to 3 working days left.</li>
 * </ul>
 * An application's worklist state is OVERDUE or DUE_SOON when one of them holds, else its own state.
 * Asking for {@code state=IN_PROGRESS} (or another state of the case) still finds every case in that
 * state, urgent or not, as before; asking for DUE_SOON or OVERDUE finds the urgent ones.
 *
 * <h2>Working days left</h2>
 * As {@link ReplyClock#workingDaysLeft}: 0 on the due date, negative once overdue (−1 the working day
 * after it; a weekend just after the due date still shows 0 though the case is already OVERDUE); while
 * the clock is paused, the part of the period still to run; none while a supplement is awaited, when
 * the due date is unknown, or once the case is concluded.
 */
public final class Worklist {

    /** An open case is DUE_SOON when at most this many working days are left (0 = due today). */
    public static final int DUE_SOON_WORKING_DAYS = 3;

    /** The states a worklist can be asked for. */
    public enum State {
        AWAITING_SIGN_IN, EXTENSION_REQUESTED, IN_PROGRESS, AWAITING_SUPPLEMENT, IN_CONSULTATION, AWAITING_FEE, WITHDRAWN, CONCLUDED, REOPENED, DUE_SOON, OVERDUE;

        /** Whether this is a state of the case as stored ({@link ApplicationFacts.State}), not an urgency. */
        public boolean stored() {
            return this != DUE_SOON && this != OVERDUE;
        }
    }

    private Worklist() {
    }

    /**
     * The first day that is no longer DUE_SOON: the ({@value #DUE_SOON_WORKING_DAYS} + 1)-th working day after
     * today. An open case is DUE_SOON exactly when {@code today <= dueOn < dueSoonLimit(…)}. When today's
     * year (or the next one) has no calendar, no due date that far can be known either: the limit is today.
     */
    public static LocalDate dueSoonLimit(WorkingDayCalendar calendar, LocalDate today) {
        try {
            return calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS + 1);
        } catch (UnknownCalendarYear e) {
            return today;
        }
    }

    /** The worklist state of an application of state {@code stored} whose clock is {@code deadline} (may be null). */
    public static State stateOf(ApplicationFacts.State stored, ReplyDeadline deadline, LocalDate today,
                                LocalDate dueSoonLimit) {
        boolean open = stored != ApplicationFacts.State.CONCLUDED && stored != ApplicationFacts.State.WITHDRAWN;
        if (open && deadline != null && deadline.dueOn() != null && deadline.state() != ReplyDeadline.State.CONCLUDED) {
            if (today.isAfter(deadline.dueOn())) {
                return State.OVERDUE;
            }
            if (deadline.dueOn().isBefore(dueSoonLimit)) {
                return State.DUE_SOON;
            }
        }
        return State.valueOf(stored.name());
    }

    /** Working days left as of today (see the class comment); empty when there is no such number. */
    public static OptionalInt workingDaysLeft(WorkingDayCalendar calendar, ReplyDeadline deadline, LocalDate today) {
        if (deadline == null) {
            return OptionalInt.empty();
        }
        return new ReplyClock(calendar).workingDaysLeft(deadline, today);
    }
}
