package gongkai.events.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A provisional due date (暂定) for an application whose reply period runs into a year the calendar
 * has no data for yet: every December, cases received late in the year run into a year whose
 * holidays the State Council announces in November, but that nobody has entered yet.
 *
 * <p>The official due date stays unknown (docs/lifecycle.md, "5. Working days and the calendars": a year without data is never
 * guessed); beside it, this class counts the same period on a stand-in for each missing year that
 * knows only what is certain before the notice: weekends, and the statutory holidays whose Gregorian
 * date is fixed by 全国年节及纪念日放假办法 (国务院令第795号, in force from 1 January 2025):
 * <ul>
 *   <li>元旦: 1 January;</li>
 *   <li>劳动节: 1 and 2 May;</li>
 *   <li>国庆节: 1, 2 and 3 October.</li>
 * </ul>
 * 春节, 清明节, 端午节 and 中秋节 follow the lunar calendar or the solar terms, and the bridging days
 * and worked weekends (调休) are only known from the year's notice: none of them is counted. The
 * provisional date is therefore usually earlier than the official one will be (fewer days off), or
 * later by the worked weekends the notice adds; it is clearly marked as provisional, and the
 * publication of the year replaces it.
 *
 * <p>Plain Java: a pure function of the calendar as known and the application's dated facts. The stand-in years, and
 * the calendar in force completed with them, are worked out once and kept: a replay asks for them for every
 * application of a year without data.
 */
public final class ProvisionalCalendar {

    /** The notice a stand-in year names: what it is, in words. */
    public static final String NOTICE = "暂定：仅计周末及元旦、劳动节、国庆节的法定假日 "
                                        + "(provisional: weekends and the fixed-date statutory holidays only)";

    /** A provisional reply period: its due date, how it was reached, and the years it stood in for. */
    public record ProvisionalDue(LocalDate dueOn, String explanation, List<Integer> missingYears) {

        public ProvisionalDue {
            Objects.requireNonNull(dueOn, "dueOn");
            Objects.requireNonNull(explanation, "explanation");
            missingYears = List.copyOf(missingYears);
        }
    }

    /** The stand-in years made so far (immutable, shared). */
    private static final Map<Integer, CalendarYear> STAND_INS = new ConcurrentHashMap<>();
    /** The completions of the calendar last completed: the calendar in force changes only when a year is published. */
    private static final AtomicReference<Completions> LAST = new AtomicReference<>(new Completions(null, Map.of()));

    private record Completions(WorkingDayCalendar known, Map<Long, WorkingDayCalendar> byYears) {
    }

    private ProvisionalCalendar() {
    }

    /** The stand-in for a year without data: weekends and the fixed-date statutory holidays. */
    public static CalendarYear year(int year) {
        return STAND_INS.computeIfAbsent(year, ProvisionalCalendar::standIn);
    }

    private static CalendarYear standIn(int year) {
        TreeSet<LocalDate> off = new TreeSet<>();
        off.add(LocalDate.of(year, 1, 1));
        off.add(LocalDate.of(year, 5, 1));
        off.add(LocalDate.of(year, 5, 2));
        off.add(LocalDate.of(year, 10, 1));
        off.add(LocalDate.of(year, 10, 2));
        off.add(LocalDate.of(year, 10, 3));
        return new CalendarYear(year, NOTICE, off, new TreeSet<>());
    }

    /** {@code known}, with a stand-in for each year from {@code firstYear} to {@code lastYear} that it lacks. */
    public static WorkingDayCalendar completing(WorkingDayCalendar known, int firstYear, int lastYear) {
        Completions last = LAST.get();
        if (last.known() != known) {
            last = new Completions(known, new ConcurrentHashMap<>());
            LAST.set(last);
        }
        return last.byYears().computeIfAbsent(((long) firstYear << 32) | (lastYear & 0xffffffffL),
                                              years -> complete(known, firstYear, lastYear));
    }

    private static WorkingDayCalendar complete(WorkingDayCalendar known, int firstYear, int lastYear) {
        WorkingDayCalendar completed = known;
        for (int y = firstYear; y <= lastYear; y++) {
            if (known.year(y).isEmpty()) {
                completed = completed.withYear(year(y));
            }
        }
        return completed;
    }

    /**
     * The provisional reply period of an application whose period, as {@code counted} on {@code known},
     * runs into a year without data; empty when the period is known, when the clock does not run (paused,
     * awaiting a supplement, concluded), or when even the stand-in cannot count it.
     *
     * @param events the application's clock events in business-date order, as {@code counted} was computed from
     */
    public static Optional<ProvisionalDue> dueOf(WorkingDayCalendar known, List<? extends ClockEvent> events,
                                                 ReplyDeadline counted) {
        Objects.requireNonNull(known, "known");
        if (counted == null || counted.state() != ReplyDeadline.State.RUNNING || counted.dueOn() != null
            || counted.unknownReason() == null || events.isEmpty()) {
            return Optional.empty();
        }
        // The period after the last fact is at most 40 working days (20 and an extension): the year after
        // the last fact's is as far as it can reach.
        int first = events.get(0).date().getYear();
        int last = events.get(events.size() - 1).date().getYear() + 1;
        List<Integer> missing = new ArrayList<>();
        for (int y = first; y <= last; y++) {
            if (known.year(y).isEmpty()) {
                missing.add(y);
            }
        }
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        ReplyDeadline provisional;
        try {
            provisional = new ReplyClock(completing(known, first, last)).compute(events);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (provisional.dueOn() == null) {
            return Optional.empty();
        }
        List<Integer> used = missing.stream().filter(y -> !LocalDate.of(y, 1, 1).isAfter(provisional.dueOn())).toList();
        String years = String.join("、", used.stream().map(String::valueOf).toList());
        String explanation = "暂定（" + years + " 年工作日历尚未录入，仅计周末及元旦、劳动节、国庆节）："
                             + provisional.explanation();
        return Optional.of(new ProvisionalDue(provisional.dueOn(), explanation, used));
    }
}
