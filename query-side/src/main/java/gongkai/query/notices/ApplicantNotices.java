package gongkai.query.notices;

import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementRequested;

import java.util.Optional;

/**
 * Which events of a case the applicant is told of (docs/notices.md): the application received (for one submitted
 * online, when a clerk confirms it), a supplement requested (补正, 第三十条), the reply period extended (第三十三条) and
 * the answer (including a new answer after a corrected decision). Plain Java.
 */
public final class ApplicantNotices {

    private ApplicantNotices() {
    }

    public static Optional<NoticeKind> kindOf(Object event) {
        if (event instanceof ApplicationReceived) {
            return Optional.of(NoticeKind.RECEIVED);
        }
        if (event instanceof SupplementRequested) {
            return Optional.of(NoticeKind.SUPPLEMENT_REQUESTED);
        }
        if (event instanceof ReplyPeriodExtended) {
            return Optional.of(NoticeKind.EXTENDED);
        }
        if (event instanceof ApplicationConcluded) {
            return Optional.of(NoticeKind.ANSWERED);
        }
        return Optional.empty();
    }

    /** The answer in the applicant's words: the group of the national form it belongs to (予以公开, 不予公开 …). */
    public static String outcomeWords(Outcome outcome) {
        String name = outcome.name();
        if (outcome == Outcome.DISCLOSED) {
            return "予以公开";
        }
        if (outcome == Outcome.PARTIALLY_DISCLOSED) {
            return "部分公开";
        }
        if (name.startsWith("WITHHELD_")) {
            return "不予公开";
        }
        if (name.startsWith("UNAVAILABLE_")) {
            return "无法提供";
        }
        if (name.startsWith("NOT_PROCESSED_")) {
            return "不予处理";
        }
        return "其他处理";
    }
}
