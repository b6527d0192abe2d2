package gongkai.command.review;

import gongkai.events.access.Actor;
import gongkai.command.access.CommandSender;
import gongkai.command.access.OwnAgency;
import gongkai.command.review.ReviewCommands.DecideReview;
import gongkai.command.review.ReviewCommands.FileReview;
import gongkai.command.review.ReviewCommands.Filing;
import gongkai.command.web.Ids;
import gongkai.events.CaseResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

/**
 * The commands on reconsiderations (行政复议) of docs/http-api.md ("Reconsiderations and lawsuits"). Every answer names the
 * event recorded.
 */
@RestController
@RequestMapping("/api/reviews")
public class ReviewController {

    /** {@code body} is the reconsideration body (复议机关). */
    public record FileBody(String reviewId, @NotBlank String agencyId, @NotNull LocalDate filedOn,
                           String applicationId, @Size(max = 200) String body) {
    }

    public record DecisionBody(@NotNull LocalDate decidedOn, @NotNull CaseResult result,
                               @Size(max = 5000) String note) {
    }

    private final CommandSender commands;

    public ReviewController(CommandSender commands) {
        this.commands = commands;
    }

    /** 201 when filed; 200 for a repeat of the same filing, which writes nothing. */
    @PostMapping
    public ResponseEntity<Map<String, String>> file(@Valid @RequestBody FileBody b, @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inBody(b.agencyId(), clerk);
        String id = Ids.chosenOrNew("reviewId", b.reviewId());
        Filing filing = commands.send(new FileReview(id, b.agencyId(), b.filedOn(),
                                                     Ids.optional("applicationId", b.applicationId()), b.body()), clerk);
        Map<String, String> answer = Map.of("reviewId", id);
        return filing.created()
               ? ResponseEntity.created(URI.create("/api/reviews/" + id)).body(answer)
               : ResponseEntity.ok(answer);
    }

    @PostMapping("/{id}/decision")
    public Map<String, String> decide(@PathVariable String id, @Valid @RequestBody DecisionBody b,
                                      @AuthenticationPrincipal Actor clerk) {
        commands.send(new DecideReview(id, b.decidedOn(), b.result(), b.note()), clerk);
        return Map.of("recorded", "ReviewDecided");
    }
}
