package gongkai.query.agency;

import gongkai.events.access.Actor;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.agency.AgencyTree.Change;
import gongkai.query.agency.AgencyTree.Node;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of agencies on the query side (docs/http-api.md, "The tree of agencies"): an agency's subtree on
 * any day as known at any instant, and an agency's history of changes.
 */
@RestController
@RequestMapping("/api/agencies/{agencyId}")
public class AgencyQueryController {

    private final AgencyChanges changes;
    private final Clock clock;

    public AgencyQueryController(AgencyChanges changes, Clock clock) {
        this.changes = changes;
        this.clock = clock;
    }

    /** The agency and everything under it on {@code on} (default today), as known at {@code asOf} (default now). */
    @GetMapping("/tree")
    public Map<String, Object> tree(@PathVariable String agencyId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                    @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        LocalDate day = on != null ? on : AgencyChanges.today(clock);
        Instant known = asOf == null ? null : asOf.toInstant();
        AgencyTree tree = changes.tree(day, known);
        Node root = tree.node(agencyId).orElseThrow(() -> Problems.Refused.notFound(
                "该日不存在这一机关 (no agency " + agencyId + " on " + day + ")"));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("on", day);
        answer.put("asOf", asOf);
        answer.put("agency", node(tree, root));
        answer.put("agencies", tree.subtree(agencyId).size());
        return answer;
    }

    private static Map<String, Object> node(AgencyTree tree, Node node) {
        Map<String, Object> view = view(node);
        view.put("closedInto", tree.predecessors(node.agencyId()));
        view.put("children", tree.children(node.agencyId()).stream()
                                 .map(child -> node(tree, tree.node(child).orElseThrow())).toList());
        return view;
    }

    static Map<String, Object> view(Node node) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("agencyId", node.agencyId());
        view.put("name", node.name());
        view.put("kind", node.kind());
        view.put("parentId", node.parentId());
        view.put("createdOn", node.createdOn());
        view.put("closedOn", node.closedOn());
        view.put("successorId", node.successorId());
        return view;
    }

    /** The agency's changes, oldest first: created, renamed, moved, closed, each with its date, instant and actor. */
    @GetMapping("/history")
    public Map<String, Object> history(@PathVariable String agencyId, @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        List<Change> history = changes.of(agencyId);
        if (history.isEmpty()) {
            throw Problems.Refused.notFound("机关不存在 (no agency " + agencyId + ")");
        }
        return Map.of("agencyId", agencyId, "changes", history.stream().map(c -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("type", c.type());
            view.put("on", c.on());
            view.put("recordedAt", c.recordedAt());
            view.put("actor", c.actor());
            view.put("eventId", c.eventId());
            switch (c.type()) {
                case CREATED -> {
                    view.put("name", c.name());
                    view.put("parentId", c.parentId());
                    view.put("kind", c.kind());
                }
                case RENAMED -> view.put("name", c.name());
                case MOVED -> view.put("parentId", c.parentId());
                case CLOSED -> view.put("successorId", c.successorId());
            }
            return view;
        }).toList());
    }
}
