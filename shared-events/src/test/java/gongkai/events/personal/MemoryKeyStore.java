package gongkai.events.personal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The key table, in memory: what the rings of these tests unwrap their keys from. */
final class MemoryKeyStore implements DataKeyRing.Store {

    final Map<String, DataKeyRing.Wrapped> rows = new HashMap<>();
    int finds;
    int findAlls;

    @Override
    public DataKeyRing.Wrapped find(String caseId) {
        finds++;
        return rows.get(caseId);
    }

    @Override
    public Map<String, DataKeyRing.Wrapped> findAll(java.util.Collection<String> caseIds) {
        findAlls++;
        Map<String, DataKeyRing.Wrapped> found = new HashMap<>();
        caseIds.stream().filter(rows::containsKey).forEach(caseId -> found.put(caseId, rows.get(caseId)));
        return found;
    }

    @Override
    public DataKeyRing.Wrapped create(String caseId, byte[] wrapped, Consumer<DataKeyRing.Wrapped> remember) {
        DataKeyRing.Wrapped stored = rows.computeIfAbsent(caseId, id -> new DataKeyRing.Wrapped(wrapped));
        remember.accept(stored);
        return stored;
    }
}
