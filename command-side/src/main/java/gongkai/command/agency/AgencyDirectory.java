package gongkai.command.agency;

import gongkai.events.agency.AgencyKind;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The port through which an agency's rules see the rest of the tree and keep the agencies' table (which
 * signs users in and names agencies) in step with the events, in the command's own transaction.
 */
public interface AgencyDirectory {

    /** An agency as the table holds it now. */
    record Node(String agencyId, String parentId, LocalDate closedOn) {

        public boolean open() {
            return closedOn == null;
        }
    }

    Optional<Node> find(String agencyId);

    /** The agency's parent, its parent's parent, … up to the root. */
    List<String> ancestors(String agencyId);

    /** The agencies directly under this one that are not closed. */
    List<String> openChildren(String agencyId);

    void created(String agencyId, String name, String parentId, AgencyKind kind);

    void renamed(String agencyId, String name);

    void moved(String agencyId, String parentId);

    void closed(String agencyId, String successorId, LocalDate closedOn);
}
