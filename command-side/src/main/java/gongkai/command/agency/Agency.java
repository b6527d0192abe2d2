package gongkai.command.agency;

import gongkai.command.Refusal;
import gongkai.command.agency.AgencyCommands.CloseAgency;
import gongkai.command.agency.AgencyCommands.CreateAgency;
import gongkai.command.agency.AgencyCommands.MoveAgency;
import gongkai.command.agency.AgencyCommands.RenameAgency;
import gongkai.events.agency.AgencyClosed;
import gongkai.events.agency.AgencyCreated;
import gongkai.events.agency.AgencyEvent;
import gongkai.events.agency.AgencyMoved;
import gongkai.events.agency.AgencyRenamed;

import java.time.LocalDate;
import java.util.Objects;

import static gongkai.command.BusinessDates.notBefore;
import static gongkai.command.BusinessDates.notInFuture;

/**
 * An agency as a node of the tree (docs/agencies.md): created under an open parent, renamed, moved under
 * another open parent that is not below it, closed once into an open successor when nothing open stands
 * under it any more. Each change is dated no earlier than the last one, so the tree on any day is the
 * changes up to that day. Plain Java, wired to Axon by {@link AgencyAggregate}.
 */
final class Agency {

    private String agencyId;
    private String name;
    private String parentId;
    private LocalDate lastChangeOn;
    private LocalDate closedOn;

    static AgencyCreated create(CreateAgency c, LocalDate today, AgencyDirectory tree) {
        notInFuture("createdOn", c.createdOn(), today);
        if (c.parentId() != null) {
            requireOpen("parentId", c.parentId(), tree, "上级机关");
        }
        return new AgencyCreated(c.agencyId(), c.name(), c.parentId(), c.kind(), c.createdOn());
    }

    AgencyRenamed rename(RenameAgency c, LocalDate today) {
        requireOpen();
        notInFuture("renamedOn", c.renamedOn(), today);
        notBefore("renamedOn", c.renamedOn(), lastChangeOn, "该机关上次变更的日期 (the agency's last change)");
        return c.name().equals(name) ? null : new AgencyRenamed(agencyId, c.name(), c.renamedOn());
    }

    AgencyMoved move(MoveAgency c, LocalDate today, AgencyDirectory tree) {
        requireOpen();
        notInFuture("movedOn", c.movedOn(), today);
        notBefore("movedOn", c.movedOn(), lastChangeOn, "该机关上次变更的日期 (the agency's last change)");
        if (c.parentId() != null) {
            requireOpen("parentId", c.parentId(), tree, "上级机关");
            if (c.parentId().equals(agencyId) || tree.ancestors(c.parentId()).contains(agencyId)) {
                throw Refusal.invalid("parentId", "不能移到本机关或其下级机关之下 (an agency cannot stand under itself or "
                                                  + "an agency below it)");
            }
        }
        return Objects.equals(c.parentId(), parentId) ? null : new AgencyMoved(agencyId, c.parentId(), c.movedOn());
    }

    AgencyClosed close(CloseAgency c, LocalDate today, AgencyDirectory tree) {
        requireOpen();
        notInFuture("closedOn", c.closedOn(), today);
        notBefore("closedOn", c.closedOn(), lastChangeOn, "该机关上次变更的日期 (the agency's last change)");
        if (c.successorId().equals(agencyId)) {
            throw Refusal.invalid("successorId", "承继机关不能是本机关 (an agency cannot succeed itself)");
        }
        requireOpen("successorId", c.successorId(), tree, "承继机关");
        if (!tree.openChildren(agencyId).isEmpty()) {
            throw Refusal.conflict("请先将下级机关移出 (move the agencies under it first: " + tree.openChildren(agencyId) + ")");
        }
        return new AgencyClosed(agencyId, c.successorId(), c.closedOn());
    }

    void apply(AgencyEvent event) {
        agencyId = event.agencyId();
        lastChangeOn = event.businessDate();
        if (event instanceof AgencyCreated e) {
            name = e.name();
            parentId = e.parentId();
        } else if (event instanceof AgencyRenamed e) {
            name = e.name();
        } else if (event instanceof AgencyMoved e) {
            parentId = e.parentId();
        } else if (event instanceof AgencyClosed e) {
            closedOn = e.closedOn();
        }
    }

    private void requireOpen() {
        if (closedOn != null) {
            throw Refusal.conflict("该机关已于 " + closedOn + " 撤销 (the agency was closed)");
        }
    }

    private static void requireOpen(String field, String agencyId, AgencyDirectory tree, String what) {
        AgencyDirectory.Node node = tree.find(agencyId).orElseThrow(() -> Refusal.invalid(
                field, what + "不存在 (no agency " + agencyId + ")"));
        if (!node.open()) {
            throw Refusal.invalid(field, what + "已撤销 (agency " + agencyId + " was closed on " + node.closedOn() + ")");
        }
    }
}
