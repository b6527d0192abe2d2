package gongkai.web.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ZhTest {

    private final Zh zh = new Zh();

    @Test
    void datesAreWrittenTheChineseWayWithoutLeadingZeros() {
        assertThat(zh.date("2024-03-08")).isEqualTo("2024年3月8日");
        assertThat(zh.date("2023-12-28")).isEqualTo("2023年12月28日");
        assertThat(zh.date(null)).isEmpty();
    }

    @Test
    void instantsAreShownInBeijingTime() {
        assertThat(zh.instant("2023-12-31T16:30:00Z")).isEqualTo("2024年1月1日 00:30:00");
        assertThat(zh.instant("2024-01-10T09:15:00+08:00")).isEqualTo("2024年1月10日 09:15:00");
    }

    @Test
    void aSidesBilingualMessageIsShownInChineseOnly() {
        assertThat(Zh.chinese("不是有效的日期 (not a valid date YYYY-MM-DD)")).isEqualTo("不是有效的日期");
        assertThat(Zh.chinese("延期最多 20 个工作日")).isEqualTo("延期最多 20 个工作日");
    }

    @Test
    void codesOfTheApiAreShownByTheirChineseNames() {
        assertThat(zh.channel("MAIL")).isEqualTo("邮寄");
        assertThat(zh.state("AWAITING_SUPPLEMENT")).isEqualTo("待补正");
        assertThat(zh.applicantType("NATURAL_PERSON")).isEqualTo("自然人");
        assertThat(zh.outcome("WITHHELD_THIRD_PARTY_RIGHTS")).isEqualTo("4.保护第三方合法权益");
        assertThat(zh.result("CORRECTED")).isEqualTo("结果纠正");
        assertThat(zh.route("LAWSUIT_AFTER_REVIEW")).isEqualTo("复议后起诉");
    }
}
