package gongkai.query.notices;

import java.util.List;

/**
 * Every kind of message gongkai sends (docs/notices.md), with whom it goes to, the placeholders its template may
 * use and the built-in template an administrator may replace per agency. Plain Java.
 */
public enum NoticeKind {

    RECEIVED(Audience.APPLICANT, "政府信息公开申请已收到",
             "{{applicantName}}：您向{{agencyName}}提出的政府信息公开申请已于{{receivedOn}}收到，"
             + "我们将在{{dueOn}}前答复。", List.of("applicantName", "agencyName", "receivedOn", "dueOn")),
    SUPPLEMENT_REQUESTED(Audience.APPLICANT, "请补正政府信息公开申请",
                         "{{applicantName}}：{{agencyName}}已于{{requestedOn}}向您发出补正告知，请于{{replyBy}}前补正；"
                         + "答复期限自收到补正之日起计算。", List.of("applicantName", "agencyName", "requestedOn", "replyBy")),
    EXTENDED(Audience.APPLICANT, "政府信息公开申请答复期限延长",
             "{{applicantName}}：经政府信息公开工作机构负责人同意，{{agencyName}}对您的申请延长答复期限"
             + "{{workingDays}}个工作日，将在{{dueOn}}前答复。", List.of("applicantName", "agencyName", "workingDays", "dueOn")),
    ANSWERED(Audience.APPLICANT, "政府信息公开申请已答复",
             "{{applicantName}}：{{agencyName}}已于{{concludedOn}}答复您于{{receivedOn}}提出的政府信息公开申请"
             + "（{{outcome}}），答复书将按您选择的方式送达。",
             List.of("applicantName", "agencyName", "receivedOn", "concludedOn", "outcome")),
    DIGEST(Audience.CLERKS, "{{agencyName}}：{{overdueCount}} 件逾期，{{dueSoonCount}} 件即将到期",
           "{{date}} {{agencyName}}的依申请公开案件：已逾期 {{overdueCount}} 件，{{workingDays}} 个工作日内到期 "
           + "{{dueSoonCount}} 件。\n{{cases}}",
           List.of("agencyName", "date", "overdueCount", "dueSoonCount", "workingDays", "cases")),
    DUE_SOON_ALERT(Audience.CLERKS, "案件即将到期：{{dueOn}}",
                   "{{agencyName}}的申请 {{applicationId}}（{{receivedOn}}收到）将于{{dueOn}}到期。",
                   List.of("agencyName", "applicationId", "receivedOn", "dueOn")),
    OVERDUE_ALERT(Audience.CLERKS, "案件已逾期：{{dueOn}}",
                  "{{agencyName}}的申请 {{applicationId}}（{{receivedOn}}收到）已于{{dueOn}}到期，尚未答复。",
                  List.of("agencyName", "applicationId", "receivedOn", "dueOn"));

    /** Who a kind of message goes to: the applicant of the case, or each clerk of the agency who gave a contact. */
    public enum Audience {
        APPLICANT, CLERKS
    }

    private final Audience audience;
    private final MessageTemplate builtIn;
    private final List<String> placeholders;

    NoticeKind(Audience audience, String subject, String body, List<String> placeholders) {
        this.audience = audience;
        this.builtIn = new MessageTemplate(subject, body);
        this.placeholders = placeholders;
    }

    public Audience audience() {
        return audience;
    }

    /** The template used where the agency has none of its own. */
    public MessageTemplate builtIn() {
        return builtIn;
    }

    /** The names a template of this kind may use as {@code {{name}}}. */
    public List<String> placeholders() {
        return placeholders;
    }
}
