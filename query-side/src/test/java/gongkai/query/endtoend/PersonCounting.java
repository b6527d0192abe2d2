package gongkai.query.endtoend;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days as a person counts them with docs/lifecycle.md's table of the official 2024 calendar ("Working days and
 * the calendars") in front of them, typed in here by hand: independent of gongkai's calendar files and of its counting
 * code.
 */
final class PersonCounting {

    /** 2024, 国办发明电〔2023〕7号: days off. */
    static final Set<LocalDate> OFF_2024 = days("2024-01-01", "2024-02-10..2024-02-17", "2024-04-04..2024-04-06",
                                                "2024-05-01..2024-05-05", "2024-06-10", "2024-09-15..2024-09-17",
                                                "2024-10-01..2024-10-07");
    /** 2024: weekend days worked. */
    static final Set<LocalDate> WORKED_2024 = days("2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
                                                   "2024-09-14", "2024-09-29", "2024-10-12");

    private final Set<LocalDate> off;

    private PersonCounting(Set<LocalDate> off) {
        this.off = off;
    }

    /** Counting on the official 2024 calendar. */
    static PersonCounting official2024() {
        return new PersonCounting(OFF_2024);
    }

    /** Counting on the official 2024 calendar with more days off. */
    static PersonCounting official2024With(String... moreDaysOff) {
        Set<LocalDate> off = new HashSet<>(OFF_2024);
        off.addAll(days(moreDaysOff));
        return new PersonCounting(off);
    }

    boolean working(LocalDate d) {
        if (d.getYear() != 2024) {
            throw new IllegalArgumentException("this person has only the 2024 calendar: " + d);
        }
        boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
        return WORKED_2024.contains(d) || (!weekend && !off.contains(d));
    }

    /** The {@code n}-th working day after {@code start} (not counted), skipping the working days in {@code paused}. */
    LocalDate nthWorkingDayAfter(String start, int n, Set<LocalDate> paused) {
        LocalDate d = LocalDate.parse(start);
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (working(d) && !paused.contains(d)) {
                counted++;
            }
        }
        return d;
    }

    LocalDate nthWorkingDayAfter(String start, int n) {
        return nthWorkingDayAfter(start, n, Set.of());
    }

    /** The working days d with {@code from < d <= to}. */
    Set<LocalDate> workingDaysAfterUpTo(String from, String to) {
        Set<LocalDate> days = new HashSet<>();
        for (LocalDate d = LocalDate.parse(from).plusDays(1); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            if (working(d)) {
                days.add(d);
            }
        }
        return days;
    }

    static Set<LocalDate> days(String... specs) {
        Set<LocalDate> days = new HashSet<>();
        for (String spec : specs) {
            String[] range = spec.split("\\.\\.");
            LocalDate from = LocalDate.parse(range[0]);
            LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }
}
