package gongkai.query.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Wiring of reminders and notices: the logging SMS sender unless another {@link SmsSender} is given, and the
 * dispatch run every {@code gongkai.notices.every} (default 30 s) on every instance of the query side (the table
 * decides who sends what: {@link OutgoingMessages}). {@code gongkai.notices.scheduled=false} leaves the runs to
 * the caller (tests, which move time themselves).
 */
@Configuration
@EnableScheduling
public class NoticeScheduling {

    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    public SmsSender loggingSmsSender() {
        return new LoggingSmsSender();
    }

    @Component
    @ConditionalOnProperty(name = "gongkai.notices.scheduled", havingValue = "true", matchIfMissing = true)
    static class Runs {

        private static final Logger log = LoggerFactory.getLogger(Runs.class);

        private final NoticeDispatch dispatch;

        Runs(NoticeDispatch dispatch) {
            this.dispatch = dispatch;
        }

        @Scheduled(fixedDelayString = "${gongkai.notices.every:PT30S}", initialDelayString = "${gongkai.notices.every:PT30S}")
        void run() {
            try {
                dispatch.runAt(Instant.now());
            } catch (RuntimeException e) {
                // e.g. PostgreSQL away: the next run tries again; only the type, as a message might quote a value
                log.warn("The notices' run failed ({}); trying again in the next run", e.getClass().getSimpleName());
            }
        }
    }
}
