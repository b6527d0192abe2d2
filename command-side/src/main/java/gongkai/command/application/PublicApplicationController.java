package gongkai.command.application;

import gongkai.command.Refusal;
import gongkai.command.access.CommandSender;
import gongkai.command.access.UserAccounts;
import gongkai.events.access.Actor;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.QueryCodes;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.SecureRandom;
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
    static final Actor APPLICANT = new Actor("online-applicant", Set.of(), null);

    public record SubmissionBody(@NotBlank @Size(max = 64) String agencyId, @NotNull ApplicantType applicantType,
                                 @NotNull @Valid ApplicationController.ApplicantBody applicant,
                                 @NotBlank @Size(max = 10000) String request) {
    }

    private final CommandSender commands;
    private final UserAccounts accounts;
    private final SecureRandom random = new SecureRandom();

    public PublicApplicationController(CommandSender commands, UserAccounts accounts) {
        this.commands = commands;
        this.accounts = accounts;
    }

    /** The agencies an applicant can choose from: those not closed. */
    @GetMapping("/agencies")
    public List<Map<String, String>> agencies() {
        return accounts.agencies().stream().filter(a -> a.closedOn() == null)
                       .map(a -> Map.of("agencyId", a.agencyId(), "name", a.name())).toList();
    }

    /** Records the submission; answers its id and the applicant's query code (shown once, stored only as a digest). */
    @PostMapping("/applications")
    public ResponseEntity<Map<String, String>> submit(@Valid @RequestBody SubmissionBody body) {
        if (!accounts.agencyOpen(body.agencyId())) {
            throw Refusal.invalid("agencyId", "请选择受理机关 (no such agency, or closed)");
        }
        String id = UUID.randomUUID().toString();
        String code = QueryCodes.newCode(random);
        String digest = QueryCodes.digest(code, QueryCodes.lastFourDigits(body.applicant().phone()));
        commands.send(new ApplicationCommands.SubmitOnline(id, body.agencyId(), body.applicantType(),
                                                           body.applicant().toApplicant(), body.request(), digest),
                      APPLICANT);
        return ResponseEntity.created(URI.create("/api/applications/" + id))
                             .body(Map.of("applicationId", id, "queryCode", code));
    }
}
