package gongkai.events.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A dated fact of one disclosure application that matters to its reply period, as
 * {@link ReplyClock} reads it. Each carries the business date the clerk recorded. A projection
 * maps the application's (corrected) events onto these: e.g. a withdrawal is a {@link Concluded}.
 */
public sealed interface ClockEvent {

    /** The business date of the fact. */
    LocalDate date();

    /** The application was received (第三十一条); the reply period runs from the next working day. */
    record Received(LocalDate date) implements ClockEvent {
        public Received {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The applicant was asked, once, to make the request clear (补正, 第三十条): the clock stops. */
    record SupplementRequested(LocalDate date) implements ClockEvent {
        public SupplementRequested {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The supplement arrived (第三十条): the reply period starts again from zero, counted from the next working day. */
    record SupplementReceived(LocalDate date) implements ClockEvent {
        public SupplementReceived {
            Objects.requireNonNull(date, "date");
        }
    }

    /** A third party or another agency was consulted in writing (第三十二条): the clock pauses (第三十三条). */
    record ConsultationStarted(LocalDate date) implements ClockEvent {
        public ConsultationStarted {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The consultation ended: the clock runs again. */
    record ConsultationEnded(LocalDate date) implements ClockEvent {
        public ConsultationEnded {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The reply period was extended, once, by at most 20 working days (第三十三条). */
    record Extended(LocalDate date, int workingDays) implements ClockEvent {
        public Extended {
            Objects.requireNonNull(date, "date");
        }
    }

    /** An information processing fee notice was issued (第四十二条, 国办函〔2020〕109号): the clock pauses until payment. */
    record FeeNoticeIssued(LocalDate date) implements ClockEvent {
        public FeeNoticeIssued {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The fee was paid: the clock runs again. */
    record FeePaid(LocalDate date) implements ClockEvent {
        public FeePaid {
            Objects.requireNonNull(date, "date");
        }
    }

    /** The application was concluded (answered, withdrawn, or closed as given up): the clock ends. */
    record Concluded(LocalDate date) implements ClockEvent {
        public Concluded {
            Objects.requireNonNull(date, "date");
        }
    }
}
