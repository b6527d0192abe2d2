package gongkai.query.rows;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What COPY is given for a value is the value in COPY's text format, in UTF-8: instants as the JDK writes them, text
 * escaped, whatever the size of the buffer it passes through.
 */
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
            String text = written(copy -> CopyRows.instant(copy, instant));
            assertThat(Instant.parse(text)).as("seed " + seed + ": " + text).isEqualTo(instant);
            assertThat(text).as("seed " + seed).isEqualTo(instant.toString());
        }
    }

    @Test
    void anInstantOutsideTheFourDigitYearsIsWrittenAsTheJdkWritesIt() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(written(copy -> CopyRows.instant(copy, far))).isEqualTo(far.toString());
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

    @Test
    void textLongerThanTheBufferArrivesWholeInUtf8WhateverTheLengthOfItsCharacters() {
        long seed = System.nanoTime();
        System.out.println("CopyRowsTest seed " + seed);
        Random random = new Random(seed);
        String[] pieces = {"a", "7", "é", "公", "开", "😀", "\t", "\\", "\n"};
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            plain.append(pieces[random.nextInt(pieces.length)]);
        }
        String expected = plain.toString().replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
        for (int buffer : new int[]{32, 33, 1000, 64 * 1024}) {
            assertThat(written(buffer, copy -> copy.text(plain.toString()))).as("seed " + seed + ", buffer " + buffer)
                                                                          .isEqualTo(expected);
        }
    }

    @Test
    void aLoneHalfOfASurrogatePairIsWrittenAsAQuestionMarkAsTheJdkEncodesIt() {
        String broken = "前\ud83d后\ude00";
        assertThat(field(broken)).isEqualTo(new String(broken.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void numbersOfEveryLengthAndSignAreWrittenInFull() {
        for (long n : new long[]{0, 9, 10, -1, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MIN_VALUE}) {
            assertThat(field(n)).isEqualTo(Long.toString(n));
        }
    }

    private static String field(Object value) {
        return written(copy -> CopyRows.field(copy, value));
    }

    private static String written(Consumer<CopyText> writing) {
        return written(64 * 1024, writing);
    }

    private static String written(int buffer, Consumer<CopyText> writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CopyText text = new CopyText(out, buffer);
        writing.accept(text);
        text.drain();
        return out.toString(StandardCharsets.UTF_8);
    }
}
