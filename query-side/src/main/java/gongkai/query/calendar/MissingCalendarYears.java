package gongkai.query.calendar;

import gongkai.events.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.List;

/**
 * Which calendar years someone must be warned are missing, as of a day: the present year whenever it
 * lacks data, and from 1 November the next year too. The State Council usually announces the next
 * year's holidays in November (the 2026 notice came on 4 November 2025); from then on, cases received
 * late in the year run into a year nobody has entered, and their due dates are only provisional
 * ({@link gongkai.events.calendar.ProvisionalCalendar}) until an administrator publishes it.
 */
public final class MissingCalendarYears {

    /** The first day of the year's warning season for the next year. */
    public static final Month WARNING_FROM = Month.NOVEMBER;

    private MissingCalendarYears() {
    }

    /** The years to warn about on {@code today}, ascending; empty when the calendar has them. */
    public static List<Integer> asOf(WorkingDayCalendar known, LocalDate today) {
        List<Integer> missing = new ArrayList<>();
        if (known.year(today.getYear()).isEmpty()) {
            missing.add(today.getYear());
        }
        if (today.getMonth().compareTo(WARNING_FROM) >= 0 && known.year(today.getYear() + 1).isEmpty()) {
            missing.add(today.getYear() + 1);
        }
        return missing;
    }
}
