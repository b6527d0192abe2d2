package gongkai.web.forms;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FormsTest {

    private static final List<Field> FIELDS = List.of(Field.date("receivedOn", "收到申请日期"), Field.text("applicant.name", "姓名"),
                                                      Field.text("applicant.phone", "电话").optional(),
                                                      Field.checkboxes("withheldReasons", "理由", List.of()));

    @Test
    void aDottedFieldIsNestedAsTheApiNamesItAndBlankFieldsAreLeftOut() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("receivedOn", " 2023-12-28 ");
        posted.add("applicant.name", "王小明");
        posted.add("applicant.phone", "  ");
        posted.add("_csrf", "token");
        assertThat(Forms.body(posted, FIELDS)).isEqualTo(Map.of("receivedOn", "2023-12-28", "applicant", Map.of("name", "王小明")));
    }

    @Test
    void checkedBoxesAreAListAndNoneCheckedIsLeftOut() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.addAll("withheldReasons", List.of("WITHHELD_STATE_SECRET", "UNAVAILABLE_NOT_HELD"));
        assertThat(Forms.body(posted, FIELDS)).isEqualTo(Map.of("withheldReasons", List.of("WITHHELD_STATE_SECRET", "UNAVAILABLE_NOT_HELD")));
        assertThat(Forms.body(new LinkedMultiValueMap<>(), FIELDS)).isEmpty();
    }

    @Test
    void anImpossibleDateIsSentAsTypedForTheCommandSideToRefuse() {
        MultiValueMap<String, String> posted = new LinkedMultiValueMap<>();
        posted.add("receivedOn", "2023-02-30");
        assertThat(Forms.body(posted, FIELDS)).containsEntry("receivedOn", "2023-02-30");
    }
}
