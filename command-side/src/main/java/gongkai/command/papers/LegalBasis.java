package gongkai.command.papers;

import gongkai.events.application.Outcome;

import java.util.EnumMap;
import java.util.Map;

/**
 * The legal basis an answer cites for each of the official outcomes (中华人民共和国政府信息公开条例, 国务院令第711号,
 * docs/lifecycle.md): the article, and in words what the agency decided on it. The remedies every answer names
 * are those of 第五十一条: reconsideration within 60 days (行政复议法第二十条) and a lawsuit within 6 months
 * (行政诉讼法第四十六条). Plain Java, tested without a database.
 */
public final class LegalBasis {

    /** An article and the decision it supports, as the answer states it. */
    public record Basis(String article, String decision) {
    }

    public static final String REMEDIES = "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
            + "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼（《中华人民共和国政府信息公开条例》第五十一条、"
            + "《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条）。";

    private static final Map<Outcome, Basis> BASES = new EnumMap<>(Outcome.class);

    static {
        basis(Outcome.DISCLOSED, "第三十六条第（二）项",
              "您所申请的政府信息属于可以公开的范围，本机关予以公开，随本答复向您提供。");
        basis(Outcome.PARTIALLY_DISCLOSED, "第三十七条",
              "您所申请的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，本机关向您提供可以公开的部分，"
              + "并对不予公开的部分说明理由。");
        basis(Outcome.WITHHELD_STATE_SECRET, "第十四条", "您所申请的政府信息属于国家秘密，依法不予公开。");
        basis(Outcome.WITHHELD_PROHIBITED_BY_LAW, "第十四条", "您所申请的政府信息属于法律、行政法规禁止公开的政府信息，依法不予公开。");
        basis(Outcome.WITHHELD_SECURITY_STABILITY, "第十四条",
              "您所申请的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。");
        basis(Outcome.WITHHELD_THIRD_PARTY_RIGHTS, "第十五条",
              "您所申请的政府信息涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害，依法不予公开。");
        basis(Outcome.WITHHELD_INTERNAL_AFFAIRS, "第十六条第一款",
              "您所申请的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，依法不予公开。");
        basis(Outcome.WITHHELD_PROCESS_INFORMATION, "第十六条第二款",
              "您所申请的政府信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，依法不予公开。");
        basis(Outcome.WITHHELD_ENFORCEMENT_FILE, "第十六条第二款", "您所申请的政府信息属于行政执法案卷信息，依法不予公开。");
        basis(Outcome.WITHHELD_ADMINISTRATIVE_INQUIRY, "第三十六条第（七）项",
              "您所申请的信息属于工商、不动产登记资料等信息，有关法律、行政法规对其获取有特别规定，请依照有关规定办理。");
        basis(Outcome.UNAVAILABLE_NOT_HELD, "第三十六条第（四）项、第（五）项",
              "经检索，本机关不掌握您所申请的政府信息。");
        basis(Outcome.UNAVAILABLE_REQUIRES_CREATION, "第三十八条",
              "您所申请的信息需要本机关对现有政府信息进行加工、分析，本机关不另行制作。");
        basis(Outcome.UNAVAILABLE_STILL_UNCLEAR, "第二十九条第二款、第三十条",
              "您补正后的申请内容仍不明确，本机关无法确定您所申请的政府信息。");
        basis(Outcome.NOT_PROCESSED_PETITION, "第三十九条第一款",
              "您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。");
        basis(Outcome.NOT_PROCESSED_DUPLICATE, "第三十六条第（六）项",
              "本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理。");
        basis(Outcome.NOT_PROCESSED_PUBLICATION, "第三十九条第二款",
              "您所申请的内容为政府公报、报刊、书籍等公开出版物，请通过公开出版渠道获取。");
        basis(Outcome.NOT_PROCESSED_EXCESSIVE, "第三十五条",
              "您申请公开政府信息的数量、频次明显超过合理范围，且未说明正当理由，本机关不予处理。");
        basis(Outcome.NOT_PROCESSED_CONFIRMATION, "第二条、第三十八条",
              "您要求本机关确认或者重新出具您已获取的信息，不属于政府信息公开申请的范围，本机关不予处理。");
        basis(Outcome.OTHER_SUPPLEMENT_OVERDUE, "第三十条",
              "您无正当理由逾期未补正，视为放弃申请，本机关不再处理您的政府信息公开申请。");
        basis(Outcome.OTHER_FEE_UNPAID, "第四十二条",
              "您逾期未按收费通知要求缴纳信息处理费，本机关不再处理您的政府信息公开申请（《政府信息公开信息处理费管理办法》，国办函〔2020〕109号）。");
        basis(Outcome.OTHER_OTHER, "第三十六条", "本机关对您的申请作出如下处理。");
    }

    private LegalBasis() {
    }

    private static void basis(Outcome outcome, String article, String decision) {
        BASES.put(outcome, new Basis("《中华人民共和国政府信息公开条例》" + article, decision));
    }

    public static Basis of(Outcome outcome) {
        Basis basis = BASES.get(outcome);
        if (basis == null) {
            throw new IllegalStateException("no legal basis for " + outcome);
        }
        return basis;
    }
}
