package gongkai.query.notices;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates of messages and their placeholders (docs/notices.md). */
class MessageTemplateTest {

    @Test
    void eachPlaceholderIsReplacedByItsValueEveryTimeItOccurs() {
        MessageTemplate t = new MessageTemplate("{{agencyName}}答复", "{{applicantName}}：{{agencyName}}已于{{ concludedOn }}答复。");
        MessageTemplate rendered = t.render(Map.of("agencyName", "小营镇", "applicantName", "张三", "concludedOn", "2024年3月7日"));
        assertThat(rendered.subject()).isEqualTo("小营镇答复");
        assertThat(rendered.body()).isEqualTo("张三：小营镇已于2024年3月7日答复。");
    }

    @Test
    void aValueIsTakenLiterallyAndAMissingOneLeavesNothing() {
        MessageTemplate t = new MessageTemplate("s", "[{{applicantName}}][{{outcome}}]");
        assertThat(t.render(Map.of("applicantName", "$1 \\ {{outcome}}")).body()).isEqualTo("[$1 \\ {{outcome}}][]");
    }

    @Test
    void aTemplateMayUseOnlyThePlaceholdersOfItsKind() {
        MessageTemplate t = new MessageTemplate("答复", "{{applicantName}}，您的身份证号{{idNumber}}");
        assertThat(t.problemFor(NoticeKind.ANSWERED)).hasValueSatisfying(p -> assertThat(p).contains("idNumber"));
        assertThat(new MessageTemplate("{{cases}}", "x").problemFor(NoticeKind.ANSWERED)).isPresent();
        assertThat(new MessageTemplate("摘要", "{{cases}}").problemFor(NoticeKind.DIGEST)).isEmpty();
    }

    @Test
    void aTemplateNeedsASubjectAndAText() {
        assertThat(new MessageTemplate(" ", "x").problemFor(NoticeKind.RECEIVED)).isPresent();
        assertThat(new MessageTemplate("x", "").problemFor(NoticeKind.RECEIVED)).isPresent();
        assertThat(new MessageTemplate("x", "y".repeat(MessageTemplate.MAX_BODY + 1)).problemFor(NoticeKind.RECEIVED)).isPresent();
    }

    @Test
    void everyBuiltInTemplateUsesOnlyItsOwnPlaceholdersAndEachOfThem() {
        for (NoticeKind kind : NoticeKind.values()) {
            MessageTemplate builtIn = kind.builtIn();
            assertThat(builtIn.problemFor(kind)).as(kind.name()).isEmpty();
            assertThat(MessageTemplate.placeholders(builtIn.subject() + builtIn.body()))
                    .as(kind.name()).containsAll(kind.placeholders());
        }
    }
}
