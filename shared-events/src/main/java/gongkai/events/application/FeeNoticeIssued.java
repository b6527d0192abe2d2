package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.math.BigDecimal;

/** An information processing fee was charged (第四十二条, 国办函〔2020〕109号); the clock stops until payment. */
@Revision("1")
public record FeeNoticeIssued(String applicationId, LocalDate issuedOn, BigDecimal amountYuan, LocalDate payBy) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return issuedOn;
    }
}
