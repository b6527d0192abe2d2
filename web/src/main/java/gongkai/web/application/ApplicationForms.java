package gongkai.web.application;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.events.application.CorrectedField;
import gongkai.web.forms.Action;
import gongkai.web.forms.Field;
import gongkai.web.forms.Field.Option;
import gongkai.web.text.Outcomes;
import gongkai.web.text.Zh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forms of an application: intake (every field of the receive command) and each action on a case,
 * named as the command side's JSON names them, and which actions a case's state allows.
 */
public final class ApplicationForms {

    private static final Zh ZH = new Zh();

    static final String RECEIPT_RULE = "第三十一条：当面提交的，以提交之日为收到申请之日；邮寄的，以行政机关签收之日为收到申请之日"
                                       + "（平常信函等无需签收的，以与申请人确认之日为准）；通过互联网渠道或者传真提交的，"
                                       + "以双方确认之日为收到申请之日。答复期限自收到申请的次日起算。";

    static List<Option> channels() {
        return Arrays.stream(Channel.values()).map(c -> new Option(c.name(), ZH.channel(c.name()), null)).toList();
    }

    static List<Option> applicantTypes() {
        return Arrays.stream(ApplicantType.values()).map(t -> new Option(t.name(), t.label(), null)).toList();
    }

    static List<Option> outcomes() {
        List<Option> options = new ArrayList<>();
        Outcomes.groups().forEach(g -> g.choices().forEach(c -> options.add(new Option(c.code(), c.label(), g.label()))));
        return options;
    }

    static List<Option> withheldReasons() {
        return Outcomes.withheldReasons().stream().map(c -> new Option(c.code(), c.label(), null)).toList();
    }

    static final List<Field> INTAKE = List.of(
            Field.date("receivedOn", "收到申请日期").hint(RECEIPT_RULE),
            Field.select("channel", "提交渠道", channels()),
            Field.select("applicantType", "申请人类型", applicantTypes()),
            Field.text("applicant.name", "申请人姓名或名称"),
            Field.text("applicant.idNumber", "身份证件号码或统一社会信用代码").optional(),
            Field.text("applicant.phone", "联系电话").optional(),
            Field.text("applicant.email", "电子邮箱").optional(),
            Field.text("applicant.address", "通信地址").optional(),
            Field.textarea("request", "所需政府信息的内容描述"));

    static final Map<String, String> CORRECTABLE = Map.of(
            CorrectedField.applicantType.name(), "申请人类型", CorrectedField.receivedOn.name(), "收到申请日期",
            CorrectedField.channel.name(), "提交渠道", CorrectedField.outcome.name(), "答复结果",
            CorrectedField.concludedOn.name(), "答复日期");

    private static List<Option> correctionValues() {
        List<Option> values = new ArrayList<>();
        channels().forEach(o -> values.add(new Option(o.value(), o.label(), "提交渠道")));
        applicantTypes().forEach(o -> values.add(new Option(o.value(), o.label(), "申请人类型")));
        outcomes().forEach(o -> values.add(new Option(o.value(), o.label(), "答复结果 · " + o.group())));
        return values;
    }

