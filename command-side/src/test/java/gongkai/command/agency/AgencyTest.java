package gongkai.command.agency;

import gongkai.command.Refusal;
import gongkai.command.agency.AgencyCommands.CloseAgency;
import gongkai.command.agency.AgencyCommands.CreateAgency;
import gongkai.command.agency.AgencyCommands.MoveAgency;
import gongkai.command.agency.AgencyCommands.RenameAgency;
import gongkai.events.agency.AgencyClosed;
import gongkai.events.agency.AgencyKind;
import gongkai.events.agency.AgencyMoved;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules of an agency as a node of the tree (docs/agencies.md), on a tree kept in memory. */
class AgencyTest {

    static final LocalDate TODAY = LocalDate.of(2025, 9, 1);

    /** The tree as a plain map: agency → (parent, closedOn). */
    static final class Tree implements AgencyDirectory {
        final Map<String, Node> nodes = new LinkedHashMap<>();

        Tree with(String id, String parent) {
            nodes.put(id, new Node(id, parent, null));
            return this;
        }

        @Override
        public Optional<Node> find(String agencyId) {
            return Optional.ofNullable(nodes.get(agencyId));
        }

        @Override
        public List<String> ancestors(String agencyId) {
            List<String> up = new ArrayList<>();
            for (Node n = nodes.get(agencyId); n != null && n.parentId() != null; n = nodes.get(n.parentId())) {
                up.add(n.parentId());
            }
            return up;
        }

        @Override
        public List<String> openChildren(String agencyId) {
            return nodes.values().stream().filter(n -> agencyId.equals(n.parentId()) && n.open()).map(Node::agencyId).toList();
        }

        @Override
        public void created(String agencyId, String name, String parentId, AgencyKind kind) {
            with(agencyId, parentId);
        }

        @Override
        public void renamed(String agencyId, String name) {
        }

        @Override
        public void moved(String agencyId, String parentId) {
            with(agencyId, parentId);
        }

        @Override
        public void closed(String agencyId, String successorId, LocalDate closedOn) {
            nodes.put(agencyId, new Node(agencyId, nodes.get(agencyId).parentId(), closedOn));
        }
    }

    final Tree tree = new Tree().with("county", null).with("township", "county").with("village", "township")
                                .with("other", null);

    Agency agency(String id, String parent) {
        Agency agency = new Agency();
        agency.apply(Agency.create(new CreateAgency(id, id, parent, AgencyKind.TOWNSHIP, LocalDate.of(2020, 1, 1)), TODAY, tree));
        return agency;
    }

    @Test
    void anAgencyIsCreatedOnlyUnderAnAgencyThatExists() {
        assertThatThrownBy(() -> Agency.create(new CreateAgency("x", "x", "nowhere", null, TODAY), TODAY, tree))
                .isInstanceOf(Refusal.class).hasMessageContaining("nowhere");
    }

    @Test
    void anAgencyNeverMovesUnderItselfOrAnAgencyBelowIt() {
        Agency township = agency("township", "county");
        assertThatThrownBy(() -> township.move(new MoveAgency("township", "village", TODAY), TODAY, tree))
                .isInstanceOf(Refusal.class).hasMessageContaining("below");
        assertThatThrownBy(() -> township.move(new MoveAgency("township", "township", TODAY), TODAY, tree))
                .isInstanceOf(Refusal.class);
        AgencyMoved moved = township.move(new MoveAgency("township", "other", TODAY), TODAY, tree);
        assertThat(moved.parentId()).isEqualTo("other");
    }

    @Test
    void aMoveUnderTheParentItHasRecordsNothing() {
        assertThat(agency("township", "county").move(new MoveAgency("township", "county", TODAY), TODAY, tree)).isNull();
    }

    @Test
    void anAgencyIsClosedOnlyOnceNothingOpenStandsUnderItAndIntoAnotherOpenAgency() {
        Agency township = agency("township", "county");
        assertThatThrownBy(() -> township.close(new CloseAgency("township", "other", TODAY), TODAY, tree))
                .isInstanceOf(Refusal.class).hasMessageContaining("village");
        Agency village = agency("village", "township");
        assertThatThrownBy(() -> village.close(new CloseAgency("village", "village", TODAY), TODAY, tree))
                .isInstanceOf(Refusal.class);
        AgencyClosed closed = village.close(new CloseAgency("village", "other", TODAY), TODAY, tree);
        village.apply(closed);
        assertThatThrownBy(() -> village.rename(new RenameAgency("village", "新名称", TODAY), TODAY))
                .isInstanceOf(Refusal.class).hasMessageContaining("closed");
    }

    @Test
    void aChangeIsNeverDatedInTheFutureNorBeforeTheLastOne() {
        Agency township = agency("township", "county");
        assertThatThrownBy(() -> township.rename(new RenameAgency("township", "新名称", TODAY.plusDays(1)), TODAY))
                .isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> township.rename(new RenameAgency("township", "新名称", LocalDate.of(2019, 12, 31)), TODAY))
                .isInstanceOf(Refusal.class);
    }
}
