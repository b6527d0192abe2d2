package gongkai.query.agency;

import gongkai.events.agency.AgencyKind;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The tree of agencies on one day, as the changes known at one instant make it (docs/agencies.md): who
 * stands under whom, each agency's name and kind, which are closed and into which successor. Plain Java:
 * built from the agencies' changes, in the order of their business dates (and, on one day, of their
 * stream).
 */
public final class AgencyTree {

    public enum ChangeType { CREATED, RENAMED, MOVED, CLOSED }

    /** One agency event, as the query side keeps it. */
    public record Change(String agencyId, long sequence, ChangeType type, LocalDate on, Instant recordedAt, String actor,
                         String name, String parentId, AgencyKind kind, String successorId, String eventId) {
    }

    /** An agency on the tree's day. */
    public record Node(String agencyId, String name, String parentId, AgencyKind kind, LocalDate createdOn,
                       LocalDate closedOn, String successorId) {

        public boolean open() {
            return closedOn == null;
        }
    }

    private static final Comparator<Change> ORDER = Comparator.comparing(Change::on).thenComparing(Change::agencyId)
                                                              .thenComparingLong(Change::sequence);

    private final Map<String, Node> nodes;
    private final Map<String, List<String>> children = new TreeMap<>();
    private final Map<String, List<String>> closedInto = new TreeMap<>();

    private AgencyTree(Map<String, Node> nodes) {
        this.nodes = nodes;
        for (Node node : nodes.values()) {
            if (node.open() && node.parentId() != null) {
                children.computeIfAbsent(node.parentId(), k -> new ArrayList<>()).add(node.agencyId());
            }
            if (!node.open() && node.successorId() != null) {
                closedInto.computeIfAbsent(node.successorId(), k -> new ArrayList<>()).add(node.agencyId());
            }
        }
        children.values().forEach(list -> list.sort(Comparator.naturalOrder()));
        closedInto.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    }

    /**
     * The tree on {@code day} (changes dated after it left out) as known at {@code asOf} (null: now; changes
     * recorded after it left out).
     */
    public static AgencyTree on(LocalDate day, Instant asOf, Collection<Change> changes) {
        Map<String, Node> nodes = new TreeMap<>();
        changes.stream().filter(c -> !c.on().isAfter(day))
               .filter(c -> asOf == null || !c.recordedAt().isAfter(asOf))
               .sorted(ORDER).forEach(c -> {
                   Node before = nodes.get(c.agencyId());
                   switch (c.type()) {
                       case CREATED -> nodes.put(c.agencyId(), new Node(c.agencyId(), c.name(), c.parentId(), c.kind(),
                                                                        c.on(), null, null));
                       case RENAMED -> {
                           if (before != null) {
                               nodes.put(c.agencyId(), new Node(c.agencyId(), c.name(), before.parentId(), before.kind(),
                                                                before.createdOn(), before.closedOn(), before.successorId()));
                           }
                       }
                       case MOVED -> {
                           if (before != null) {
                               nodes.put(c.agencyId(), new Node(c.agencyId(), before.name(), c.parentId(), before.kind(),
                                                                before.createdOn(), before.closedOn(), before.successorId()));
                           }
                       }
                       case CLOSED -> {
                           if (before != null) {
                               nodes.put(c.agencyId(), new Node(c.agencyId(), before.name(), before.parentId(), before.kind(),
                                                                before.createdOn(), c.on(), c.successorId()));
                           }
                       }
                   }
               });
        return new AgencyTree(nodes);
    }

    public Optional<Node> node(String agencyId) {
        return Optional.ofNullable(nodes.get(agencyId));
    }

    /** The open agencies directly under this one, by id. */
    public List<String> children(String agencyId) {
        return children.getOrDefault(agencyId, List.of());
    }

    /** The agency (when it is open) and every open agency below it, depth first, each level by id. */
    public List<String> subtree(String root) {
        List<String> found = new ArrayList<>();
        Node node = nodes.get(root);
        if (node != null && node.open()) {
            walk(root, found, new HashSet<>());
        }
        return found;
    }

    private void walk(String agencyId, List<String> found, Set<String> seen) {
        if (!seen.add(agencyId)) {
            return; // a cycle cannot be recorded; never loop on one anyway
        }
        found.add(agencyId);
        for (String child : children(agencyId)) {
            walk(child, found, seen);
        }
    }

    /**
     * The agencies closed into this one, and into those, …: their open cases are this agency's to handle.
     */
    public List<String> predecessors(String agencyId) {
        List<String> found = new ArrayList<>();
        Set<String> seen = new HashSet<>(Set.of(agencyId));
        List<String> next = new ArrayList<>(closedInto.getOrDefault(agencyId, List.of()));
        while (!next.isEmpty()) {
            String predecessor = next.remove(0);
            if (seen.add(predecessor)) {
                found.add(predecessor);
                next.addAll(closedInto.getOrDefault(predecessor, List.of()));
            }
        }
        return found;
    }

    /**
     * The agencies whose figures a roll-up of {@code root} sums on the tree's day: the subtree, and the
     * agencies closed into one of them (their cases count where they were received, docs/agencies.md).
     */
    public List<String> rollUp(String root) {
        List<String> members = new ArrayList<>();
        for (String agencyId : subtree(root)) {
            members.add(agencyId);
            members.addAll(predecessors(agencyId));
        }
        return members;
    }

    /** Every agency the tree knows, open or closed, by id. */
    public Map<String, Node> nodes() {
        return new LinkedHashMap<>(nodes);
    }
}
