package gongkai.events.proactive;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Administrative fees (行政事业性收费, 第二十条第（八）项) collected on {@code collectedOn}: a positive
 * amount in yuan with at most two decimals (fen). Section 二 sums the year's amounts and shows them in
 * 万元 ({@code amountTenThousandYuan}). {@code feeId} names the entry.
 */
@Revision("1")
public record FeesCollected(String agencyId, String feeId, LocalDate collectedOn, BigDecimal amountYuan)
        implements RegisterEvent {

    @Override
    public LocalDate businessDate() {
        return collectedOn;
    }
}