    static final Action SUPPLEMENT_REQUEST = new Action("supplement-request", "补正：要求申请人补正", "/api/applications/{id}/supplement-request", List.of(
            Field.date("requestedOn", "告知补正日期").hint("第三十条：收到申请之日起 7 个工作日内一次性告知；答复期限停止计算。"),
            Field.date("replyBy", "补正期限"),
            Field.textarea("note", "需要补正的事项").optional()), "记录补正要求");
    static final Action SUPPLEMENT = new Action("supplement", "补正：收到补正材料", "/api/applications/{id}/supplement", List.of(
            Field.date("receivedOn", "收到补正日期").hint("答复期限自收到补正之日起重新计算。")), "记录收到补正");
    static final Action CONSULTATION = new Action("consultation", "征求意见：开始", "/api/applications/{id}/consultation", List.of(
            Field.date("startedOn", "开始征求意见日期").hint("第三十二条：征求第三方意见期间不计入答复期限。"),
            Field.text("party", "征求意见对象")), "记录开始征求意见");
    static final Action CONSULTATION_END = new Action("consultation-end", "征求意见：结束", "/api/applications/{id}/consultation/end", List.of(
            Field.date("endedOn", "征求意见结束日期")), "记录征求意见结束");
    static final Action EXTENSION_REQUEST = new Action("extension-request", "延期：报负责人审批", "/api/applications/{id}/extension-request", List.of(
            Field.date("requestedOn", "延期申请日期").hint("第三十三条：经政府信息公开工作机构负责人同意并告知申请人，可延长一次，"
                                                        + "最长 20 个工作日。负责人同意后答复期限才延长。"),
            Field.number("workingDays", "延长工作日数"),
            Field.textarea("reason", "延期理由")), "提交负责人审批");
    static final Action EXTENSION_APPROVAL = new Action("extension-approval", "延期审批：同意", "/api/applications/{id}/extension-request/approval", List.of(
            Field.date("approvedOn", "同意日期").hint("同意后答复期限按申请的工作日数延长。"),
            Field.textarea("note", "审批意见").optional()), "同意延期");
    static final Action EXTENSION_REFUSAL = new Action("extension-refusal", "延期审批：不同意", "/api/applications/{id}/extension-request/refusal", List.of(
            Field.date("refusedOn", "审批日期"),
            Field.textarea("reason", "不同意的理由")), "不同意延期");
    static final Action TRANSFER = new Action("transfer", "转办至有权机关", "/api/applications/{id}/transfer", List.of(
            Field.text("toAgencyId", "接收机关编号").hint("转办后由接收机关签收、办理和答复，并计入其年度报告；收到申请之日和答复期限不变。"),
            Field.date("transferredOn", "转办日期"),
            Field.textarea("reason", "转办理由")), "转办");
    static final Action SIGN_IN = new Action("sign-in", "签收", "/api/applications/{id}/sign-in", List.of(
            Field.date("signedOn", "签收日期")), "签收");
    static final Action FEE_NOTICE = new Action("fee-notice", "收费：发出收费通知", "/api/applications/{id}/fee-notice", List.of(
            Field.date("issuedOn", "通知日期").hint("第四十二条：发出收费通知后答复期限暂停，至缴费之日。"),
            Field.number("amountYuan", "金额（元）"),
            Field.date("payBy", "缴费期限")), "记录收费通知");
    static final Action FEE_PAYMENT = new Action("fee-payment", "收费：申请人缴费", "/api/applications/{id}/fee-payment", List.of(
            Field.date("paidOn", "缴费日期")), "记录缴费");
    static final Action WITHDRAWAL = new Action("withdrawal", "申请人撤回申请", "/api/applications/{id}/withdrawal", List.of(
            Field.date("withdrawnOn", "撤回日期")), "记录撤回");
    static final Action CONCLUSION = new Action("conclusion", "答复", "/api/applications/{id}/conclusion", List.of(
            Field.date("concludedOn", "答复日期"),
            Field.groupedSelect("outcome", "答复结果", outcomes()),
            Field.checkboxes("withheldReasons", "部分公开时，不予公开或无法提供部分的理由", withheldReasons()),
            Field.textarea("note", "备注").optional()), "记录答复");
    static final Action CORRECTION = new Action("correction", "更正已记录的事实", "/api/applications/{id}/correction", List.of(
            Field.select("field", "更正项目", CORRECTABLE.entrySet().stream().sorted(Map.Entry.comparingByKey())
                                                   .map(e -> new Option(e.getKey(), e.getValue(), null)).toList()),
            Field.date("valueDate", "新日期（更正日期时填写）").optional(),
            Field.groupedSelect("valueChoice", "新选项（更正渠道、申请人类型或答复结果时选择）", correctionValues()).optional(),
            Field.checkboxes("withheldReasons", "更正为部分公开时的理由", withheldReasons()),
            Field.textarea("reason", "更正理由")), "记录更正");
    static final Action REOPENING = new Action("reopening", "复议或诉讼纠正后重新办理", "/api/applications/{id}/reopening", List.of(
            Field.date("reopenedOn", "重新办理日期"),
            Field.text("reviewId", "纠正的行政复议案件编号").optional(),
            Field.text("lawsuitId", "纠正的行政诉讼案件编号").optional(),
            Field.textarea("reason", "说明").optional()), "记录重新办理");

