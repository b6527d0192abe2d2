package gongkai.query.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The hours of the night in which no message goes out (docs/notices.md): from {@code from} to {@code until}, local
 * time in {@code zone}, by default 22:00 to 07:00 in Asia/Shanghai. A period may run past midnight (from later
 * than until) or lie within one day; from equal to until means no quiet period. Messages due in it are held until
 * it ends. Plain Java.
 */
public record QuietPeriod(LocalTime from, LocalTime until, ZoneId zone) {

    public QuietPeriod {
        if (from == null || until == null || zone == null) {
            throw new IllegalArgumentException("a quiet period needs its start, its end and its time zone");
        }
    }

    /** Whether a message may not go out at {@code now}. */
    public boolean holds(Instant now) {
        LocalTime time = now.atZone(zone).toLocalTime();
        if (from.equals(until)) {
            return false;
        }
        if (from.isBefore(until)) {
            return !time.isBefore(from) && time.isBefore(until);
        }
        return !time.isBefore(from) || time.isBefore(until);
    }

    /** The first instant at or after {@code now} at which messages may go out again ({@code now} itself outside the period). */
    public Instant endsAfter(Instant now) {
        if (!holds(now)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalDate day = local.toLocalTime().isBefore(until) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(until).atZone(zone).toInstant();
    }
}
