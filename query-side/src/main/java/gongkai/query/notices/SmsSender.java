package gongkai.query.notices;

/**
 * The port through which an SMS goes out (docs/notices.md). The default ({@link LoggingSmsSender}) only logs that
 * one went; a provider's client is plugged in as a bean of this type. An implementation throws to say that the
 * provider refused the message; it must never log the number or the text.
 */
public interface SmsSender {

    /** One SMS. {@code reference} names it in the record of messages; {@link #toString()} withholds the rest. */
    record Sms(String reference, String mobile, String text) {
        @Override
        public String toString() {
            return "Sms[" + reference + ", number and text withheld]";
        }
    }

    void send(Sms sms);
}
