package gongkai.command.agency;

import gongkai.command.access.UserAccounts;
import gongkai.events.agency.AgencyKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** {@link AgencyDirectory} on the command side's table {@code agency}. */
@Repository
public class AgencyTable implements AgencyDirectory {

    private final JdbcTemplate jdbc;

    public AgencyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Node> find(String agencyId) {
        return jdbc.query("select agency_id, parent_id, closed_on from agency where agency_id = ?",
                          (rs, i) -> new Node(rs.getString(1), rs.getString(2),
                                              rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate()),
                          agencyId).stream().findFirst();
    }

    @Override
    public List<String> ancestors(String agencyId) {
        return jdbc.queryForList("with recursive up(agency_id, parent_id, depth) as ("
                                 + "select agency_id, parent_id, 0 from agency where agency_id = ? union all "
                                 + "select a.agency_id, a.parent_id, up.depth + 1 from agency a join up on a.agency_id = up.parent_id "
                                 + "where up.depth < 100) select agency_id from up where depth > 0 order by depth",
                                 String.class, agencyId);
    }

    @Override
    public List<String> openChildren(String agencyId) {
        return jdbc.queryForList("select agency_id from agency where parent_id = ? and closed_on is null order by agency_id",
                                 String.class, agencyId);
    }

    /**
     * The agencies closed into this one, and those closed into them, …: a successor's clerks handle their
     * open cases (docs/agencies.md, "Closing").
     */
    public List<String> predecessors(String agencyId) {
        return jdbc.queryForList("with recursive back(agency_id, depth) as ("
                                 + "select agency_id, 1 from agency where successor_id = ? union all "
                                 + "select a.agency_id, back.depth + 1 from agency a join back on a.successor_id = back.agency_id "
                                 + "where back.depth < 100) select agency_id from back", String.class, agencyId);
    }

    @Override
    public void created(String agencyId, String name, String parentId, AgencyKind kind) {
        try {
            jdbc.update("insert into agency (agency_id, name, parent_id, kind) values (?, ?, ?, ?)", agencyId, name,
                        parentId, kind == null ? null : kind.name());
        } catch (DuplicateKeyException e) {
            throw new UserAccounts.AlreadyExists("机关已存在 (agency " + agencyId + " already exists)");
        }
    }

    @Override
    public void renamed(String agencyId, String name) {
        jdbc.update("update agency set name = ? where agency_id = ?", name, agencyId);
    }

    @Override
    public void moved(String agencyId, String parentId) {
        jdbc.update("update agency set parent_id = ? where agency_id = ?", parentId, agencyId);
    }

    @Override
    public void closed(String agencyId, String successorId, LocalDate closedOn) {
        jdbc.update("update agency set successor_id = ?, closed_on = ? where agency_id = ?", successorId,
                    Date.valueOf(closedOn), agencyId);
    }

    /** The agencies kept before agencies had events, whose creation is not yet recorded as one. */
    record Unrecorded(String agencyId, String name, String parentId, LocalDate createdOn) {
    }

    List<Unrecorded> withoutEvents() {
        return jdbc.query("select agency_id, name, parent_id, created_at from agency a where not exists ("
                          + "select 1 from domain_event_entry e where e.aggregate_identifier = 'agency:' || a.agency_id)",
                          (rs, i) -> new Unrecorded(rs.getString(1), rs.getString(2), rs.getString(3),
                                                    rs.getTimestamp(4).toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                                                            .toLocalDate()));
    }
}
