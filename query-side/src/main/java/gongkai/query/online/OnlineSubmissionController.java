package gongkai.query.online;

import gongkai.events.access.Actor;
import gongkai.events.application.QueryCodes;
import gongkai.events.application.SubmissionReturned;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.papers.CaseFiles;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import jakarta.validation.Valid;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applications submitted online: the clerks' list of those awaiting confirmation, and what the applicant may see of
 * their own with the query code and the last four digits of their phone (state, dates, the answer's outcome; never
 * anything of another application, and the same "not found" for a wrong code as for wrong digits).
 */
@RestController
public class OnlineSubmissionController {

    public record StatusBody(@NotNull @Size(max = 40) String queryCode, @NotNull @Size(max = 8) String phoneLast4) {
    }

    private final JdbcTemplate jdbc;
    private final CaseFiles files;
    private final EventStore eventStore;

    public OnlineSubmissionController(JdbcTemplate jdbc, CaseFiles files, EventStore eventStore) {
        this.jdbc = jdbc;
        this.files = files;
        this.eventStore = eventStore;
    }

    /** The agency's submissions awaiting confirmation (or return), oldest first. */
    @GetMapping("/api/submissions")
    public Map<String, Object> pending(@RequestParam(required = false) String agencyId,
                                       @AuthenticationPrincipal Actor reader) {
        String agency = ReadAccess.listedAgency(reader, agencyId);
        List<Map<String, Object>> items = jdbc.query(
                "select application_id, submitted_at, applicant_type from online_submission "
                + "where agency_id = ? and not confirmed and returned_on is null order by submitted_at, application_id",
                (rs, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("applicationId", rs.getString(1));
                    item.put("submittedAt", rs.getTimestamp(2).toInstant());
                    item.put("applicantType", rs.getString(3));
                    return item;
                }, agency);
        return Map.of("agencyId", agency, "items", items);
    }

    /** The applicant's view of their application; 404 for any code and digits that do not belong together. */
    @PostMapping("/api/public/status")
    public Map<String, Object> status(@Valid @RequestBody StatusBody body) {
        String digest = QueryCodes.digest(body.queryCode(), body.phoneLast4().strip());
        List<Map<String, Object>> found = jdbc.query(
                "select s.application_id, s.agency_id, s.submitted_at, s.confirmed, s.returned_on, "
                + "c.agency_id as holder, c.state, c.received_on, c.due_on, c.concluded_on, c.outcome "
                + "from online_submission s left join application_case c on c.application_id = s.application_id "
                + "where s.access_digest = ?",
                (rs, i) -> {
                    Map<String, Object> view = new LinkedHashMap<>();
                    String holder = rs.getString("holder");
                    view.put("agencyId", holder != null ? holder : rs.getString("agency_id"));
                    view.put("submittedAt", rs.getTimestamp("submitted_at").toInstant());
                    String state = rs.getDate("returned_on") != null ? "RETURNED"
                                   : rs.getString("state") != null ? rs.getString("state") : "SUBMITTED";
                    view.put("state", state);
                    view.put("returnedOn", local(rs.getDate("returned_on")));
                    view.put("returnReason", rs.getDate("returned_on") != null ? returnReason(rs.getString("application_id")) : null);
                    view.put("receivedOn", local(rs.getDate("received_on")));
                    view.put("dueOn", local(rs.getDate("due_on")));
                    view.put("concludedOn", local(rs.getDate("concluded_on")));
                    view.put("outcome", rs.getString("outcome"));
                    return view;
                }, digest);
        if (found.size() != 1) {
            throw Problems.Refused.notFound("未找到与查询码和手机号后四位相符的申请 (nothing matches)");
        }
        return found.get(0);
    }

    /** The reason a submission was returned, from its event (personal data, kept in no read model; 已删除 once erased). */
    private String returnReason(String applicationId) {
        return eventStore.readEvents(applicationId, 0).asStream()
                         .map(DomainEventMessage::getPayload)
                         .filter(SubmissionReturned.class::isInstance)
                         .map(e -> ((SubmissionReturned) e).reason())
                         .reduce((first, last) -> last).orElse(null);
    }

    /**
     * The answer letter (答复书) of the applicant's own application, once answered: the same "not found" for a wrong
     * code or wrong digits as for an application that has no letter yet (docs/notices.md, "The letter on /track").
     */
    @PostMapping("/api/public/letter")
    public ResponseEntity<byte[]> letter(@Valid @RequestBody StatusBody body) {
        String digest = QueryCodes.digest(body.queryCode(), body.phoneLast4().strip());
        List<String> found = jdbc.queryForList("select application_id from online_submission where access_digest = ?",
                                               String.class, digest);
        CaseFiles.Content letter = (found.size() == 1 ? files.answerLetter(found.get(0)) : Optional.<CaseFiles.Content>empty())
                .orElseThrow(() -> Problems.Refused.notFound("没有可下载的答复书 (no answer letter for this code and phone)"));
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(letter.entry().contentType()))
                             .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                     .filename("答复书-" + letter.entry().addedOn() + ".docx", StandardCharsets.UTF_8)
                                     .build().toString())
                             .body(letter.bytes());
    }

    private static Object local(Date date) {
        return date == null ? null : date.toLocalDate();
    }

}
