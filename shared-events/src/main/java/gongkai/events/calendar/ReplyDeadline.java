package gongkai.events.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The reply period of one application as {@link ReplyClock} computed it.
 *
 * @param state                     where the clock stands
 * @param dueOn                     the last working day to answer (第三十三条); {@code null} while the clock is
 *                                  stopped awaiting a supplement, while a pause is open, or when it cannot be
 *                                  computed ({@link #unknownReason()})
 * @param explanation               how the date was reached, in words, e.g.
 *                                  {@code 20 个工作日自 2024-02-05 起算；征求意见暂停 6 个工作日；延期 10 个工作日；答复期限至 2024-03-25}
 * @param supplementRequestDeadline the last working day a supplement may be asked for without a warning:
 *                                  receipt + 7 working days (第三十条); {@code null} when it cannot be computed
 * @param unknownReason             why {@code dueOn} (or the supplement deadline) could not be computed, e.g.
 *                                  {@code 2027 年工作日历尚未录入 (no working-day calendar for 2027)}; else {@code null}
 * @param pausedWorkingDays         working days not counted because of consultations or unpaid fee notices
 *                                  (a day under both counts once), within the running period
 * @param extensionWorkingDays      working days added by the extension (0 when none)
 * @param countedWorkingDays        working days of the period already run: the whole period (20 + extension)
 *                                  once {@code dueOn} is known; while paused, the days run before the pause;
 *                                  when a year is missing, the days counted up to its first day; 0 while a
 *                                  supplement is awaited
 */
public record ReplyDeadline(
        State state,
        LocalDate dueOn,
        String explanation,
        LocalDate supplementRequestDeadline,
        String unknownReason,
        int pausedWorkingDays,
        int extensionWorkingDays,
        int countedWorkingDays) {

    /** Where the clock stands. */
    public enum State {
        /** The period is running (or has run out): {@code dueOn} is known unless the calendar lacks a year. */
        RUNNING,
        /** A consultation or an unpaid fee notice is open: the clock is paused and {@code dueOn} is {@code null}. */
        PAUSED,
        /** A supplement was requested and has not arrived: the clock is stopped and will restart from zero. */
        AWAITING_SUPPLEMENT,
        /** The application is concluded; {@code dueOn} is the period it had, to judge whether it was answered in time. */
        CONCLUDED
    }

    public ReplyDeadline {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(explanation, "explanation");
    }

    /** Whether the clock is paused by an open consultation or fee notice. */
    public boolean paused() {
        return state == State.PAUSED;
    }

    /** Whether the clock is stopped awaiting the applicant's supplement. */
    public boolean awaitingSupplement() {
        return state == State.AWAITING_SUPPLEMENT;
    }

    /** The length of the period: 20 working days plus the extension (第三十三条). */
    public int periodWorkingDays() {
        return ReplyClock.REPLY_PERIOD_WORKING_DAYS + extensionWorkingDays;
    }
}
