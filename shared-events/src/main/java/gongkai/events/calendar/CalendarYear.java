package gongkai.events.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the official working-day calendar, as published each year by the General Office of
 * the State Council (国务院办公厅关于XXXX年部分节假日安排的通知): the days off, and the weekend days
 * that are worked instead (调休). Immutable.
 *
 * <p>A day of this year is a working day when it is Monday to Friday and not a day off, or when
 * it is a worked weekend day.
 *
 * <h2>Text format</h2>
 * The shipped files ({@code gongkai/calendar/YYYY.txt}) and an administrator's upload use the
 * same UTF-8 line format, parsed by {@link #parse(int, String)}:
 * <pre>
 * # comment (everything after '#' on a line is ignored; blank lines too)
 * year: 2024                          required, must equal the year being parsed
 * notice: 国办发明电〔2023〕7号          required, the notice the data copies
 * off: 2024-01-01                     a day off (放假)
 * off: 2024-02-10..2024-02-17         an inclusive range of days off
 * work: 2024-02-04                    a worked Saturday or Sunday (调休上班); ranges allowed too
 * </pre>
 * {@code 休} and {@code 班} may be written instead of {@code off} and {@code work}, and the colon may
 * be full-width ({@code ：}). Rules, each
 * refused with a {@link CalendarFormatException} naming the line: every date lies in the year,
 * except that a range of days off may begin in the previous year or end in the next (the 2023
 * New Year holiday ran from 31 Dec 2022), the part outside the year being ignored because each
 * year's own data governs its days; a worked day is a Saturday or Sunday; no day is both off
 * and worked; at least one day off is given.
 *
 * @param year              the calendar year
 * @param notice            the notice the data copies, e.g. {@code 国办发明电〔2023〕7号}
 * @param daysOff           the days off in this year (weekend days among them are allowed and change nothing)
 * @param workedWeekendDays the Saturdays and Sundays of this year that are working days
 */
public record CalendarYear(int year, String notice, SortedSet<LocalDate> daysOff, SortedSet<LocalDate> workedWeekendDays) {

    public CalendarYear {
        Objects.requireNonNull(notice, "notice");
        if (notice.isBlank()) {
            throw new IllegalArgumentException("the notice the calendar of " + year + " copies must be named");
        }
        daysOff = Collections.unmodifiableSortedSet(new TreeSet<>(Objects.requireNonNull(daysOff, "daysOff")));
        workedWeekendDays = Collections.unmodifiableSortedSet(
                new TreeSet<>(Objects.requireNonNull(workedWeekendDays, "workedWeekendDays")));
        for (LocalDate d : daysOff) {
            requireInYear(year, d, 0);
        }
        for (LocalDate d : workedWeekendDays) {
            requireInYear(year, d, 0);
            requireWeekend(d, 0);
            if (daysOff.contains(d)) {
                throw new CalendarFormatException(0, d + " is listed both as a day off and as a worked day");
            }
        }
    }

    /** A year from explicit sets of dates (validated as the text format is). */
    public static CalendarYear of(int year, String notice, Collection<LocalDate> daysOff, Collection<LocalDate> workedWeekendDays) {
        return new CalendarYear(year, notice, new TreeSet<>(daysOff), new TreeSet<>(workedWeekendDays));
    }

    /**
     * Parses the text of one year's calendar (format in the class comment), as shipped or as
     * uploaded by an administrator.
     *
     * @throws CalendarFormatException naming the line, when the text does not follow the format
     */
    public static CalendarYear parse(int year, String text) {
        Objects.requireNonNull(text, "text");
        Integer declaredYear = null;
        String notice = null;
        TreeSet<LocalDate> off = new TreeSet<>();
        TreeSet<LocalDate> work = new TreeSet<>();
        // Which line each worked day came from, to name it when it is also a day off.
        Map<LocalDate, Integer> workLine = new HashMap<>();

        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            // The key ends at the first colon, ASCII or full-width (as a Chinese input method types it).
            int ascii = line.indexOf(':');
            int fullWidth = line.indexOf('：');
            int colon = ascii < 0 ? fullWidth : fullWidth < 0 ? ascii : Math.min(ascii, fullWidth);
            if (colon < 0) {
                throw new CalendarFormatException(lineNo, "expected 'key: value' (year, notice, off/休, work/班), got '" + line + "'");
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            switch (key) {
                case "year" -> {
                    if (declaredYear != null) {
                        throw new CalendarFormatException(lineNo, "'year' is given twice");
                    }
                    try {
                        declaredYear = Integer.parseInt(value);
                    } catch (NumberFormatException e) {
                        throw new CalendarFormatException(lineNo, "'year' must be a number, got '" + value + "'");
                    }
                    if (declaredYear != year) {
                        throw new CalendarFormatException(lineNo,
                                "the text is the calendar of " + declaredYear + ", not of " + year);
                    }
                }
                case "notice" -> {
                    if (notice != null) {
                        throw new CalendarFormatException(lineNo, "'notice' is given twice");
                    }
                    if (value.isEmpty()) {
                        throw new CalendarFormatException(lineNo, "'notice' must name the notice the calendar copies");
                    }
                    notice = value;
                }
                case "off", "休" -> {
                    DateRange r = DateRange.parse(value, lineNo);
                    // A holiday range may straddle New Year; keep this year's part only.
                    LocalDate from = r.from().getYear() < year ? LocalDate.of(year, 1, 1) : r.from();
                    LocalDate to = r.to().getYear() > year ? LocalDate.of(year, 12, 31) : r.to();
                    if (from.isAfter(to) || (r.single() && r.from().getYear() != year)) {
                        throw new CalendarFormatException(lineNo, value + " is not in " + year);
                    }
                    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                        off.add(d);
                    }
                }
                case "work", "班" -> {
                    DateRange r = DateRange.parse(value, lineNo);
                    for (LocalDate d = r.from(); !d.isAfter(r.to()); d = d.plusDays(1)) {
                        requireInYear(year, d, lineNo);
                        requireWeekend(d, lineNo);
                        work.add(d);
                        workLine.putIfAbsent(d, lineNo);
                    }
                }
                default -> throw new CalendarFormatException(lineNo,
                        "unknown key '" + key + "' (expected year, notice, off/休, work/班)");
            }
        }
        if (declaredYear == null) {
            throw new CalendarFormatException(0, "the line 'year: " + year + "' is missing");
        }
        if (notice == null) {
            throw new CalendarFormatException(0, "the line 'notice: …' naming the notice the calendar copies is missing");
        }
        if (off.isEmpty()) {
            throw new CalendarFormatException(0, "no day off is given for " + year);
        }
        for (LocalDate d : work) {
            if (off.contains(d)) {
                throw new CalendarFormatException(workLine.get(d), d + " is listed both as a day off and as a worked day");
            }
        }
        return new CalendarYear(year, notice, off, work);
    }

    /**
     * Whether {@code date}, a day of this year, is a working day: Monday to Friday and not a day
     * off, or a worked weekend day.
     *
     * @throws IllegalArgumentException when the date is not in this year
     */
    public boolean isWorkingDay(LocalDate date) {
        if (date.getYear() != year) {
            throw new IllegalArgumentException(date + " is not in " + year);
        }
        if (workedWeekendDays.contains(date)) {
            return true;
        }
        return !isWeekend(date) && !daysOff.contains(date);
    }

    static boolean isWeekend(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w == DayOfWeek.SATURDAY || w == DayOfWeek.SUNDAY;
    }

    private static void requireInYear(int year, LocalDate d, int lineNo) {
        if (d.getYear() != year) {
            throw new CalendarFormatException(lineNo, d + " is not in " + year);
        }
    }

    private static void requireWeekend(LocalDate d, int lineNo) {
        if (!isWeekend(d)) {
            throw new CalendarFormatException(lineNo,
                    d + " is a " + d.getDayOfWeek() + ": only a Saturday or Sunday can be a worked day (调休上班)");
        }
    }

    /** {@code YYYY-MM-DD} or {@code YYYY-MM-DD..YYYY-MM-DD}, inclusive. */
    private record DateRange(LocalDate from, LocalDate to, boolean single) {

        static DateRange parse(String value, int lineNo) {
            int dots = value.indexOf("..");
            try {
                if (dots < 0) {
                    LocalDate d = LocalDate.parse(value);
                    return new DateRange(d, d, true);
                }
                LocalDate from = LocalDate.parse(value.substring(0, dots).strip());
                LocalDate to = LocalDate.parse(value.substring(dots + 2).strip());
                if (to.isBefore(from)) {
                    throw new CalendarFormatException(lineNo, "the range " + value + " ends before it starts");
                }
                return new DateRange(from, to, false);
            } catch (DateTimeParseException e) {
                throw new CalendarFormatException(lineNo,
                        "expected a date YYYY-MM-DD or a range YYYY-MM-DD..YYYY-MM-DD, got '" + value + "'");
            }
        }
    }
}