    static final List<Action> ALL = List.of(SUPPLEMENT_REQUEST, SUPPLEMENT, CONSULTATION, CONSULTATION_END, EXTENSION_REQUEST,
                                            EXTENSION_APPROVAL, EXTENSION_REFUSAL, TRANSFER, SIGN_IN, FEE_NOTICE, FEE_PAYMENT, WITHDRAWAL, CONCLUSION, CORRECTION, REOPENING);

    private ApplicationForms() {
    }

    /**
     * The actions a case in {@code state} allows (the command side still decides: a refused one shows the
     * rule that refused it). A supplement is asked for once; the period is extended once.
     */
    static List<Action> allowed(Map<String, Object> application) {
        String state = String.valueOf(application.get("lifecycleState"));
        boolean supplementAsked = application.get("supplementRequestedOn") != null;
        Object extension = application.get("extensionWorkingDays");
        boolean extended = extension != null && ((Number) extension).intValue() > 0;
        List<Action> actions = new ArrayList<>();
        switch (state) {
            case "IN_PROGRESS", "REOPENED" -> {
                if (!supplementAsked && state.equals("IN_PROGRESS")) {
                    actions.add(SUPPLEMENT_REQUEST);
                }
                actions.add(CONSULTATION);
                if (!extended) {
                    actions.add(EXTENSION_REQUEST);
                }
                actions.add(FEE_NOTICE);
                actions.addAll(List.of(CONCLUSION, WITHDRAWAL));
                if (state.equals("IN_PROGRESS")) {
                    actions.add(TRANSFER);
                }
            }
            case "EXTENSION_REQUESTED" -> actions.addAll(List.of(CONSULTATION, FEE_NOTICE, CONCLUSION, WITHDRAWAL));
            case "AWAITING_SIGN_IN" -> actions.add(SIGN_IN);
            case "AWAITING_SUPPLEMENT" -> actions.addAll(List.of(SUPPLEMENT, CONCLUSION, WITHDRAWAL));
            case "IN_CONSULTATION" -> {
                actions.add(CONSULTATION_END);
                if (!extended) {
                    actions.add(EXTENSION_REQUEST);
                }
                actions.addAll(List.of(CONCLUSION, WITHDRAWAL));
            }
            case "AWAITING_FEE" -> actions.addAll(List.of(FEE_PAYMENT, CONCLUSION, WITHDRAWAL));
            case "CONCLUDED" -> actions.add(REOPENING);
            default -> { }
        }
        actions.add(CORRECTION);
        return actions;
    }

    /** The head of the office decides a pending extension request (第三十三条). */
    static List<Action> supervisorAllowed(Map<String, Object> application) {
        return "EXTENSION_REQUESTED".equals(String.valueOf(application.get("lifecycleState")))
               ? List.of(EXTENSION_APPROVAL, EXTENSION_REFUSAL) : List.of();
    }

    static Action byKey(String key) {
        return ALL.stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
    }

    /** The correction's {@code value} is the date or the choice, whichever the corrected field takes. */
    static final Set<String> DATE_FIELDS = Set.of(CorrectedField.receivedOn.name(), CorrectedField.concludedOn.name());

}
