package gongkai.query.counting;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationReopened;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ExtensionApproved;
import gongkai.events.application.ExtensionRefused;
import gongkai.events.application.ExtensionRequested;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.FeePaid;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementReceived;
import gongkai.events.application.SupplementRequested;

import java.time.LocalDate;
import java.util.List;

/**
 * What the query side knows of one application after a run of its events: a plain fold, with no
 * personal data. The same fold serves the live read model and an application "as of" any instant.
 */
public record ApplicationFacts(String applicationId, String agencyId, ApplicantType applicantType, Channel channel,
                               LocalDate receivedOn, LocalDate supplementRequestedOn,
                               LocalDate supplementReceivedOn, LocalDate consultationStartedOn,
                               Integer extensionWorkingDays, LocalDate unpaidFeeNoticeOn, boolean withdrawn,
                               LocalDate concludedOn, Outcome outcome, List<Outcome> withheldReasons,
                               LocalDate reopenedOn, LocalDate reansweredOn, Outcome reanswerOutcome,
                               LocalDate extensionRequestedOn, LocalDate awaitingSignInSince) {

    public enum State {
        /** Transferred (转办) to this agency and not yet signed for (签收): nothing else can be done with it. */
        AWAITING_SIGN_IN,
        /** An extension was requested and awaits the head of the office (第三十三条); the clock runs meanwhile. */
        EXTENSION_REQUESTED,
        /** The reply clock is running. */
        IN_PROGRESS,
        /** 补正: the clock is stopped until the applicant supplements (第三十条). */
        AWAITING_SUPPLEMENT,
        /** 征求意见: the time is not counted (第三十二条, 第三十三条). */
        IN_CONSULTATION,
        /** 收费: the clock is stopped until the fee is paid (第四十二条). */
        AWAITING_FEE,
        WITHDRAWN,
        CONCLUDED,
        /** Reopened after a decision that corrected the answer, awaiting the new answer. */
        REOPENED
    }

    public static ApplicationFacts received(ApplicationReceived e) {
        return new ApplicationFacts(e.applicationId(), e.agencyId(), e.applicantType(), e.channel(), e.receivedOn(),
                                    null, null, null, null, null, false, null, null, List.of(), null, null, null,
                                    null, null);
    }

    /** The facts from the receipt on; null before it (a submission made online is not yet an application received). */
    public static ApplicationFacts fold(List<? extends ApplicationEvent> events) {
        ApplicationFacts facts = null;
        for (ApplicationEvent event : events) {
            if (event instanceof ApplicationReceived received) {
                facts = received(received);
            } else if (facts != null) {
                facts = facts.apply(event);
            }
        }
        return facts;
    }

    public ApplicationFacts apply(ApplicationEvent event) {
        ApplicationFacts f = this;
        if (event instanceof SupplementRequested e) {
            f = f.with(b -> b.supplementRequestedOn = e.requestedOn());
        } else if (event instanceof SupplementReceived e) {
            f = f.with(b -> b.supplementReceivedOn = e.receivedOn());
        } else if (event instanceof ConsultationStarted e) {
            f = f.with(b -> b.consultationStartedOn = e.startedOn());
        } else if (event instanceof ConsultationEnded) {
            f = f.with(b -> b.consultationStartedOn = null);
        } else if (event instanceof ReplyPeriodExtended e) {
            f = f.with(b -> b.extensionWorkingDays = e.workingDays());
        } else if (event instanceof ExtensionRequested e) {
            f = f.with(b -> b.extensionRequestedOn = e.requestedOn());
        } else if (event instanceof ExtensionApproved || event instanceof ExtensionRefused) {
            f = f.with(b -> b.extensionRequestedOn = null);
        } else if (event instanceof ApplicationTransferred e) {
            // Counted from now on in the agency it was passed to: the one that answers it.
            f = f.with(b -> {
                b.agencyId = e.toAgencyId();
                b.awaitingSignInSince = e.transferredOn();
            });
        } else if (event instanceof ApplicationSignedFor) {
            f = f.with(b -> b.awaitingSignInSince = null);
        } else if (event instanceof FeeNoticeIssued e) {
            f = f.with(b -> b.unpaidFeeNoticeOn = e.issuedOn());
        } else if (event instanceof FeePaid) {
            f = f.with(b -> b.unpaidFeeNoticeOn = null);
        } else if (event instanceof ApplicationReopened e) {
            f = f.with(b -> {
                b.reopenedOn = e.reopenedOn();
                b.reansweredOn = null;
                b.reanswerOutcome = null;
            });
        } else if (reopenedOn != null && (event instanceof ApplicationConcluded || event instanceof ApplicationWithdrawn)) {
            // The new answer after a reopening is recorded on the application; table 三 keeps counting
            // the first answer (see ApplicationReopened).
            f = f.with(b -> {
                b.reansweredOn = event.businessDate();
                b.reanswerOutcome = event instanceof ApplicationConcluded c ? c.outcome() : Outcome.OTHER_OTHER;
            });
        } else if (event instanceof ApplicationWithdrawn e) {
            f = f.with(b -> {
                b.withdrawn = true;
                b.concludedOn = e.withdrawnOn();
            });
        } else if (event instanceof ApplicationConcluded e) {
            f = f.with(b -> {
                b.concludedOn = e.concludedOn();
                b.outcome = e.outcome();
                b.withheldReasons = e.withheldReasons();
            });
        } else if (event instanceof ApplicationCorrected e) {
            f = f.with(b -> {
                switch (e.field()) {
                    case applicantType -> b.applicantType = ApplicantType.valueOf(e.newValue());
                    case channel -> b.channel = Channel.valueOf(e.newValue());
                    case receivedOn -> b.receivedOn = LocalDate.parse(e.newValue());
                    case concludedOn -> b.concludedOn = LocalDate.parse(e.newValue());
                    case outcome -> {
                        b.outcome = Outcome.valueOf(e.newValue());
                        b.withheldReasons = e.withheldReasons();
                    }
                }
            });
        }
        return f;
    }

    public boolean concluded() {
        return concludedOn != null;
    }

    public State state() {
        if (reopenedOn != null && reansweredOn == null) {
            return State.REOPENED;
        }
        if (withdrawn && outcome == null) {
            return State.WITHDRAWN;
        }
        if (concluded()) {
            return State.CONCLUDED;
        }
        if (awaitingSignInSince != null) {
            return State.AWAITING_SIGN_IN;
        }
        if (extensionRequestedOn != null) {
            return State.EXTENSION_REQUESTED;
        }
        if (supplementRequestedOn != null && supplementReceivedOn == null) {
            return State.AWAITING_SUPPLEMENT;
        }
        if (consultationStartedOn != null) {
            return State.IN_CONSULTATION;
        }
        if (unpaidFeeNoticeOn != null) {
            return State.AWAITING_FEE;
        }
        return State.IN_PROGRESS;
    }

    private ApplicationFacts with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return b.build();
    }

    private static final class Builder {
        String applicationId;
        String agencyId;
        ApplicantType applicantType;
        Channel channel;
        LocalDate receivedOn;
        LocalDate supplementRequestedOn;
        LocalDate supplementReceivedOn;
        LocalDate consultationStartedOn;
        Integer extensionWorkingDays;
        LocalDate unpaidFeeNoticeOn;
        boolean withdrawn;
        LocalDate concludedOn;
        Outcome outcome;
        List<Outcome> withheldReasons;
        LocalDate reopenedOn;
        LocalDate reansweredOn;
        Outcome reanswerOutcome;
        LocalDate extensionRequestedOn;
        LocalDate awaitingSignInSince;

        Builder(ApplicationFacts f) {
            applicationId = f.applicationId;
            agencyId = f.agencyId;
            applicantType = f.applicantType;
            channel = f.channel;
            receivedOn = f.receivedOn;
            supplementRequestedOn = f.supplementRequestedOn;
            supplementReceivedOn = f.supplementReceivedOn;
            consultationStartedOn = f.consultationStartedOn;
            extensionWorkingDays = f.extensionWorkingDays;
            unpaidFeeNoticeOn = f.unpaidFeeNoticeOn;
            withdrawn = f.withdrawn;
            concludedOn = f.concludedOn;
            outcome = f.outcome;
            withheldReasons = f.withheldReasons;
            reopenedOn = f.reopenedOn;
            reansweredOn = f.reansweredOn;
            reanswerOutcome = f.reanswerOutcome;
            extensionRequestedOn = f.extensionRequestedOn;
            awaitingSignInSince = f.awaitingSignInSince;
        }

        ApplicationFacts build() {
            return new ApplicationFacts(applicationId, agencyId, applicantType, channel, receivedOn,
                                        supplementRequestedOn, supplementReceivedOn, consultationStartedOn,
                                        extensionWorkingDays, unpaidFeeNoticeOn, withdrawn, concludedOn, outcome,
                                        withheldReasons == null ? List.of() : withheldReasons, reopenedOn, reansweredOn,
                                        reanswerOutcome, extensionRequestedOn, awaitingSignInSince);
        }
    }
}
