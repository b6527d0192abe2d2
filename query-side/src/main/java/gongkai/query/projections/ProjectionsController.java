package gongkai.query.projections;

import gongkai.events.access.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/projections}: each projection's position, the head of the event stream, whether it
 * replays, its rate and the time left; the hash chain last. {@code POST /api/admin/projections/…/replay}
 * rebuilds one or all of them from the first event (admins only, see QuerySecurity).
 */
@RestController
public class ProjectionsController {

    private final ProjectionReplays replays;

    public ProjectionsController(ProjectionReplays replays) {
        this.replays = replays;
    }

    @GetMapping("/api/projections")
    public Map<String, Object> projections() {
        List<Map<String, Object>> list = new ArrayList<>();
        replays.statuses().forEach(status -> list.add(view(status, ProjectionReplays.replayable(status.name()))));
        list.add(view(replays.chainStatus(), false));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("head", replays.head());
        answer.put("projections", list);
        return answer;
    }

    @PostMapping("/api/admin/projections/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> replay(@PathVariable String name, @AuthenticationPrincipal Actor admin) {
        return Map.of("replays", List.of(replays.replay(name, admin)), "progress", "/api/projections");
    }

    @PostMapping("/api/admin/projections/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Map<String, Object> replayAll(@AuthenticationPrincipal Actor admin) {
        return Map.of("replays", replays.replayAll(admin), "progress", "/api/projections");
    }

    private static Map<String, Object> view(ProjectionReplays.Status s, boolean replayable) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("position", s.position());
        p.put("head", s.head());
        p.put("behind", s.position() == null ? null : Math.max(0, s.head() - s.position()));
        p.put("caughtUp", s.caughtUp());
        p.put("replaying", s.replaying());
        p.put("replayable", replayable);
        p.put("eventsPerSecond", s.eventsPerSecond());
        p.put("estimatedSecondsLeft", s.estimatedSecondsLeft());
        p.put("replay", s.replay());
        p.put("rebuiltInBulk", s.rebuiltInBulk());
        p.put("running", s.running());
        p.put("segmentsClaimedHere", s.segmentsClaimedHere());
        p.put("segments", s.segments());
        return p;
    }
}
