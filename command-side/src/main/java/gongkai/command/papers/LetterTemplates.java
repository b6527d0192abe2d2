package gongkai.command.papers;

import gongkai.command.CaseNotFound;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The template of each letter for each agency: the one an administrator put in place
 * ({@code command_side.letter_template}), else the built-in one (text in {@code gongkai/letters/<KIND>.txt},
 * made a DOCX by {@link DocxLetters#fromText}).
 */
@Component
public class LetterTemplates {

    private final JdbcTemplate jdbc;

    public LetterTemplates(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public byte[] template(String agencyId, LetterKind kind) {
        return replacement(agencyId, kind).orElseGet(() -> builtIn(kind));
    }

    public Optional<byte[]> replacement(String agencyId, LetterKind kind) {
        List<byte[]> rows = jdbc.query("select content from letter_template where agency_id = ? and kind = ?",
                                       (rs, n) -> rs.getBytes(1), agencyId, kind.name());
        return rows.stream().findFirst();
    }

    /** Puts an administrator's DOCX in place of the agency's template of this kind. */
    public void replace(String agencyId, LetterKind kind, byte[] docx, String admin) {
        DocxLetters.requireTemplate(docx);
        agencyName(agencyId);
        jdbc.update("insert into letter_template (agency_id, kind, content, sha256, replaced_by) values (?, ?, ?, ?, ?)"
                    + " on conflict (agency_id, kind) do update set content = excluded.content, sha256 = excluded.sha256,"
                    + " replaced_by = excluded.replaced_by, replaced_at = now()",
                    agencyId, kind.name(), docx, AttachmentFiles.sha256(docx), admin);
    }

    /** Goes back to the built-in template. */
    public void restoreBuiltIn(String agencyId, LetterKind kind) {
        jdbc.update("delete from letter_template where agency_id = ? and kind = ?", agencyId, kind.name());
    }

    public String agencyName(String agencyId) {
        return jdbc.query("select name from agency where agency_id = ?", (rs, n) -> rs.getString(1), agencyId)
                   .stream().findFirst().orElseThrow(() -> new CaseNotFound("agency", agencyId));
    }

    public static byte[] builtIn(LetterKind kind) {
        try (InputStream in = LetterTemplates.class.getResourceAsStream("/gongkai/letters/" + kind.name() + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no built-in template for " + kind);
            }
            return DocxLetters.fromText(new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
