package gongkai.command.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The decisions a test records: the events of each reconsideration or lawsuit, by case id. */
final class FakeDecisions implements RecordedDecisions {

    private final Map<String, List<Object>> cases = new HashMap<>();

    FakeDecisions record(String caseId, Object... events) {
        cases.put(caseId, List.of(events));
        return this;
    }

    @Override
    public List<Object> eventsOf(String caseId) {
        return cases.getOrDefault(caseId, List.of());
    }
}
