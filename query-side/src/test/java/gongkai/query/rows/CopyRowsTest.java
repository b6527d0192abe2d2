package gongkai.query.rows;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** What COPY is given for a value is the value in COPY's text format: instants as the JDK writes them, text escaped. */
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

    @Test
    void textKeepsItsTabsNewlinesAndBackslashesEscapedAndEverythingElseAsItIs() {
        assertThat(field("第一行\n第二行\t制表\\反斜杠\r")).isEqualTo("第一行\\n第二行\\t制表\\\\反斜杠\\r");
        assertThat(field("plain 公开")).isEqualTo("plain 公开");
        assertThat(field(null)).isEqualTo("\\N");
    }

    @Test
    void bytesNumbersDatesAndBooleansAreWrittenInTheFormsPostgresReads() {
        assertThat(field(new byte[]{0x0a, (byte) 0xff, 0})).isEqualTo("\\\\x0aff00");
        assertThat(field(-42L)).isEqualTo("-42");
        assertThat(field(7)).isEqualTo("7");
        assertThat(field(new java.math.BigDecimal("3.50"))).isEqualTo("3.50");
        assertThat(field(java.time.LocalDate.of(2024, 3, 6))).isEqualTo("2024-03-06");
        assertThat(field(java.sql.Date.valueOf("2024-03-06"))).isEqualTo("2024-03-06");
        assertThat(field(true) + field(false)).isEqualTo("tf");
        assertThat(field(java.time.DayOfWeek.MONDAY)).isEqualTo("MONDAY");
    }

    private static String field(Object value) {
        StringBuilder text = new StringBuilder();
        CopyRows.field(text, value);
        return text.toString();
    }
}
