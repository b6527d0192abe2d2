package gongkai.command.papers;

import gongkai.command.Refusal;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.Outcome;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which letters a case owes, and what they say, from its events (corrections applied). */
class CasePapersTest {

    private static final String ID = "4f1c2e9a-7d3b-4c55-9a0e-0b6f3d2a1c11";

    private static CasePapers received() {
        CasePapers papers = new CasePapers();
        papers.apply(new ApplicationReceived(ID, "xiaoying", LocalDate.parse("2024-01-05"), Channel.MAIL,
                                             ApplicantType.NATURAL_PERSON, new Applicant("张三", null, null, null, null),
                                             "会议纪要"));
        return papers;
    }

    @Test
    void everyOutcomeHasAnArticleOfTheRegulationAndADecisionInWords() {
        for (Outcome outcome : Outcome.values()) {
            LegalBasis.Basis basis = LegalBasis.of(outcome);
            assertThat(basis.article()).as(outcome.name()).startsWith("《中华人民共和国政府信息公开条例》第").contains("条");
            assertThat(basis.decision()).as(outcome.name()).isNotBlank();
        }
        assertThat(LegalBasis.of(Outcome.WITHHELD_STATE_SECRET).article()).endsWith("第十四条");
        assertThat(LegalBasis.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS).article()).endsWith("第十五条");
        assertThat(LegalBasis.of(Outcome.WITHHELD_INTERNAL_AFFAIRS).article()).endsWith("第十六条第一款");
        assertThat(LegalBasis.REMEDIES).contains("六十日内", "六个月内");
    }

    @Test
    void theAnswerIsOwedOnlyOnceAnsweredAndNotAfterAWithdrawal() {
        CasePapers papers = received();
        assertThatThrownBy(() -> papers.letter(LetterKind.ANSWER, "小营镇人民政府")).isInstanceOf(Refusal.class);
        papers.apply(new ApplicationWithdrawn(ID, LocalDate.parse("2024-01-08")));
        assertThatThrownBy(() -> papers.letter(LetterKind.ANSWER, "小营镇人民政府"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT));
    }

    @Test
    void theAnswerFollowsACorrectedOutcomeAndDate() {
        CasePapers papers = received();
        papers.apply(new ApplicationConcluded(ID, LocalDate.parse("2024-01-20"), Outcome.DISCLOSED, List.of(), null));
        papers.apply(new ApplicationCorrected(ID, LocalDate.parse("2024-01-22"), CorrectedField.outcome, "DISCLOSED",
                                              "WITHHELD_PROCESS_INFORMATION", List.of(), "登记有误"));
        papers.apply(new ApplicationCorrected(ID, LocalDate.parse("2024-01-22"), CorrectedField.concludedOn, "2024-01-20",
                                              "2024-01-19", List.of(), "登记有误"));
        CasePapers.Letter letter = papers.letter(LetterKind.ANSWER, "小营镇人民政府");
        assertThat(letter.fields()).containsEntry("article", "《中华人民共和国政府信息公开条例》第十六条第二款")
                                   .containsEntry("date", "2024年1月19日").containsEntry("receivedOn", "2024年1月5日")
                                   .containsEntry("agency", "小营镇人民政府").containsEntry("applicant", "张三");
        assertThat(letter.fileName()).isEqualTo("政府信息公开申请答复书-2024-01-19.docx");
    }

    @Test
    void aFeeNoticeNamesTheAmountAndTheDayToPayBy() {
        CasePapers papers = received();
        assertThatThrownBy(() -> papers.letter(LetterKind.FEE, "小营镇人民政府")).isInstanceOf(Refusal.class);
        papers.apply(new FeeNoticeIssued(ID, LocalDate.parse("2024-01-10"), new BigDecimal("100.00"), LocalDate.parse("2024-02-07")));
        assertThat(papers.letter(LetterKind.FEE, "小营镇人民政府").fields())
                .containsEntry("amountYuan", "100.00").containsEntry("payBy", "2024年2月7日").containsEntry("date", "2024年1月10日");
    }

    @Test
    void anAttachmentIdNamesOneFileForGood() {
        CasePapers papers = received();
        papers.attached("a-1");
        papers.requireNewAttachment("a-2");
        assertThatThrownBy(() -> papers.requireNewAttachment("a-1")).isInstanceOf(Refusal.class);
    }

    @Test
    void aTemplatesPlaceholdersAreFilledEvenWhenSplitAcrossRunsAndUnknownOnesStayVisible() {
        byte[] template = DocxLetters.fromText("{{title}}\n致{{applicant}}：{{nothing}}\n>{{agency}}");
        String text = DocxLetters.text(DocxLetters.fill(template, java.util.Map.of("title", "答复书", "applicant", "张三",
                                                                                   "agency", "小营镇人民政府")));
        assertThat(text).contains("答复书\n致张三：{{nothing}}\n小营镇人民政府");
    }
}
