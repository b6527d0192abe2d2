package gongkai.events.calendar;

import gongkai.events.calendar.ClockEvent.Concluded;
import gongkai.events.calendar.ClockEvent.ConsultationEnded;
import gongkai.events.calendar.ClockEvent.ConsultationStarted;
import gongkai.events.calendar.ClockEvent.Extended;
import gongkai.events.calendar.ClockEvent.FeeNoticeIssued;
import gongkai.events.calendar.ClockEvent.FeePaid;
import gongkai.events.calendar.ClockEvent.Received;
import gongkai.events.calendar.ClockEvent.SupplementReceived;
import gongkai.events.calendar.ClockEvent.SupplementRequested;
import gongkai.events.calendar.ReplyDeadline.State;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The reply clock of a disclosure application: a pure function from the application's dated
 * facts ({@link ClockEvent}s) to its due date and an explanation in words. Plain Java, no state
 * but the {@link WorkingDayCalendar} it counts on.
 *
 * <h2>Rules (国务院令第711号)</h2>
 * <ul>
 *   <li><b>Period</b> (第三十三条): 20 working days from the date of receipt, the day of receipt itself
 *       not counted: the due date is the 20th working day after receipt.</li>
 *   <li><b>Supplement</b> (第三十条): a request for a supplement stops the clock; when the supplement
 *       arrives the period starts again <em>from zero</em>, the day it arrives not counted. Time used
 *       before the request, and pauses before the restart, no longer matter. The request is due within
 *       7 working days of receipt: {@link ReplyDeadline#supplementRequestDeadline()} is receipt + 7
 *       working days, and a later request is noted (warned, not refused) in the explanation.</li>
 *   <li><b>Pauses</b> (第三十三条 for consultations of third parties or other agencies, 第四十二条 and
 *       国办函〔2020〕109号 for an unpaid fee notice): the time is not counted in the period.</li>
 *   <li><b>Extension</b> (第三十三条): once, at most 20 working days, added to the period whatever
 *       day it was decided (an extension decided after the unextended due date is noted).</li>
 * </ul>
 *
 * <h2>How a pause counts (the convention chosen)</h2>
 * A pause from start date S (consultation started / fee notice issued) to end date E (consultation
 * ended / fee paid) covers the working days d with <b>S &lt; d &le; E</b>, i.e.
 * {@code calendar.workingDaysBetween(S, E)}: the day the letter or notice goes out still counts in
 * the period, the day the answer or payment comes in does not, and the clock runs again from the
 * next working day. This is the same rule as for receipt and for the supplement: the day of the
 * event that starts a span is not counted in it (cf. 民法典第二百零一条). A pause that starts and
 * ends the same day pauses nothing. Pauses are applied day by day while the period runs, so
 * <ul>
 *   <li>a day under two pauses at once (consultation and fee notice) is skipped once;</li>
 *   <li>a pause that begins after the due date has passed does not revive the period;</li>
 *   <li>pauses before a supplement's restart do not count (the period starts again from zero).</li>
 * </ul>
 *
 * <h2>Open pauses and stops</h2>
 * While a consultation or fee notice is still open, and the period had not run out before it,
 * the due date is unknown: {@code dueOn} is {@code null}, the state is {@link State#PAUSED}, and
 * {@link ReplyDeadline#countedWorkingDays()} tells how much of the period has run (the function
 * takes no "today", so it never shows a due date that would move each day). While a supplement is
 * awaited, {@code dueOn} is {@code null} and the state is {@link State#AWAITING_SUPPLEMENT}.
 *
 * <h2>Conclusion</h2>
 * A {@link Concluded} ends the clock: a pause still open then is taken to end that day, the due
 * date is computed as usual (to tell whether the answer came in time), and events after it are
 * ignored (and noted).
 *
 * <h2>Missing calendar years, malformed input</h2>
 * A year the calendar has no data for never throws out of this class: {@code dueOn} (and perhaps
 * the supplement deadline) is {@code null} and {@link ReplyDeadline#unknownReason()} says which
 * year is missing. A sequence of facts the command side can never produce (no receipt first, dates
 * out of order, a second supplement request or extension, an extension outside 1..20 working days,
 * an end without a start, a second start of an open pause) is a programming error: it throws
 * {@link IllegalArgumentException} naming the problem.
 */
public final class ReplyClock {

    /** 第三十三条: the reply period, in working days from the day after receipt. */
    public static final int REPLY_PERIOD_WORKING_DAYS = 20;
    /** 第三十条: a supplement may be requested within this many working days of receipt. */
    public static final int SUPPLEMENT_REQUEST_WORKING_DAYS = 7;
    /** 第三十三条: the extension, granted once, is at most this many working days. */
    public static final int MAX_EXTENSION_WORKING_DAYS = 20;

    private final WorkingDayCalendar calendar;

    public ReplyClock(WorkingDayCalendar calendar) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
    }

    /** The calendar this clock counts on. */
    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /**
     * The reply period of the application whose facts are {@code events}, in business-date order
     * (facts of the same day in the order they happened).
     *
     * @throws IllegalArgumentException when the facts are not a sequence the command side allows (see class comment)
     */
    public ReplyDeadline compute(List<? extends ClockEvent> events) {
        Facts f = Facts.of(events);
        List<String> parts = new ArrayList<>();
        String unknownReason = null;

        // 第三十条: the supplement request is due within 7 working days of receipt.
        LocalDate supplementDeadline = null;
        try {
            supplementDeadline = calendar.addWorkingDays(f.receivedOn, SUPPLEMENT_REQUEST_WORKING_DAYS);
        } catch (UnknownCalendarYear e) {
            unknownReason = e.getMessage();
        }

        // Where the period starts from: receipt, or the arrival of the supplement (from zero).
        LocalDate start;
        if (f.supplementRequestedOn == null) {
            start = f.receivedOn;
            parts.add(REPLY_PERIOD_WORKING_DAYS + " 个工作日自 " + f.receivedOn + " 起算");
        } else {
            String request = f.supplementRequestedOn + " 要求补正，计时中止";
            if (supplementDeadline != null && f.supplementRequestedOn.isAfter(supplementDeadline)) {
                request += "（晚于收到申请后第 " + SUPPLEMENT_REQUEST_WORKING_DAYS + " 个工作日 " + supplementDeadline + "）";
            }
            parts.add(request);
            if (f.supplementReceivedOn == null) {
                parts.add("收到补正之日起重新计算 " + REPLY_PERIOD_WORKING_DAYS + " 个工作日");
                State state = State.AWAITING_SUPPLEMENT;
                if (f.concludedOn != null) {
                    parts.add(f.concludedOn + " 结案（未收到补正）");
                    state = State.CONCLUDED;
                }
                addIgnoredNote(parts, f);
                return new ReplyDeadline(state, null, String.join("；", parts), supplementDeadline,
                        unknownReason, 0, f.extensionDays, 0);
            }
            start = f.supplementReceivedOn;
            parts.add(REPLY_PERIOD_WORKING_DAYS + " 个工作日自 " + start + "（收到补正之日）重新起算");
        }

        int period = REPLY_PERIOD_WORKING_DAYS + f.extensionDays;
        Walk walk = new Walk(start, period, f.pauses);
        try {
            walk.run();
        } catch (UnknownCalendarYear e) {
            unknownReason = e.getMessage();
            walk.dueOn = null;
        }

        // The pauses, by kind, as they applied while the period ran.
        int sumByKind = 0;
        for (PauseKind kind : PauseKind.values()) {
            int days = walk.pausedByKind.getOrDefault(kind, 0);
            sumByKind += days;
            if (days > 0) {
                parts.add(kind.label + "暂停 " + days + " 个工作日");
            }
        }
        if (sumByKind > walk.paused) {
            parts.add("重叠的暂停只计一次，合计暂停 " + walk.paused + " 个工作日");
        }
        if (f.extensionDays > 0) {
            String ext = "延期 " + f.extensionDays + " 个工作日";
            if (walk.unextendedDueOn != null && f.extendedOn.isAfter(walk.unextendedDueOn)) {
                ext += "（延期决定 " + f.extendedOn + " 晚于原答复期限 " + walk.unextendedDueOn + "）";
            }
            parts.add(ext);
        }

        State state;
        if (walk.openPause != null) {
            state = State.PAUSED;
            parts.add(walk.openPause.kind.label + "自 " + walk.openPause.start + " 起暂停，尚未结束：已计 "
                    + walk.counted + " 个工作日，尚余 " + (period - walk.counted) + " 个工作日");
        } else if (walk.dueOn != null) {
            state = State.RUNNING;
            parts.add("答复期限至 " + walk.dueOn);
        } else {
            state = State.RUNNING;
            parts.add("答复期限无法计算：" + unknownReason);
        }
        if (f.concludedOn != null) {
            state = State.CONCLUDED;
            String concluded = f.concludedOn + " 结案";
            if (walk.dueOn != null && f.concludedOn.isAfter(walk.dueOn)) {
                try {
                    concluded += "，逾期 " + calendar.workingDaysBetween(walk.dueOn, f.concludedOn) + " 个工作日";
                } catch (UnknownCalendarYear e) {
                    concluded += "，已逾期";
                }
            }
            parts.add(concluded);
        }
        addIgnoredNote(parts, f);
        return new ReplyDeadline(state, walk.dueOn, String.join("；", parts), supplementDeadline,
                unknownReason, walk.paused, f.extensionDays, walk.counted);
    }

    /**
     * Working days left until the due date as of {@code today}: 0 on the due date itself, negative
     * when overdue (−1 the working day after it), see {@link WorkingDayCalendar#workingDaysBetween}.
     * While paused, the part of the period still to run (it does not shrink while paused). Empty when
     * the application is concluded, awaits a supplement, or the calendar lacks a year in between.
     */
    public OptionalInt workingDaysLeft(ReplyDeadline deadline, LocalDate today) {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(today, "today");
        if (deadline.state() == State.PAUSED) {
            return OptionalInt.of(deadline.periodWorkingDays() - deadline.countedWorkingDays());
        }
        if (deadline.state() != State.RUNNING || deadline.dueOn() == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(calendar.workingDaysBetween(today, deadline.dueOn()));
        } catch (UnknownCalendarYear e) {
            return OptionalInt.empty();
        }
    }

    private static void addIgnoredNote(List<String> parts, Facts f) {
        if (f.ignoredAfterConclusion > 0) {
            parts.add("结案后的 " + f.ignoredAfterConclusion + " 个事件不影响答复期限");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private enum PauseKind {
        CONSULTATION("征求意见"),
        FEE("信息处理费待缴");

        final String label;

        PauseKind(String label) {
            this.label = label;
        }
    }

    /** A pause covering the working days d with start &lt; d &le; end; {@code end == null} while open. */
    private record Pause(PauseKind kind, LocalDate start, LocalDate end) {

        boolean covers(LocalDate d) {
            return d.isAfter(start) && (end == null || !d.isAfter(end));
        }
    }

    /** Counts the period day by day on the calendar, skipping paused working days. */
    private final class Walk {
        private final LocalDate start;
        private final int period;
        private final List<Pause> pauses;

        LocalDate dueOn;
        LocalDate unextendedDueOn;
        int counted;
        int paused;
        Pause openPause;
        final Map<PauseKind, Integer> pausedByKind = new EnumMap<>(PauseKind.class);

        Walk(LocalDate start, int period, List<Pause> pauses) {
            this.start = start;
            this.period = period;
            this.pauses = pauses;
        }

        /** @throws UnknownCalendarYear when the count reaches a year the calendar lacks */
        void run() {
            LocalDate d = start;
            while (counted < period) {
                d = d.plusDays(1);
                if (!calendar.isWorkingDay(d)) {
                    continue;
                }
                boolean pausedToday = false;
                for (Pause p : pauses) {
                    if (p.covers(d)) {
                        if (p.end() == null) {
                            openPause = p; // the clock cannot run again until it ends
                            return;
                        }
                        pausedToday = true;
                        pausedByKind.merge(p.kind(), 1, Integer::sum);
                    }
                }
                if (pausedToday) {
                    paused++;
                    continue;
                }
                counted++;
                if (counted == REPLY_PERIOD_WORKING_DAYS) {
                    unextendedDueOn = d;
                }
            }
            dueOn = d;
        }
    }

    /** The facts, read and checked once. */
    private static final class Facts {
        LocalDate receivedOn;
        LocalDate supplementRequestedOn;
        LocalDate supplementReceivedOn;
        LocalDate extendedOn;
        int extensionDays;
        LocalDate concludedOn;
        int ignoredAfterConclusion;
        final List<Pause> pauses = new ArrayList<>();

        static Facts of(List<? extends ClockEvent> events) {
            Objects.requireNonNull(events, "events");
            if (events.isEmpty() || !(events.get(0) instanceof Received)) {
                throw new IllegalArgumentException("the first clock event must be the receipt of the application");
            }
            Facts f = new Facts();
            Map<PauseKind, LocalDate> open = new EnumMap<>(PauseKind.class);
            LocalDate previous = null;
            for (ClockEvent e : events) {
                Objects.requireNonNull(e, "a clock event is null");
                if (f.concludedOn != null) {
                    f.ignoredAfterConclusion++;
                    continue;
                }
                if (previous != null && e.date().isBefore(previous)) {
                    throw new IllegalArgumentException("clock events out of business-date order: " + e + " after " + previous);
                }
                previous = e.date();
                if (e instanceof Received r) {
                    if (f.receivedOn != null) {
                        throw new IllegalArgumentException("an application is received once: " + r);
                    }
                    f.receivedOn = r.date();
                } else if (e instanceof SupplementRequested s) {
                    if (f.supplementRequestedOn != null) {
                        throw new IllegalArgumentException("a supplement may be requested once only (第三十条): " + s);
                    }
                    f.supplementRequestedOn = s.date();
                } else if (e instanceof SupplementReceived s) {
                    if (f.supplementRequestedOn == null || f.supplementReceivedOn != null) {
                        throw new IllegalArgumentException("a supplement received without an outstanding request: " + s);
                    }
                    f.supplementReceivedOn = s.date();
                } else if (e instanceof ConsultationStarted s) {
                    start(open, PauseKind.CONSULTATION, s);
                } else if (e instanceof ConsultationEnded s) {
                    f.pauses.add(new Pause(PauseKind.CONSULTATION, end(open, PauseKind.CONSULTATION, s), s.date()));
                } else if (e instanceof FeeNoticeIssued s) {
                    start(open, PauseKind.FEE, s);
                } else if (e instanceof FeePaid s) {
                    f.pauses.add(new Pause(PauseKind.FEE, end(open, PauseKind.FEE, s), s.date()));
                } else if (e instanceof Extended x) {
                    if (f.extendedOn != null) {
                        throw new IllegalArgumentException("the reply period may be extended once only (第三十三条): " + x);
                    }
                    if (x.workingDays() < 1 || x.workingDays() > MAX_EXTENSION_WORKING_DAYS) {
                        throw new IllegalArgumentException("an extension is of 1 to " + MAX_EXTENSION_WORKING_DAYS
                                + " working days (第三十三条): " + x);
                    }
                    f.extendedOn = x.date();
                    f.extensionDays = x.workingDays();
                } else if (e instanceof Concluded c) {
                    f.concludedOn = c.date();
                }
            }
            // A pause still open: it ends with the conclusion, or it is open now.
            for (Map.Entry<PauseKind, LocalDate> o : open.entrySet()) {
                f.pauses.add(new Pause(o.getKey(), o.getValue(), f.concludedOn));
            }
            return f;
        }

        private static void start(Map<PauseKind, LocalDate> open, PauseKind kind, ClockEvent e) {
            if (open.putIfAbsent(kind, e.date()) != null) {
                throw new IllegalArgumentException("a " + kind.label + " pause is already open: " + e);
            }
        }

        private static LocalDate end(Map<PauseKind, LocalDate> open, PauseKind kind, ClockEvent e) {
            LocalDate started = open.remove(kind);
            if (started == null) {
                throw new IllegalArgumentException("no " + kind.label + " pause is open to end: " + e);
            }
            return started;
        }
    }
}
