package gongkai.command.report;

import gongkai.events.access.Actor;
import gongkai.command.access.CommandSender;
import gongkai.command.access.OwnAgency;
import gongkai.command.report.ReportCommands.PublishReport;
import gongkai.command.report.ReportCommands.WriteNarrative;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * The commands of docs/http-api.md ("Proactive disclosure and the year's text") on an agency's annual report. The
 * agency in the path must be the clerk's own (else 403, {@link OwnAgency#inPath}).
 */
@RestController
@RequestMapping("/api/agencies/{agencyId}/reports/{year}")
public class ReportController {

    /**
     * Sections 一 (总体情况), 五 (存在的主要问题及改进情况) and 六 (其他需要报告的事项). Each is required,
     * and may be empty where the agency has nothing to say.
     */
    public record NarrativeBody(@NotNull @Size(max = 50000) String overview, @NotNull @Size(max = 50000) String problems,
                                @NotNull @Size(max = 50000) String other) {
    }

    private final CommandSender commands;

    public ReportController(CommandSender commands) {
        this.commands = commands;
    }

    /** 200 either way: {@code recorded} is NarrativeWritten, or {@code nothing} when the text was already that. */
    @PutMapping("/narrative")
    public Map<String, String> writeNarrative(@PathVariable String agencyId, @PathVariable int year,
                                              @Valid @RequestBody NarrativeBody b, @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        boolean written = commands.send(new WriteNarrative(agencyId, year, b.overview(), b.problems(), b.other()), clerk);
        return Map.of("recorded", written ? "NarrativeWritten" : "nothing");
    }

    /**
     * Publishes (freezes) the report: 201 with the publication's number (1 for the first; a report may be
     * published again after a correction). The query side freezes the figures as they stood at the
     * instant the event was recorded; {@code GET /api/agencies/{agencyId}/reports/{year}} on the query
     * side then shows them under {@code published}.
     */
    @PostMapping("/publication")
    public ResponseEntity<Map<String, Object>> publish(@PathVariable String agencyId, @PathVariable int year,
                                                       @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        int publication = commands.send(new PublishReport(agencyId, year), clerk);
        return ResponseEntity.status(HttpStatus.CREATED)
                             .body(Map.of("recorded", "ReportPublished", "publication", publication));
    }
}
