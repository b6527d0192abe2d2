package gongkai.query.timeliness;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelinessFiguresTest {

    @Test
    void the_median_is_the_middle_value_or_the_mean_of_the_two_middle_values() {
        assertThat(TimelinessFigures.median(List.of())).isNull();
        assertThat(TimelinessFigures.median(List.of(34, 20, 21))).isEqualTo(BigDecimal.valueOf(21));
        assertThat(TimelinessFigures.median(List.of(34, 20, 21, 21))).isEqualTo(BigDecimal.valueOf(21));
        assertThat(TimelinessFigures.median(List.of(20, 21))).isEqualTo(new BigDecimal("20.5"));
    }
}
