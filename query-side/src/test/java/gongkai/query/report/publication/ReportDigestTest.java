package gongkai.query.report.publication;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented canonical form of the figures, and its digest, reproducible by anyone. */
class ReportDigestTest {

    @Test
    void theCanonicalFormSortsEveryObjectsKeysAndHasNoWhitespace() {
        Map<String, Object> fees = new LinkedHashMap<>();
        fees.put("amountTenThousandYuan", "0.0000");
        Map<String, Object> proactive = new LinkedHashMap<>();
        proactive.put("PENALTY", Map.of("decisions", 5));
        proactive.put("FEES", fees);
        Map<String, Object> review = new LinkedHashMap<>();
        review.put("UPHELD", 0);
        review.put("PENDING", 1);
        review.put("TOTAL", 1);
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.put("proactive", proactive);
        tables.put("applications", Map.of("NEW", Map.of("TOTAL", 0)));
        tables.put("reviewsAndLawsuits", Map.of("REVIEW", review));

        String canonical = ReportDigest.canonical("xiaoying", 2023, tables);

        assertThat(canonical).isEqualTo("{\"agencyId\":\"xiaoying\",\"applications\":{\"NEW\":{\"TOTAL\":0}},"
                                        + "\"proactive\":{\"FEES\":{\"amountTenThousandYuan\":\"0.0000\"},"
                                        + "\"PENALTY\":{\"decisions\":5}},"
                                        + "\"reviewsAndLawsuits\":{\"REVIEW\":{\"PENDING\":1,\"TOTAL\":1,\"UPHELD\":0}},"
                                        + "\"year\":2023}");
        // sha256 of those UTF-8 bytes, as `printf '%s' "$canonical" | sha256sum` gives it
        assertThat(ReportDigest.sha256(canonical))
                .isEqualTo("01577a30117cfea3a74ba156a49f47b85998e9b6fe34d6d8d8c5cff280beec85");
        assertThat(ReportDigest.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theSameFiguresInAnotherOrderGiveTheSameDigest() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("a", 1);
        one.put("b", 2);
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("b", 2);
        other.put("a", 1);

        assertThat(ReportDigest.canonical("x", 2023, Map.of("proactive", one)))
                .isEqualTo(ReportDigest.canonical("x", 2023, Map.of("proactive", other)));
    }
}
