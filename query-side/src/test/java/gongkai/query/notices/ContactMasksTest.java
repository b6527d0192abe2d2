package gongkai.query.notices;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The record of messages names an address masked: enough to tell two apart, not to reach anyone. */
class ContactMasksTest {

    @Test
    void anEmailAddressKeepsItsFirstCharacterAndItsDomain() {
        assertThat(ContactMasks.email("zhang.san@example.com")).isEqualTo("z***@example.com");
        assertThat(ContactMasks.email("张三@例子.中国")).isEqualTo("张***@例子.中国");
        assertThat(ContactMasks.email("broken")).isEqualTo("***");
    }

    @Test
    void aMobileNumberKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(ContactMasks.phone("13912345678")).isEqualTo("139****5678");
        assertThat(ContactMasks.phone("139 1234 5678")).isEqualTo("139****5678");
        assertThat(ContactMasks.phone("1234")).isEqualTo("****");
    }
}
