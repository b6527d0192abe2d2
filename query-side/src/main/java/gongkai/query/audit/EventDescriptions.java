package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ExtensionApproved;
import gongkai.events.application.ExtensionRefused;
import gongkai.events.application.ExtensionRequested;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.FeePaid;
import gongkai.events.application.Outcome;
import gongkai.events.application.PersonalDataErased;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementReceived;
import gongkai.events.application.SupplementRequested;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.personal.PersonalDataMigrated;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an event says, in words a person reads (Chinese, the clerks' and auditors' language), for
 * the history of a case and the audit trail. An applicant is described by type only; the personal
 * texts (request, notes, reasons) are described as the event holds them, so a reader who may not see
 * them is given the event {@link PersonalDataMasking#withheld withheld}. An event this class has no words for yet (a new kind of case) is described by its
 * type and its fields, personal data withheld, so that the history works for any event.
 */
public final class EventDescriptions {

    /** A corrected fact: what was recorded, what is right, and why. */
    public record Change(String field, String label, String oldValue, String newValue, String reason) {
    }

    private static final int LONG_TEXT = 120;

    private static final Map<Channel, String> CHANNELS = Map.of(
            Channel.IN_PERSON, "当面提交", Channel.MAIL, "邮寄", Channel.ONLINE, "网上申请",
            Channel.FAX, "传真", Channel.OTHER, "其他方式");

    private static final Map<CorrectedField, String> FIELDS = Map.of(
            CorrectedField.applicantType, "申请人类型", CorrectedField.receivedOn, "收到申请之日",
            CorrectedField.channel, "申请方式", CorrectedField.outcome, "办理结果", CorrectedField.concludedOn, "答复日期");

    private EventDescriptions() {
    }

    /** The event's name: its class's simple name, also for a type unknown here. */
    public static String type(Object payload) {
        String name = payload instanceof UnknownSerializedType unknown ? unknown.serializedType().getName()
                                                                       : payload == null ? null : payload.getClass().getName();
        return name == null ? null : name.substring(name.lastIndexOf('.') + 1);
    }

    public static String summary(Object payload, String type) {
        if (payload instanceof ApplicationReceived e) {
            return "收到申请：" + e.receivedOn() + " 经" + CHANNELS.get(e.channel()) + "收到，申请人类型为"
                   + e.applicantType().label() + "。申请内容：" + shortened(e.request());
        }
        if (payload instanceof SupplementRequested e) {
            return "要求申请人补正（" + e.requestedOn() + "），补正期限 " + e.replyBy() + note(e.note());
        }
        if (payload instanceof SupplementReceived e) {
            return "收到补正材料（" + e.receivedOn() + "），答复期限自当日重新计算";
        }
        if (payload instanceof ConsultationStarted e) {
            return "开始征求意见（" + e.startedOn() + "），征求对象：" + shortened(e.consultedParty()) + "；征求意见期间不计入答复期限";
        }
        if (payload instanceof ConsultationEnded e) {
            return "征求意见结束（" + e.endedOn() + "）";
        }
        if (payload instanceof ReplyPeriodExtended e) {
            return "延长答复期限 " + e.workingDays() + " 个工作日（" + e.extendedOn() + "），理由：" + shortened(e.reason());
        }
        if (payload instanceof ExtensionRequested e) {
            return "申请延长答复期限 " + e.workingDays() + " 个工作日（" + e.requestedOn() + "），待负责人审批，理由："
                   + shortened(e.reason());
        }
        if (payload instanceof ExtensionApproved e) {
            return "负责人同意延长答复期限 " + e.workingDays() + " 个工作日（" + e.approvedOn() + "）" + note(e.note());
        }
        if (payload instanceof ExtensionRefused e) {
            return "负责人不同意延长答复期限（" + e.refusedOn() + "），理由：" + shortened(e.reason());
        }
        if (payload instanceof ApplicationTransferred e) {
            return "转办（" + e.transferredOn() + "）：由 " + e.fromAgencyId() + " 转至 " + e.toAgencyId() + "，理由："
                   + shortened(e.reason());
        }
        if (payload instanceof ApplicationSignedFor e) {
            return "签收（" + e.signedOn() + "）：" + e.agencyId();
        }
        if (payload instanceof FeeNoticeIssued e) {
            return "发出收费通知（" + e.issuedOn() + "），金额 " + e.amountYuan().toPlainString() + " 元，缴费期限 " + e.payBy();
        }
        if (payload instanceof FeePaid e) {
            return "申请人已缴费（" + e.paidOn() + "）";
        }
        if (payload instanceof ApplicationWithdrawn e) {
            return "申请人撤回申请（" + e.withdrawnOn() + "），计入“其他处理 · 其他”";
        }
        if (payload instanceof ApplicationConcluded e) {
            String reasons = e.withheldReasons().isEmpty() ? ""
                    : "；不予公开部分的理由：" + e.withheldReasons().stream().map(EventDescriptions::outcome)
                                                   .collect(Collectors.joining("、"));
            return "答复办结（" + e.concludedOn() + "），办理结果：" + outcome(e.outcome()) + reasons + note(e.note());
        }
        if (payload instanceof ApplicationCorrected e) {
            Change change = changes(e).get(0);
            String reasons = e.withheldReasons().isEmpty() ? ""
                    : "（不予公开部分的理由：" + e.withheldReasons().stream().map(EventDescriptions::outcome)
                                                  .collect(Collectors.joining("、")) + "）";
            return "更正" + change.label() + "：由 " + change.oldValue() + " 改为 " + change.newValue() + reasons
                   + "，理由：" + shortened(e.reason());
        }
        if (payload instanceof PersonalDataErased e) {
            return "删除申请人个人信息（" + e.erasedOn() + "），依据：" + e.basis().label() + " (" + e.basis().name() + ")"
                   + (e.byRetention() ? "，保存期限届满由系统自动删除" : "") + note(e.note());
        }
        if (payload instanceof PersonalDataSealed e) {
            return "封存申请人个人信息（" + e.sealedOn() + "）：案件于 " + e.endedOn() + " 办结，保存期限 " + e.retention()
                   + " 已满，除存储外停止处理";
        }
        if (payload instanceof PersonalDataUnsealed e) {
            return "解除个人信息封存（" + e.unsealedOn() + "），理由：" + shortened(e.reason());
        }
        if (payload instanceof PersonalDataMigrated e) {
            return "迁移明文存储的个人信息（" + e.migratedOn() + "）：加密 " + e.events() + " 个事件的个人信息字段"
                   + (e.firstGlobalIndex() == null ? "" : "（全局序号 " + e.firstGlobalIndex() + " 至 " + e.lastGlobalIndex() + "）")
                   + "，其他内容不变；理由：" + shortened(e.reason());
        }
        if (payload instanceof ReviewFiled e) {
            return "收到行政复议（" + e.filedOn() + "）" + (e.body() == null ? "" : "，复议机关：" + shortened(e.body()))
                   + (e.applicationId() == null ? "" : "，涉及申请 " + e.applicationId());
        }
        if (payload instanceof ReviewDecided e) {
            return "行政复议决定（" + e.decidedOn() + "）：" + e.result().label() + note(e.note());
        }
        if (payload instanceof LawsuitFiled e) {
            return "行政诉讼立案（" + e.filedOn() + "）：" + e.route().label()
                   + (e.court() == null ? "" : "，法院：" + shortened(e.court()))
                   + (e.reviewId() == null ? "" : "，复议案件 " + e.reviewId())
                   + (e.applicationId() == null ? "" : "，涉及申请 " + e.applicationId());
        }
        if (payload instanceof LawsuitJudged e) {
            return (e.finalJudgment() ? "终审判决（" : "判决（") + e.decidedOn() + "）：" + e.result().label();
        }
        return generic(type, PersonalDataMasking.content(payload, false));
    }

    /** For a correction: the old and the new value, in words, and the reason; for other events nothing. */
    public static List<Change> changes(Object payload) {
        if (!(payload instanceof ApplicationCorrected e)) {
            return List.of();
        }
        return List.of(new Change(e.field().name(), FIELDS.get(e.field()), value(e.field(), e.oldValue()),
                                  value(e.field(), e.newValue()), e.reason()));
    }

    private static String value(CorrectedField field, String value) {
        try {
            return switch (field) {
                case applicantType -> ApplicantType.valueOf(value).label() + " (" + value + ")";
                case channel -> CHANNELS.get(Channel.valueOf(value)) + " (" + value + ")";
                case outcome -> outcome(Outcome.valueOf(value));
                case receivedOn, concludedOn -> value;
            };
        } catch (IllegalArgumentException | NullPointerException e) {
            return value;
        }
    }

    private static String outcome(Outcome outcome) {
        return outcome.label() + " (" + outcome.name() + ")";
    }

    private static String generic(String type, JsonNode content) {
        List<String> fields = new ArrayList<>();
        if (content != null && content.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = content.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!field.getValue().isNull()) {
                    fields.add(field.getKey() + "：" + shortened(field.getValue().isValueNode() ? field.getValue().asText()
                                                                                                 : field.getValue().toString()));
                }
            }
        }
        return type + (fields.isEmpty() ? "" : "（" + String.join("；", fields) + "）");
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : "；备注：" + shortened(note);
    }

    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LONG_TEXT ? text : text.substring(0, LONG_TEXT) + "…";
    }
}
