package gongkai.command;

/**
 * A command that a case's rules do not allow. Thrown by the plain-Java rules before any event is
 * applied, so nothing is written. {@link Kind#INVALID} is bad input (HTTP 400, naming the field);
 * {@link Kind#CONFLICT} is an action that the case's present state forbids (HTTP 409).
 * The message is written for the clerk and never contains personal data.
 */
public final class Refusal extends RuntimeException {

    public enum Kind { INVALID, CONFLICT }

    private final Kind kind;
    private final String field;

    private Refusal(Kind kind, String field, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public static Refusal conflict(String message) {
        return new Refusal(Kind.CONFLICT, null, message);
    }

    public static Refusal invalid(String field, String message) {
        return new Refusal(Kind.INVALID, field, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The input field at fault, for {@link Kind#INVALID}; {@code null} otherwise. */
    public String field() {
        return field;
    }
}
