package gongkai.query.projections;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import gongkai.events.store.StoredEventFormat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** {@code GET /api/projections}: each projection's position, the head of the event stream, and whether it replays. */
@RestController
public class ProjectionsController {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    public ProjectionsController(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/projections")
    public Map<String, Object> projections() {
        Long head = jdbc.queryForObject("select coalesce(max(global_index), -1) from "
                                        + StoredEventFormat.EVENT_TABLE, Long.class);
        List<Map<String, Object>> list = new ArrayList<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                OptionalLong position = status.values().stream()
                                              .map(EventTrackerStatus::getCurrentPosition)
                                              .filter(OptionalLong::isPresent)
                                              .mapToLong(OptionalLong::getAsLong).min();
                boolean replaying = status.values().stream().anyMatch(EventTrackerStatus::isReplaying);
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", name);
                p.put("position", position.isPresent() ? position.getAsLong() : null);
                p.put("head", head);
                p.put("caughtUp", !status.isEmpty() && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp));
                p.put("replaying", replaying);
                p.put("segmentsClaimedHere", status.size());
                p.put("running", streaming.isRunning());
                list.add(p);
            }
        });
        return Map.of("head", head, "projections", list);
    }
}
