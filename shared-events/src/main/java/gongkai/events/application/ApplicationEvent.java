package gongkai.events.application;

import gongkai.events.CaseEvent;

/** An event in the life of one disclosure application (依申请公开). */
public sealed interface ApplicationEvent extends CaseEvent
        permits ApplicationReceived, SupplementRequested, SupplementReceived, ConsultationStarted,
        ConsultationEnded, ReplyPeriodExtended, FeeNoticeIssued, FeePaid, ApplicationWithdrawn,
        ApplicationConcluded, ApplicationCorrected, ApplicationReopened, ExtensionRequested, ExtensionApproved,
        ExtensionRefused, ApplicationTransferred, ApplicationSignedFor, ApplicationSubmitted, SubmissionReturned,
        PersonalDataErased, PersonalDataSealed, PersonalDataUnsealed {

    String applicationId();

    @Override
    default String caseId() {
        return applicationId();
    }
}
