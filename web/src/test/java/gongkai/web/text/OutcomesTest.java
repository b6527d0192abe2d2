package gongkai.web.text;

import gongkai.events.application.Outcome;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomesTest {

    @Test
    void everyOfficialOutcomeIsOfferedOnceUnderTheNationalFormsSixGroups() {
        List<Outcomes.Group> groups = Outcomes.groups();
        assertThat(groups).extracting(Outcomes.Group::label)
                          .containsExactly("（一）予以公开", "（二）部分公开", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理");
        assertThat(groups.stream().flatMap(g -> g.choices().stream()).map(Outcomes.Choice::code))
                .containsExactlyElementsOf(java.util.Arrays.stream(Outcome.values()).map(Enum::name).toList());
        assertThat(groups.get(2).choices()).hasSize(8);
        assertThat(groups.get(3).choices()).hasSize(3);
        assertThat(groups.get(4).choices()).hasSize(5);
        assertThat(groups.get(5).choices()).hasSize(3);
    }

    @Test
    void aPartlyDisclosedAnswerGivesItsReasonsFromTheWithheldAndUnavailableRows() {
        assertThat(Outcomes.withheldReasons()).hasSize(11)
                                              .extracting(Outcomes.Choice::code)
                                              .allSatisfy(code -> assertThat(code).matches("WITHHELD_.*|UNAVAILABLE_.*"));
        assertThat(Outcomes.withheldReasons().get(3).label()).isEqualTo("不予公开：4.保护第三方合法权益");
    }
}
