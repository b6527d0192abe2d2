package gongkai.query.chain;

import gongkai.events.store.StoredEventFormat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The files attached to cases, checked against the SHA-256 their events carry: the event (vouched for by the
 * hash chain) says what the file was, the bytes kept outside the event table must still be it. Plain JDBC, in
 * the caller's transaction (the verification's snapshot). A file erased on purpose (its content removed with the
 * case's personal data) is counted as erased, not damaged.
 */
public final class AttachedFiles {

    /**
     * The stored type of {@code gongkai.events.papers.AttachmentAdded}, as text: the command-line check
     * ({@code VerifyCli}) runs with nothing but the query side's classes and the PostgreSQL driver.
     */
    public static final String PAYLOAD_TYPE = "gongkai.events.papers.AttachmentAdded";

    /** The table of the bytes (command side). */
    public static final String TABLE = StoredEventFormat.SCHEMA + ".attachment_content";

    /** What became of a file: its bytes differ from the hash recorded, or they are gone without an erasure. */
    public enum Damage { ALTERED, MISSING }

    /** One damaged file, named by its event and attachment (never by its name, which is personal data). */
    public record DamagedFile(Damage damage, long globalIndex, String eventIdentifier, String applicationId,
                              String attachmentId, String recordedSha256, String storedSha256, String detail) {
    }

    /** What the check found: how many files it checked, how many were erased, and each damaged one. */
    public record Check(long filesChecked, long filesErased, List<DamagedFile> damaged) {
    }

    private AttachedFiles() {
    }

    public static Check check(Connection connection, int maxListed) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
            exists.setString(1, TABLE);
            try (ResultSet rs = exists.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return new Check(0, 0, List.of());
                }
            }
        }
        long checked = 0;
        long erased = 0;
        List<DamagedFile> damaged = new ArrayList<>();
        // The hash of the bytes is computed by PostgreSQL next to them: no file travels to be checked.
        try (PreparedStatement files = connection.prepareStatement(
                "select e.global_index, e.event_identifier, e.aggregate_identifier, p.doc ->> 'attachmentId',"
                + " p.doc ->> 'sha256', c.attachment_id is not null, c.erased_at is not null,"
                + " case when c.content is null then null else encode(sha256(c.content), 'hex') end"
                + " from " + StoredEventFormat.EVENT_TABLE + " e"
                + " cross join lateral (select convert_from(e.payload, 'UTF8')::jsonb as doc) p"
                + " left join " + TABLE + " c on c.attachment_id = p.doc ->> 'attachmentId'"
                + " where e.payload_type = ? order by e.global_index")) {
            files.setString(1, PAYLOAD_TYPE);
            files.setFetchSize(500);
            try (ResultSet rs = files.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    String recorded = rs.getString(5);
                    String stored = rs.getString(8);
                    Damage damage = null;
                    String detail = null;
                    if (rs.getBoolean(7)) {
                        erased++;
                    } else if (!rs.getBoolean(6) || stored == null) {
                        damage = Damage.MISSING;
                        detail = "文件内容缺失 (the file's bytes are gone, and it was never erased)";
                    } else if (!stored.equalsIgnoreCase(recorded)) {
                        damage = Damage.ALTERED;
                        detail = "文件内容与事件记录的 SHA-256 不符 (the file's bytes no longer match the SHA-256 its event recorded)";
                    }
                    if (damage != null && damaged.size() < maxListed) {
                        damaged.add(new DamagedFile(damage, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                                    recorded, stored, detail));
                    }
                }
            }
        }
        return new Check(checked, erased, damaged);
    }
}
