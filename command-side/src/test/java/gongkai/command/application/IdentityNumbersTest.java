package gongkai.command.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** GB 11643-1999 and GB 32100-2015, checked as a person checks them by hand. */
class IdentityNumbersTest {

    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002X", "11010519491231002x", "440524198001010013", "110101199003074477"})
    void aResidentIdNumberWithItsCheckCharacterPasses(String number) {
        assertThat(IdentityNumbers.residentIdProblem(number, TODAY)).isEmpty();
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithThatReason() {
        // 11010519491231002X with its last character changed
        assertThat(IdentityNumbers.residentIdProblem("110105194912310021", TODAY)).get().asString().contains("校验位");
    }

    @ParameterizedTest
    @ValueSource(strings = {"11010519491231002", "1101051949123100212", "11010519491231002Y", "A1010519491231002X", ""})
    void aNumberOfTheWrongShapeIsRefusedForItsFormat(String number) {
        assertThat(IdentityNumbers.residentIdProblem(number, TODAY)).get().asString().contains("18 位");
    }

    @Test
    void aDateOfBirthThatDoesNotExistIsRefused() {
        assertThat(IdentityNumbers.residentIdProblem("110105194902301234", TODAY)).get().asString().contains("出生日期");
    }

    @Test
    void aDateOfBirthInTheFutureIsRefused() {
        assertThat(IdentityNumbers.residentIdProblem("110105203001011234", TODAY)).get().asString().contains("出生日期");
    }

    @Test
    void aUnifiedSocialCreditCodeWithItsCheckCharacterPassesAndAChangedOneFails() {
        assertThat(IdentityNumbers.creditCodeProblem("91350100M000100Y43")).isEmpty();
        assertThat(IdentityNumbers.creditCodeProblem("91350100M000100Y44")).get().asString().contains("校验位");
        assertThat(IdentityNumbers.creditCodeProblem("91350100M000100Y4")).get().asString().contains("18 位");
    }
}
