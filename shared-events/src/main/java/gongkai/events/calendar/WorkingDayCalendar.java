package gongkai.events.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Working-day arithmetic on the official calendar (docs/lifecycle.md, "Working days and the calendars"): a working day
 * is Monday to Friday, minus the official public holidays, plus the adjusted working weekends
 * (调休), as published each year by the General Office of the State Council.
 *
 * <p>The calendar is data: one {@link CalendarYear} per year. {@link #official()} holds the years
 * shipped as resources ({@code gongkai/calendar/YYYY.txt}, listed in
 * {@code gongkai/calendar/years.txt}); a year published later is added with
 * {@link #withYear(CalendarYear)}. Any question about a date in a year the calendar has no data
 * for throws {@link UnknownCalendarYear} naming that year: deadlines are never guessed.
 *
 * <p>Immutable and thread-safe. Counting follows the rule of 第三十三条 (and 民法典第二百零一条):
 * the day a period starts from is not counted; the first day counted is the next working day.
 */
public final class WorkingDayCalendar {

    private static final String RESOURCE_DIR = "gongkai/calendar/";

    private final SortedMap<Integer, CalendarYear> years;
    /** The first year with data; the years' working days below are indexed from it. */
    private final int firstYear;
    /**
     * Each year's working days as bits by day of the year (bit {@code dayOfYear - 1}), null for a year without data:
     * a reply clock asks day by day, and a lookup here is two array reads where the year's sets are two searches.
     */
    private final long[][] workingDays;
    /** Years the table above spans at most: a calendar given years centuries apart asks its sets beyond that. */
    private static final int TABLE_YEARS = 200;

    private WorkingDayCalendar(SortedMap<Integer, CalendarYear> years) {
        this.years = Collections.unmodifiableSortedMap(years);
        this.firstYear = years.isEmpty() ? 0 : years.firstKey();
        this.workingDays = new long[years.isEmpty() ? 0 : (int) Math.min(TABLE_YEARS, (long) years.lastKey() - firstYear + 1)][];
        for (CalendarYear year : years.headMap(firstYear + workingDays.length).values()) {
            long[] bits = new long[6];
            for (int day = 0; day < Year.of(year.year()).length(); day++) {
                if (year.isWorkingDay(LocalDate.ofYearDay(year.year(), day + 1))) {
                    bits[day >> 6] |= 1L << day;
                }
            }
            workingDays[year.year() - firstYear] = bits;
        }
    }

    /** The calendar of the years shipped with gongkai (2023–2026, from the official notices). */
    public static WorkingDayCalendar official() {
        return Official.CALENDAR;
    }

    /** A calendar with no year at all: every question about a date throws {@link UnknownCalendarYear}. */
    public static WorkingDayCalendar empty() {
        return new WorkingDayCalendar(new TreeMap<>());
    }

    /** A calendar of exactly these years (a year given twice: the later one wins). */
    public static WorkingDayCalendar of(Collection<CalendarYear> years) {
        TreeMap<Integer, CalendarYear> map = new TreeMap<>();
        for (CalendarYear y : years) {
            map.put(y.year(), y);
        }
        return new WorkingDayCalendar(map);
    }

    /** A copy of this calendar with {@code year} added, or replacing the data this calendar had for that year. */
    public WorkingDayCalendar withYear(CalendarYear year) {
        Objects.requireNonNull(year, "year");
        TreeMap<Integer, CalendarYear> map = new TreeMap<>(years);
        map.put(year.year(), year);
        return new WorkingDayCalendar(map);
    }

    /** The years this calendar has data for, ascending. */
    public Set<Integer> years() {
        return years.keySet();
    }

    /** This calendar's data for {@code year}, if it has any. */
    public Optional<CalendarYear> year(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /**
     * Whether {@code date} is a working day.
     *
     * @throws UnknownCalendarYear when the calendar has no data for the date's year
     */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        int index = date.getYear() - firstYear;
        long[] bits = index >= 0 && index < workingDays.length ? workingDays[index] : null;
        if (bits == null) {
            CalendarYear y = years.get(date.getYear());
            if (y == null) {
                throw new UnknownCalendarYear(date.getYear());
            }
            return y.isWorkingDay(date);
        }
        int day = date.getDayOfYear() - 1;
        return (bits[day >> 6] & (1L << day)) != 0;
    }

    /**
     * The {@code n}-th working day after {@code start}; {@code start} itself is not counted, whether
     * or not it is a working day. {@code addWorkingDays(start, 0)} is {@code start}.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     * @throws UnknownCalendarYear      when the count runs into a year the calendar has no data for
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        Objects.requireNonNull(start, "start");
        if (n < 0) {
            throw new IllegalArgumentException("cannot add a negative number of working days: " + n);
        }
        LocalDate d = start;
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
        }
        return d;
    }

    /**
     * The number of working days {@code d} with {@code fromExclusive < d <= toInclusive}. When
     * {@code toInclusive} is before {@code fromExclusive} the result is the negative of the count
     * the other way round, so that {@code workingDaysBetween(a, b) == -workingDaysBetween(b, a)}
     * (a deadline {@code b} passed {@code k} working days ago gives {@code -k} as of {@code a}).
     *
     * @throws UnknownCalendarYear when a day in between lies in a year the calendar has no data for
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WorkingDayCalendar other && years.equals(other.years);
    }

    @Override
    public int hashCode() {
        return years.hashCode();
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar" + years.keySet();
    }

    /** Loads the shipped years once, on first use. */
    private static final class Official {

        static final WorkingDayCalendar CALENDAR = load();

        private static WorkingDayCalendar load() {
            TreeMap<Integer, CalendarYear> map = new TreeMap<>();
            for (String line : read(RESOURCE_DIR + "years.txt").lines().toList()) {
                String s = line.replaceFirst("#.*", "").strip();
                if (s.isEmpty()) {
                    continue;
                }
                int year = Integer.parseInt(s);
                String resource = RESOURCE_DIR + year + ".txt";
                try {
                    map.put(year, CalendarYear.parse(year, read(resource)));
                } catch (CalendarFormatException e) {
                    throw new IllegalStateException("the shipped calendar " + resource + " is malformed: " + e.getMessage(), e);
                }
            }
            return new WorkingDayCalendar(map);
        }

        private static String read(String resource) {
            try (InputStream in = WorkingDayCalendar.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the shipped calendar resource " + resource + " is missing");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
    }
}
