package gongkai.command.proactive;

import gongkai.events.access.Actor;
import gongkai.command.access.CommandSender;
import gongkai.command.access.OwnAgency;
import gongkai.command.proactive.DocumentCommands.Issue;
import gongkai.command.proactive.DocumentCommands.IssueDocument;
import gongkai.command.proactive.DocumentCommands.RepealDocument;
import gongkai.command.proactive.RegisterCommands.RecordFees;
import gongkai.command.proactive.RegisterCommands.RecordOpeningBalance;
import gongkai.command.proactive.RegisterCommands.RecordPublication;
import gongkai.command.proactive.RegisterCommands.TallyDecisions;
import gongkai.command.web.Ids;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DocumentKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * The commands of docs/http-api.md ("Proactive disclosure and the year's text") on an agency's proactive disclosure
 * (section 二, and section 一's counts). The agency in the path must be the clerk's own: any other is answered 403
 * ({@link OwnAgency#inPath}). Entries that create something answer 201 with the id of what they created and the event
 * recorded.
 */
@RestController
@RequestMapping("/api/agencies/{agencyId}")
public class ProactiveController {

    public record DocumentBody(String documentId, @NotNull DocumentKind kind, @NotBlank @Size(max = 500) String title,
                               @NotNull LocalDate issuedOn) {
    }

    public record RepealBody(@NotNull LocalDate repealedOn) {
    }

    public record OpeningBalanceBody(@NotNull LocalDate asOf, @NotNull Integer rules,
                                     @NotNull Integer normativeDocuments) {
    }

    public record TallyBody(@NotNull DecisionCategory category, @NotNull LocalDate from, @NotNull LocalDate to,
                            @NotNull Integer count) {
    }

    public record FeeBody(@NotNull LocalDate collectedOn, @NotNull BigDecimal amountYuan) {
    }

    public record PublicationBody(@NotBlank @Size(max = 100) String category, @NotBlank @Size(max = 500) String title,
                                  @NotNull LocalDate publishedOn) {
    }

    private final CommandSender commands;

    public ProactiveController(CommandSender commands) {
        this.commands = commands;
    }

    /** 201 when recorded; 200 for a repeat of the same document, which writes nothing. */
    @PostMapping("/documents")
    public ResponseEntity<Map<String, String>> issue(@PathVariable String agencyId, @Valid @RequestBody DocumentBody b,
                                                     @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        String id = Ids.chosenOrNew("documentId", b.documentId());
        Issue issue = commands.send(new IssueDocument(id, agencyId, b.kind(), b.title(), b.issuedOn()), clerk);
        Map<String, String> answer = Map.of("documentId", id);
        return issue.created()
               ? ResponseEntity.created(URI.create("/api/agencies/" + agencyId + "/documents/" + id)).body(answer)
               : ResponseEntity.ok(answer);
    }

    @PostMapping("/documents/{documentId}/repeal")
    public Map<String, String> repeal(@PathVariable String agencyId, @PathVariable String documentId,
                                      @Valid @RequestBody RepealBody b, @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        commands.send(new RepealDocument(documentId, agencyId, b.repealedOn()), clerk);
        return Map.of("recorded", "DocumentRepealed");
    }

    @PostMapping("/documents/opening-balance")
    public ResponseEntity<Map<String, String>> openingBalance(@PathVariable String agencyId,
                                                              @Valid @RequestBody OpeningBalanceBody b,
                                                              @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        commands.send(new RecordOpeningBalance(agencyId, b.asOf(), b.rules(), b.normativeDocuments()), clerk);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("recorded", "OpeningBalanceRecorded"));
    }

    @PostMapping("/decision-tallies")
    public ResponseEntity<Map<String, String>> tally(@PathVariable String agencyId, @Valid @RequestBody TallyBody b,
                                                     @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        String id = UUID.randomUUID().toString();
        commands.send(new TallyDecisions(agencyId, id, b.category(), b.from(), b.to(), b.count()), clerk);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("tallyId", id, "recorded", "DecisionsTallied"));
    }

    @PostMapping("/fees")
    public ResponseEntity<Map<String, String>> fees(@PathVariable String agencyId, @Valid @RequestBody FeeBody b,
                                                    @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        String id = UUID.randomUUID().toString();
        commands.send(new RecordFees(agencyId, id, b.collectedOn(), b.amountYuan()), clerk);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("feeId", id, "recorded", "FeesCollected"));
    }

    @PostMapping("/publications")
    public ResponseEntity<Map<String, String>> publication(@PathVariable String agencyId,
                                                           @Valid @RequestBody PublicationBody b,
                                                           @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        String id = UUID.randomUUID().toString();
        commands.send(new RecordPublication(agencyId, id, b.category(), b.title(), b.publishedOn()), clerk);
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(Map.of("publicationId", id, "recorded", "InformationPublished"));
    }
}
