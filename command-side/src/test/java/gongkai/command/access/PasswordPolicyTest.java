package gongkai.command.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void aPasswordOfNineCharactersIsTooShortAndOneOfTenIsEnough() {
        assertThat(PasswordPolicy.refusal("li", "abcdefghi")).isPresent();
        assertThat(PasswordPolicy.refusal("li", "abcdefghij")).isEmpty();
    }

    @Test
    void theUsernameIsNoPasswordInAnyCaseNorWithACharacterOrTwoAdded() {
        assertThat(PasswordPolicy.refusal("zhangsanfeng", "ZhangSanFeng")).isPresent();
        assertThat(PasswordPolicy.refusal("zhangsanfeng", "zhangsanfeng1")).isPresent();
        assertThat(PasswordPolicy.refusal("zhangsanfeng", "zhangsanfeng-2024-x")).isEmpty();
    }

    @Test
    void chineseCharactersCountOneEach() {
        assertThat(PasswordPolicy.refusal("li", "公开公开公开公开公")).isPresent();
        assertThat(PasswordPolicy.refusal("li", "公开公开公开公开公开")).isEmpty();
    }
}
