package gongkai.query.notices;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** The night's quiet period: no message goes out in it, and those owed go when it ends (docs/notices.md). */
class QuietPeriodTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final QuietPeriod NIGHT = new QuietPeriod(LocalTime.of(22, 0), LocalTime.of(7, 0), SHANGHAI);

    static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void aMessageOwedAtElevenAtNightIsHeldUntilSevenTheNextMorning() {
        assertThat(NIGHT.holds(shanghai("2024-03-06T23:00"))).isTrue();
        assertThat(NIGHT.endsAfter(shanghai("2024-03-06T23:00"))).isEqualTo(shanghai("2024-03-07T07:00"));
    }

    @Test
    void aMessageOwedJustAfterMidnightIsHeldUntilSevenTheSameMorning() {
        assertThat(NIGHT.holds(shanghai("2024-03-07T00:30"))).isTrue();
        assertThat(NIGHT.endsAfter(shanghai("2024-03-07T00:30"))).isEqualTo(shanghai("2024-03-07T07:00"));
    }

    @Test
    void theQuietPeriodStartsAtTenAndEndsAtSeven() {
        assertThat(NIGHT.holds(shanghai("2024-03-06T21:59:59"))).isFalse();
        assertThat(NIGHT.holds(shanghai("2024-03-06T22:00"))).isTrue();
        assertThat(NIGHT.holds(shanghai("2024-03-07T06:59:59"))).isTrue();
        assertThat(NIGHT.holds(shanghai("2024-03-07T07:00"))).isFalse();
        assertThat(NIGHT.endsAfter(shanghai("2024-03-07T09:15"))).isEqualTo(shanghai("2024-03-07T09:15"));
    }

    @Test
    void theHoursAreThoseOfShanghaiWhateverTheServersZone() {
        Instant elevenAtNightInShanghai = Instant.parse("2024-03-06T15:00:00Z");
        assertThat(NIGHT.holds(elevenAtNightInShanghai)).isTrue();
        assertThat(NIGHT.holds(Instant.parse("2024-03-06T23:30:00Z"))).as("07:30 in Shanghai").isFalse();
    }

    @Test
    void aQuietPeriodWithinOneDayHoldsOnlyItsOwnHours() {
        QuietPeriod lunch = new QuietPeriod(LocalTime.of(12, 0), LocalTime.of(14, 0), SHANGHAI);
        assertThat(lunch.holds(shanghai("2024-03-06T11:59"))).isFalse();
        assertThat(lunch.holds(shanghai("2024-03-06T13:00"))).isTrue();
        assertThat(lunch.endsAfter(shanghai("2024-03-06T13:00"))).isEqualTo(shanghai("2024-03-06T14:00"));
        assertThat(lunch.holds(shanghai("2024-03-06T23:00"))).isFalse();
    }

    @Test
    void theSameStartAndEndMeanNoQuietPeriod() {
        QuietPeriod none = new QuietPeriod(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, SHANGHAI);
        assertThat(none.holds(shanghai("2024-03-06T00:00"))).isFalse();
        assertThat(none.holds(shanghai("2024-03-06T23:00"))).isFalse();
    }
}
