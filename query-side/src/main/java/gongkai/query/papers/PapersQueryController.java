package gongkai.query.papers;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import gongkai.query.audit.CaseHistory;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The papers of a case to read (docs/http-api.md, "Papers"): its files, each download checked against the SHA-256
 * its event recorded; the case's archive ZIP; an agency's whole event stream as JSON lines.
 */
@RestController
public class PapersQueryController {

    private final CaseFiles files;
    private final CaseArchive archives;
    private final DataSource dataSource;

    public PapersQueryController(CaseFiles files, CaseArchive archives, DataSource dataSource) {
        this.files = files;
        this.archives = archives;
        this.dataSource = dataSource;
    }

    @GetMapping("/api/applications/{id}/attachments")
    public CaseFiles.Listing list(@PathVariable String id, @AuthenticationPrincipal Actor reader) {
        return files.of(id, reader).orElseThrow(() -> CaseFiles.notFound(id));
    }

    /** The file's bytes, only when they still match their recorded SHA-256 (else 409, naming it damaged). */
    @GetMapping("/api/applications/{id}/attachments/{attachmentId}")
    public ResponseEntity<byte[]> download(@PathVariable String id, @PathVariable String attachmentId,
                                           @AuthenticationPrincipal Actor reader) {
        CaseFiles.Content content = files.content(id, attachmentId, reader);
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(content.entry().contentType()))
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                             // RFC 9530: the digest the content was checked against
                             .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(
                                     HexFormat.of().parseHex(content.entry().sha256())) + ":")
                             .body(content.bytes());
    }

    /** The case's complete file for 归档: events in words, letters, attachments, hashes. */
    @GetMapping(path = "/api/applications/{id}/archive", produces = "application/zip")
    public ResponseEntity<byte[]> archive(@PathVariable String id, @AuthenticationPrincipal Actor reader) {
        byte[] zip = archives.zip(id, reader);
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"case-" + id + ".zip\"")
                             .body(zip);
    }

    /** Every event of the agency as JSON lines, oldest first, each with its link of the hash chain. */
    @GetMapping(path = "/api/agencies/{agencyId}/events", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> stream(@PathVariable String agencyId, @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        boolean showPersonalData = CaseHistory.seesPersonalData(reader, agencyId);
        StreamingResponseBody body = out -> {
            try {
                AgencyStream.write(dataSource, agencyId, showPersonalData, out);
            } catch (SQLException e) {
                throw new IOException("the agency's events could not be read", e);
            }
        };
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"events-" + agencyId + ".jsonl\"")
                             .contentType(MediaType.parseMediaType("application/x-ndjson"))
                             .body(body);
    }
}
