package gongkai.query.report.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import gongkai.query.report.ReportFigures.Figures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The canonical form of a report's figures and its digest, so that anyone holding the published
 * figures can recompute the digest.
 * <p>
 * <b>Canonical form</b>: the JSON object
 * {@code {"agencyId":…,"applications":{…},"proactive":{…},"reviewsAndLawsuits":{…},"year":…}} — the
 * three tables exactly as the report API shows them (row keys, column keys, counts as JSON integers,
 * the fees as the decimal string in 万元 with 4 places, e.g. {@code "0.0000"}) — with the keys of every
 * object in ascending order (Java {@code String} order, which is byte order for these ASCII keys), no
 * whitespace at all, strings escaped only where JSON requires it, encoded in UTF-8. For these values
 * (integers and ASCII strings) it is the same text as RFC 8785 (JSON Canonicalization Scheme).
 * <p>
 * <b>Digest</b>: SHA-256 of those bytes, in lower-case hexadecimal (64 characters).
 */
public final class ReportDigest {

    public static final String ALGORITHM = "SHA-256";
    public static final String FORM = "SHA-256 (lower-case hex) of the UTF-8 bytes of the JSON object "
                                      + "{agencyId, applications, proactive, reviewsAndLawsuits, year} as of publishedAt, "
                                      + "tables as the report shows them, keys of every object sorted ascending, no whitespace";

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
                                                            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                                                            .disable(SerializationFeature.INDENT_OUTPUT)
                                                            .build();

    private ReportDigest() {
    }

    /** The canonical form of a report's figures: its three tables under their JSON keys ({@link Figures#tables()}). */
    public static String canonical(String agencyId, int year, Figures figures) {
        return canonical(agencyId, year, figures.tables());
    }

    /** @param tables tables under their JSON keys, as the report shows them */
    static String canonical(String agencyId, int year, Map<String, Object> tables) {
        Map<String, Object> figures = new LinkedHashMap<>(tables);
        figures.put("agencyId", agencyId);
        figures.put("year", year);
        try {
            return CANONICAL.writeValueAsString(figures);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the figures cannot be written as JSON", e);
        }
    }

    public static String sha256(String canonical) {
        try {
            MessageDigest digest = MessageDigest.getInstance(ALGORITHM);
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
