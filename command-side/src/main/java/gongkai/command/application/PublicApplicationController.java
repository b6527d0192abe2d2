package gongkai.command.application;

import gongkai.command.Refusal;
import gongkai.command.access.CommandSender;
import gongkai.command.access.UserAccounts;
import gongkai.command.papers.AttachmentFiles;
import gongkai.command.papers.PapersCommands;
import gongkai.command.papers.PapersController;
import gongkai.events.access.Actor;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.QueryCodes;
import gongkai.events.papers.FileName;
import gongkai.http.BodyLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The public application form's side of the command side (docs/http-api.md, "The public page"). Only the pages
 * process reaches it (role PAGES, on its own account): the public page in front of it draws the CAPTCHA and limits
 * submissions per address, so nothing here is open to the internet directly.
 */
@RestController
@RequestMapping("/api/public")
public class PublicApplicationController {

    /** The actor of a submission: the applicant, who has no account (their data is in the event, not here). */
    static final Actor APPLICANT = new Actor(Actor.ONLINE_APPLICANT, Set.of(), null);

    public record SubmissionBody(@NotBlank @Size(max = 64) String agencyId, @NotNull ApplicantType applicantType,
                                 @NotNull @Valid ApplicationController.ApplicantBody applicant,
                                 @NotBlank @Size(max = 10000) String request) {
    }

    /** Where the public form posts its submission (with its files, as {@code multipart/form-data}). */
    public static final String APPLICATIONS = "/api/public/applications";

    private final CommandSender commands;
    private final UserAccounts accounts;
    private final int maxFiles;
    private final long maxFileBytes;
    private final SecureRandom random = new SecureRandom();

    public PublicApplicationController(CommandSender commands, UserAccounts accounts,
                                       @Value("${gongkai.public.max-files}") int maxFiles,
                                       @Value("${gongkai.attachments.max-size}") DataSize maxFileSize) {
        this.commands = commands;
        this.accounts = accounts;
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    /** The body of a submission with its files may carry {@code gongkai.public.max-files} of them (docs/http-api.md). */
    @Configuration(proxyBeanMethods = false)
    static class SubmissionBodyLimit {

        @Bean
        BodyLimit.SeveralFiles publicFormFiles(@Value("${gongkai.public.max-files}") int maxFiles) {
            return new BodyLimit.SeveralFiles(APPLICATIONS, maxFiles);
        }
    }

    /** The agencies an applicant can choose from: those not closed. */
    @GetMapping("/agencies")
    public List<Map<String, String>> agencies() {
        return accounts.agencies().stream().filter(a -> a.closedOn() == null)
                       .map(a -> Map.of("agencyId", a.agencyId(), "name", a.name())).toList();
    }

    /** Records the submission; answers its id and the applicant's query code (shown once, stored only as a digest). */
    @PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, String>> submit(@Valid @RequestBody SubmissionBody body) {
        return submit(body, List.of());
    }

    /**
     * The submission (part {@code application}, JSON) with the files the applicant attached (parts {@code files}):
     * every file is checked (count, size, type told by its content: {@link AttachmentFiles}) before anything is
     * recorded, and the submission and its files are recorded by one command, so that either all are or none is.
     */
    @PostMapping(path = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, String>> submitWithFiles(
            @Valid @RequestPart("application") SubmissionBody body,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        List<AttachmentFiles.Upload> uploads = files == null ? List.of()
                : files.stream().map(f -> new AttachmentFiles.Upload(f.getOriginalFilename(), PapersController.bytes(f))).toList();
        return submit(body, uploads);
    }

    private ResponseEntity<Map<String, String>> submit(SubmissionBody body, List<AttachmentFiles.Upload> uploads) {
        if (!accounts.agencyOpen(body.agencyId())) {
            throw Refusal.invalid("agencyId", "请选择受理机关 (no such agency, or closed)");
        }
        List<String> types = AttachmentFiles.contentTypes("files", uploads, maxFiles, maxFileBytes);
        List<PapersCommands.SubmittedFile> attached = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            attached.add(new PapersCommands.SubmittedFile(UUID.randomUUID().toString(), new FileName(uploads.get(i).name()),
                                                          types.get(i), uploads.get(i).content()));
        }
        String id = UUID.randomUUID().toString();
        String code = QueryCodes.newCode(random);
        String digest = QueryCodes.digest(code, QueryCodes.lastFourDigits(body.applicant().phone()));
        commands.send(new ApplicationCommands.SubmitOnline(id, body.agencyId(), body.applicantType(),
                                                           body.applicant().toApplicant(), body.request(), digest,
                                                           attached),
                      APPLICANT);
        return ResponseEntity.created(URI.create("/api/applications/" + id))
                             .body(Map.of("applicationId", id, "queryCode", code));
    }
}
