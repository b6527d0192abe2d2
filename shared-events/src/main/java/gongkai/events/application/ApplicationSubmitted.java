package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * An applicant submitted the application on gongkai's public page (网上申请). It is not yet received: the date of
 * receipt is the day a clerk of the agency confirms it (第三十一条: 以双方确认之日为收到申请之日), recorded then as
 * {@link ApplicationReceived} with this submission's content. {@code accessDigest} is the SHA-256 of the applicant's
 * query code and the last four digits of their phone ({@code QueryCodes}), never the code itself.
 */
@Revision("1")
public record ApplicationSubmitted(String applicationId, String agencyId, Instant submittedAt, ApplicantType applicantType,
                                   Applicant applicant, String request, String accessDigest) implements ApplicationEvent {

    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public LocalDate businessDate() {
        return LocalDate.ofInstant(submittedAt, BUSINESS_ZONE);
    }
}
