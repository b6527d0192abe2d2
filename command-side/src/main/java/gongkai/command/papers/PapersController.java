package gongkai.command.papers;

import gongkai.command.Refusal;
import gongkai.command.access.CommandSender;
import gongkai.command.papers.PapersCommands.AddAttachment;
import gongkai.command.papers.PapersCommands.GenerateLetter;
import gongkai.command.web.Ids;
import gongkai.events.access.Actor;
import gongkai.events.papers.FileName;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;

/**
 * The papers of an application (docs/http-api.md, "Papers"): files uploaded by clerks, letters generated from
 * the agency's templates, and the templates themselves (administrators). Downloads are on the query side.
 */
@RestController
public class PapersController {

    public record LetterBody(@NotNull LetterKind kind, String attachmentId) {
    }

    private final CommandSender commands;
    private final LetterTemplates templates;
    private final long maxBytes;

    public PapersController(CommandSender commands, LetterTemplates templates,
                            @Value("${gongkai.attachments.max-size:20MB}") DataSize maxSize) {
        this.commands = commands;
        this.templates = templates;
        this.maxBytes = maxSize.toBytes();
    }

    /** A file (multipart field {@code file}) added to the case: recorded with its SHA-256, name, type and size. */
    @PostMapping(path = "/api/applications/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> upload(@PathVariable String id,
                                                      @RequestParam(name = "file", required = false) MultipartFile file,
                                                      @RequestParam(name = "attachmentId", required = false) String attachmentId,
                                                      @AuthenticationPrincipal Actor clerk) {
        String applicationId = Ids.uuid("id", id);
        if (file == null) {
            throw Refusal.invalid("file", "请选择要上传的文件 (the multipart field file is required)");
        }
        byte[] content = bytes(file);
        String contentType = AttachmentFiles.contentType(file.getOriginalFilename(), content, maxBytes);
        String attachment = Ids.chosenOrNew("attachmentId", attachmentId);
        commands.send(new AddAttachment(applicationId, attachment, new FileName(file.getOriginalFilename()), contentType,
                                        content), clerk);
        return ResponseEntity.created(URI.create("/api/applications/" + applicationId + "/attachments/" + attachment))
                             .body(Map.of("recorded", "AttachmentAdded", "attachmentId", attachment,
                                          "sha256", AttachmentFiles.sha256(content), "size", content.length,
                                          "contentType", contentType));
    }

    /** The letter of {@code kind} the case owes, generated and kept as one of its files. */
    @PostMapping("/api/applications/{id}/letters")
    public ResponseEntity<Map<String, Object>> generate(@PathVariable String id, @Valid @RequestBody LetterBody body,
                                                        @AuthenticationPrincipal Actor clerk) {
        String applicationId = Ids.uuid("id", id);
        String attachment = Ids.chosenOrNew("attachmentId", body.attachmentId());
        commands.send(new GenerateLetter(applicationId, attachment, body.kind()), clerk);
        return ResponseEntity.created(URI.create("/api/applications/" + applicationId + "/attachments/" + attachment))
                             .body(Map.of("recorded", "AttachmentAdded", "attachmentId", attachment,
                                          "letter", body.kind().name()));
    }

    /** The template an agency's letters of this kind are written on now (its own, else the built-in one). */
    @GetMapping("/api/admin/agencies/{agencyId}/letter-templates/{kind}")
    public ResponseEntity<byte[]> template(@PathVariable String agencyId, @PathVariable String kind) {
        LetterKind letter = kind(kind);
        templates.agencyName(agencyId);
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(AttachmentFiles.DOCX))
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + letter.name() + ".docx\"")
                             .body(templates.template(agencyId, letter));
    }

    /** An administrator's DOCX (multipart field {@code file}) replaces the agency's template of this kind. */
    @PutMapping(path = "/api/admin/agencies/{agencyId}/letter-templates/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Map<String, String> replaceTemplate(@PathVariable String agencyId, @PathVariable String kind,
                                               @RequestParam(name = "file", required = false) MultipartFile file,
                                               @AuthenticationPrincipal Actor admin) {
        LetterKind letter = kind(kind);
        if (file == null) {
            throw Refusal.invalid("file", "请选择模板文件 (the multipart field file is required)");
        }
        byte[] content = bytes(file);
        if (content.length == 0 || content.length > maxBytes) {
            throw Refusal.invalid("file", "模板文件为空或过大 (the template is empty or over the limit)");
        }
        templates.replace(agencyId, letter, content, admin.username());
        return Map.of("replaced", letter.name(), "sha256", AttachmentFiles.sha256(content));
    }

    @DeleteMapping("/api/admin/agencies/{agencyId}/letter-templates/{kind}")
    public Map<String, String> restoreTemplate(@PathVariable String agencyId, @PathVariable String kind) {
        LetterKind letter = kind(kind);
        templates.agencyName(agencyId);
        templates.restoreBuiltIn(agencyId, letter);
        return Map.of("restored", letter.name());
    }

    private static LetterKind kind(String kind) {
        return Arrays.stream(LetterKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                     .orElseThrow(() -> Refusal.invalid("kind", "没有这种文书 (kind is one of "
                                                                + Arrays.toString(LetterKind.values()) + ")"));
    }

    /** A multipart file's bytes (the upload is held whole: its size and type are checked before anything is recorded). */
    public static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
