package gongkai.query.agency;

import gongkai.events.agency.AgencyKind;
import gongkai.query.agency.AgencyTree.Change;
import gongkai.query.agency.AgencyTree.ChangeType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree on a day as known at an instant (docs/agencies.md), without a database. */
class AgencyTreeTest {

    static final Instant RECORDED = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant LATER = Instant.parse("2025-08-01T00:00:00Z");

    static Change created(String id, String parent, String on) {
        return new Change(id, 0, ChangeType.CREATED, LocalDate.parse(on), RECORDED, "admin", id, parent,
                          AgencyKind.TOWNSHIP, null, id + "-created");
    }

    static final List<Change> COUNTY = List.of(
            created("county", null, "2020-01-01"), created("other", null, "2020-01-01"),
            created("a", "county", "2020-01-01"), created("b", "county", "2020-01-01"),
            new Change("b", 1, ChangeType.MOVED, LocalDate.parse("2025-07-01"), LATER, "admin", null, "other", null, null, "m"),
            new Change("a", 1, ChangeType.CLOSED, LocalDate.parse("2025-07-15"), LATER, "admin", null, null, null, "c", "x"),
            created("c", "county", "2021-01-01"));

    @Test
    void aMoveCountsFromItsDateOnward() {
        assertThat(AgencyTree.on(LocalDate.parse("2025-06-30"), null, COUNTY).subtree("county")).containsExactly("county", "a", "b", "c");
        assertThat(AgencyTree.on(LocalDate.parse("2025-07-01"), null, COUNTY).subtree("county")).containsExactly("county", "a", "c");
        assertThat(AgencyTree.on(LocalDate.parse("2025-07-01"), null, COUNTY).subtree("other")).containsExactly("other", "b");
    }

    @Test
    void aChangeRecordedAfterTheInstantAskedIsNotKnownThen() {
        assertThat(AgencyTree.on(LocalDate.parse("2025-12-31"), RECORDED, COUNTY).subtree("county"))
                .containsExactly("county", "a", "b", "c");
    }

    @Test
    void aClosedAgencyLeavesTheSubtreeButIsSummedWithItsSuccessor() {
        AgencyTree tree = AgencyTree.on(LocalDate.parse("2025-12-31"), null, COUNTY);
        assertThat(tree.subtree("county")).containsExactly("county", "c");
        assertThat(tree.predecessors("c")).containsExactly("a");
        assertThat(tree.rollUp("county")).containsExactly("county", "c", "a");
        assertThat(tree.node("a").orElseThrow().closedOn()).isEqualTo(LocalDate.parse("2025-07-15"));
    }

    @Test
    void anAgencyNotYetCreatedIsNotInTheTree() {
        assertThat(AgencyTree.on(LocalDate.parse("2020-12-31"), null, COUNTY).subtree("county")).containsExactly("county", "a", "b");
        assertThat(AgencyTree.on(LocalDate.parse("2019-12-31"), null, COUNTY).subtree("county")).isEmpty();
    }
}
