package gongkai.command;

import java.time.LocalDate;

/**
 * The date checks that every case's rules share: business dates are never in the future (bad input,
 * HTTP 400 naming the field) and never before a date the case already holds (HTTP 409).
 */
public final class BusinessDates {

    private BusinessDates() {
    }

    public static void notInFuture(String field, LocalDate date, LocalDate today) {
        if (date.isAfter(today)) {
            throw Refusal.invalid(field, "日期不能晚于今天 (the date " + date + " is after today, " + today + ")");
        }
    }

    /** {@code what} names the earlier date, in Chinese then English, for the clerk. */
    public static void notBefore(String field, LocalDate date, LocalDate earliest, String what) {
        if (date.isBefore(earliest)) {
            throw Refusal.conflict(field + " " + date + " 早于" + what + " " + earliest
                                   + " (" + field + " cannot precede " + earliest + ")");
        }
    }
}
