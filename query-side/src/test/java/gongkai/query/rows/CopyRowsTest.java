package gongkai.query.rows;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What COPY is given for an instant is the instant itself, as the JDK would write it. */
class CopyRowsTest {

    @Test
    void anInstantIsWrittenAsTheJdkWritesItToTheNanosecond() {
        long seed = System.nanoTime();
        System.out.println("CopyRowsTest seed " + seed);
        Random random = new Random(seed);
        long from = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 100_000; i++) {
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), nanos);
            StringBuilder text = new StringBuilder();
            CopyRows.instant(text, instant);
            assertThat(Instant.parse(text)).as("seed " + seed + ": " + text).isEqualTo(instant);
        }
    }

    @Test
    void anInstantOutsideTheFourDigitYearsIsWrittenAsTheJdkWritesIt() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        StringBuilder text = new StringBuilder();
        CopyRows.instant(text, far);
        assertThat(text.toString()).isEqualTo(far.toString());
    }
}
