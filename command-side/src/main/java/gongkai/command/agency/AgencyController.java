package gongkai.command.agency;

import gongkai.command.access.CommandSender;
import static gongkai.command.access.AdminController.ID_PATTERN;
import gongkai.command.agency.AgencyCommands.CloseAgency;
import gongkai.command.agency.AgencyCommands.CreateAgency;
import gongkai.command.agency.AgencyCommands.MoveAgency;
import gongkai.command.agency.AgencyCommands.RenameAgency;
import gongkai.events.access.Actor;
import gongkai.events.agency.AgencyKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tree of agencies, for admins (docs/http-api.md, "Administration"; docs/agencies.md): each change is an
 * event with its business date (today when none is given).
 */
@RestController
@RequestMapping("/api/admin/agencies")
public class AgencyController {

    public record NewAgency(@NotBlank @Pattern(regexp = ID_PATTERN) String agencyId,
                            @NotBlank @Size(max = 200) String name,
                            @Pattern(regexp = ID_PATTERN) String parentId, AgencyKind kind, LocalDate createdOn) {
    }

    public record NewName(@NotBlank @Size(max = 200) String name, LocalDate renamedOn) {
    }

    public record NewParent(@Pattern(regexp = ID_PATTERN) String parentId, LocalDate movedOn) {
    }

    public record Closure(@NotNull @Pattern(regexp = ID_PATTERN) String successorId, LocalDate closedOn) {
    }

    private final CommandSender commands;
    private final AgencyTable agencies;
    private final Clock clock;

    public AgencyController(CommandSender commands, AgencyTable agencies, Clock clock) {
        this.commands = commands;
        this.agencies = agencies;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> create(@Valid @RequestBody NewAgency agency, @AuthenticationPrincipal Actor admin) {
        LocalDate on = orToday(agency.createdOn());
        commands.send(new CreateAgency(agency.agencyId(), agency.name(), agency.parentId(), agency.kind(), on), admin);
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("agencyId", agency.agencyId());
        created.put("name", agency.name());
        created.put("parentId", agency.parentId());
        created.put("kind", agency.kind());
        created.put("createdOn", on);
        return created;
    }

    /** Renames an agency from a date: its reports show the name it has now, its history every name it had. */
    @PutMapping("/{agencyId}/name")
    public Map<String, Object> rename(@PathVariable String agencyId, @Valid @RequestBody NewName name,
                                      @AuthenticationPrincipal Actor admin) {
        requireKnown(agencyId);
        boolean recorded = commands.send(new RenameAgency(agencyId, name.name(), orToday(name.renamedOn())), admin);
        return answer(agencyId, recorded ? "AgencyRenamed" : "nothing", "name", name.name());
    }

    /** Moves an agency under another parent (null: a root) from a date. */
    @PutMapping("/{agencyId}/parent")
    public Map<String, Object> move(@PathVariable String agencyId, @Valid @RequestBody NewParent parent,
                                    @AuthenticationPrincipal Actor admin) {
        requireKnown(agencyId);
        boolean recorded = commands.send(new MoveAgency(agencyId, parent.parentId(), orToday(parent.movedOn())), admin);
        return answer(agencyId, recorded ? "AgencyMoved" : "nothing", "parentId", parent.parentId());
    }

    /** Closes an agency into its successor, which handles its open cases from then. */
    @PostMapping("/{agencyId}/closure")
    public Map<String, Object> close(@PathVariable String agencyId, @Valid @RequestBody Closure closure,
                                     @AuthenticationPrincipal Actor admin) {
        requireKnown(agencyId);
        commands.send(new CloseAgency(agencyId, closure.successorId(), orToday(closure.closedOn())), admin);
        return answer(agencyId, "AgencyClosed", "successorId", closure.successorId());
    }

    private void requireKnown(String agencyId) {
        if (agencies.find(agencyId).isEmpty()) {
            throw new org.springframework.web.server.ResponseStatusException(
                    HttpStatus.NOT_FOUND, "机关不存在 (no agency " + agencyId + ")");
        }
    }

    private LocalDate orToday(LocalDate date) {
        return date != null ? date : LocalDate.now(clock);
    }

    private static Map<String, Object> answer(String agencyId, String recorded, String key, Object value) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put(key, value);
        answer.put("recorded", recorded);
        return answer;
    }
}
