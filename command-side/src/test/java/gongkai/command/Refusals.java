package gongkai.command;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Test helpers: matchers for the two kinds of {@link Refusal}, and a fixed "today" for the rules. */
public final class Refusals {

    /** The business date "today" in every aggregate test. */
    public static final LocalDate TODAY = LocalDate.of(2024, 3, 15);

    private Refusals() {
    }

    /** Noon of {@link #TODAY} in Asia/Shanghai, as the handlers' injected {@link Clock}. */
    public static Clock clockAtToday() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        return Clock.fixed(TODAY.atTime(12, 0).atZone(shanghai).toInstant(), shanghai);
    }

    /** Bad input (HTTP 400) naming {@code field}. */
    public static Matcher<Object> invalid(String field) {
        return refusal(Refusal.Kind.INVALID, field);
    }

    /** A command the case's state does not allow (HTTP 409). */
    public static Matcher<Object> conflict() {
        return refusal(Refusal.Kind.CONFLICT, null);
    }

    private static Matcher<Object> refusal(Refusal.Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal refusal && refusal.kind() == kind
                       && (field == null || field.equals(refusal.field()));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a " + kind + " refusal" + (field == null ? "" : " naming " + field));
            }

            @Override
            protected void describeMismatchSafely(Object item, Description mismatch) {
                if (item instanceof Refusal refusal) {
                    mismatch.appendText("was a " + refusal.kind() + " refusal naming " + refusal.field()
                                        + ": " + refusal.getMessage());
                } else {
                    mismatch.appendText("was " + item);
                }
            }
        };
    }
}
