package gongkai.events.calendar;

/**
 * The text of a year's calendar could not be accepted (see {@link CalendarYear#parse(int, String)}).
 * The message names the line and says what is wrong, so that it can be shown to the
 * administrator who uploaded it.
 */
public final class CalendarFormatException extends IllegalArgumentException {

    private final int line;

    CalendarFormatException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
        this.line = line;
    }

    /** The 1-based line the problem is on, or 0 when it concerns the text as a whole. */
    public int line() {
        return line;
    }
}
