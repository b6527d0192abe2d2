package gongkai.command.lawsuit;

import com.fasterxml.jackson.annotation.JsonProperty;
import gongkai.command.Refusal;
import gongkai.events.access.Actor;
import gongkai.command.access.CommandSender;
import gongkai.command.access.OwnAgency;
import gongkai.command.lawsuit.LawsuitCommands.FileLawsuit;
import gongkai.command.lawsuit.LawsuitCommands.Filing;
import gongkai.command.lawsuit.LawsuitCommands.JudgeLawsuit;
import gongkai.command.web.Ids;
import gongkai.events.CaseResult;
import gongkai.events.lawsuit.Route;
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
 * The commands on lawsuits (行政诉讼) of docs/http-api.md ("Reconsiderations and lawsuits"). Every answer names the event
 * recorded.
 */
@RestController
@RequestMapping("/api/lawsuits")
public class LawsuitController {

    public record FileBody(String lawsuitId, @NotBlank String agencyId, @NotNull LocalDate filedOn,
                           @NotNull Route route, String reviewId, String applicationId,
                           @Size(max = 200) String court) {
    }

    /** {@code "final"} is a Java keyword: the component is {@code finalJudgment}, the JSON key {@code final}. */
    public record JudgmentBody(@NotNull LocalDate decidedOn, @NotNull CaseResult result,
                               @JsonProperty("final") Boolean finalJudgment) {
    }

    private final CommandSender commands;

    public LawsuitController(CommandSender commands) {
        this.commands = commands;
    }

    /** 201 when filed; 200 for a repeat of the same filing, which writes nothing. */
    @PostMapping
    public ResponseEntity<Map<String, String>> file(@Valid @RequestBody FileBody b, @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inBody(b.agencyId(), clerk);
        String id = Ids.chosenOrNew("lawsuitId", b.lawsuitId());
        Filing filing = commands.send(new FileLawsuit(id, b.agencyId(), b.filedOn(), b.route(),
                                                      Ids.optional("reviewId", b.reviewId()),
                                                      Ids.optional("applicationId", b.applicationId()), b.court()),
                                      clerk);
        Map<String, String> answer = Map.of("lawsuitId", id);
        return filing.created()
               ? ResponseEntity.created(URI.create("/api/lawsuits/" + id)).body(answer)
               : ResponseEntity.ok(answer);
    }

    @PostMapping("/{id}/judgment")
    public Map<String, String> judge(@PathVariable String id, @Valid @RequestBody JudgmentBody b,
                                     @AuthenticationPrincipal Actor clerk) {
        if (b.finalJudgment() == null) {
            // checked here rather than by @NotNull, so that the error names the JSON key, not the component
            throw Refusal.invalid("final", "须说明是否为终审（生效）判决 (final must be true or false)");
        }
        commands.send(new JudgeLawsuit(id, b.decidedOn(), b.result(), b.finalJudgment()), clerk);
        return Map.of("recorded", "LawsuitJudged");
    }
}
