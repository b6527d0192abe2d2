package gongkai.query.proactive;

import gongkai.events.proactive.DocumentKind;
import gongkai.query.counting.ProactiveCounting.DocumentFacts;
import gongkai.query.counting.ProactiveCounting.OpeningBalance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The tables {@code document_case} and {@code opening_balance}: the present facts of an agency's documents. */
@Repository
public class Documents {

    private static final RowMapper<DocumentFacts> FACTS = (rs, i) -> new DocumentFacts(
            rs.getString("document_id"), rs.getString("agency_id"), DocumentKind.valueOf(rs.getString("kind")),
            rs.getString("title"), rs.getDate("issued_on").toLocalDate(),
            rs.getDate("repealed_on") == null ? null : rs.getDate("repealed_on").toLocalDate());

    private final JdbcTemplate jdbc;

    public Documents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(DocumentFacts d) {
        jdbc.update("insert into document_case (document_id, agency_id, kind, title, issued_on, repealed_on) "
                    + "values (?, ?, ?, ?, ?, ?) on conflict (document_id) do update set repealed_on = excluded.repealed_on",
                    d.documentId(), d.agencyId(), d.kind().name(), d.title(), Date.valueOf(d.issuedOn()),
                    date(d.repealedOn()));
    }

    public DocumentFacts find(String documentId) {
        List<DocumentFacts> found = jdbc.query("select * from document_case where document_id = ?", FACTS, documentId);
        return found.isEmpty() ? null : found.get(0);
    }

    public List<DocumentFacts> ofAgency(String agencyId) {
        return jdbc.query("select * from document_case where agency_id = ? order by issued_on, document_id", FACTS,
                          agencyId);
    }

    public void saveOpeningBalance(String agencyId, OpeningBalance balance) {
        jdbc.update("insert into opening_balance (agency_id, as_of, rules, normative_documents) values (?, ?, ?, ?) "
                    + "on conflict (agency_id) do update set as_of = excluded.as_of, rules = excluded.rules, "
                    + "normative_documents = excluded.normative_documents",
                    agencyId, Date.valueOf(balance.asOf()), balance.rules(), balance.normativeDocuments());
    }

    /** The agency's opening balance, or null when it has none. */
    public OpeningBalance openingBalance(String agencyId) {
        List<OpeningBalance> found = jdbc.query(
                "select as_of, rules, normative_documents from opening_balance where agency_id = ?",
                (rs, i) -> new OpeningBalance(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getInt(3)), agencyId);
        return found.isEmpty() ? null : found.get(0);
    }

    public void deleteAll() {
        jdbc.update("delete from document_case");
        jdbc.update("delete from opening_balance");
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }
}
