package gongkai.query.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMS sender of a system that has no SMS provider: it logs that a message went, with its reference and length,
 * never the number or the text (personal data, docs/personal-data.md).
 */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    @Override
    public void send(Sms sms) {
        log.info("SMS {} handed to the logging sender ({} characters; no SMS provider configured)", sms.reference(),
                 sms.text().length());
    }
}
