package gongkai.query.notices;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.report.AgencyNames;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The record of messages sent, for auditors and admins, and the agencies' templates, for admins (docs/notices.md;
 * docs/http-api.md, "Reminders and notices").
 */
@RestController
public class NoticeController {

    public record TemplateBody(@NotBlank @Size(max = MessageTemplate.MAX_SUBJECT) String subject,
                               @NotBlank @Size(max = MessageTemplate.MAX_BODY) String body) {
    }

    private static final int MAX_PAGE_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final NoticeTemplates templates;
    private final AgencyNames agencyNames;

    public NoticeController(JdbcTemplate jdbc, NoticeTemplates templates, AgencyNames agencyNames) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.agencyNames = agencyNames;
    }

    /**
     * The messages of an agency, newest first: kind, channel, case, the recipient (a clerk's name, or the applicant)
     * and their address masked, the template, the status and outcome, when owed and when sent. Never a text.
     */
    @GetMapping("/api/notices/messages")
    public Map<String, Object> messages(@RequestParam(required = false) String agencyId,
                                        @RequestParam(required = false) String caseId,
                                        @RequestParam(required = false) String status,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "100") int size,
                                        @AuthenticationPrincipal Actor reader) {
        if (!reader.is(Role.AUDITOR) && !reader.is(Role.ADMIN)) {
            throw Problems.Refused.forbidden("只有审计员和管理员可以查看消息记录 (auditors and admins only)");
        }
        ReadAccess.requirePage(page, size, MAX_PAGE_SIZE);
        String agency = ReadAccess.listedAgency(reader, agencyId);
        StringBuilder where = new StringBuilder(" where agency_id = ?");
        List<Object> args = new ArrayList<>(List.of(agency));
        if (caseId != null && !caseId.isBlank()) {
            where.append(" and case_id = ?");
            args.add(caseId);
        }
        if (status != null && !status.isBlank()) {
            OutgoingMessages.Status wanted = Arrays.stream(OutgoingMessages.Status.values())
                                                   .filter(s -> s.name().equals(status.toUpperCase(Locale.ROOT))).findFirst()
                                                   .orElseThrow(() -> Problems.Refused.badInput("status", "状态须为 "
                                                           + Arrays.toString(OutgoingMessages.Status.values()) + " 之一"));
            where.append(" and status = ?");
            args.add(wanted.name());
        }
        Integer total = jdbc.queryForObject("select count(*) from outgoing_message" + where, Integer.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Map<String, Object>> items = jdbc.query(
                "select * from outgoing_message" + where + " order by created_at desc, id desc limit ? offset ?",
                (rs, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", rs.getLong("id"));
                    item.put("kind", rs.getString("kind"));
                    item.put("channel", rs.getString("channel"));
                    item.put("caseId", rs.getString("case_id"));
                    item.put("recipient", rs.getString("recipient_username") == null ? "APPLICANT"
                                                                                     : rs.getString("recipient_username"));
                    item.put("address", rs.getString("recipient_masked"));
                    item.put("template", rs.getString("template"));
                    item.put("status", rs.getString("status"));
                    item.put("outcome", rs.getString("outcome"));
                    item.put("referenceDate", rs.getDate("reference_date") == null ? null
                                                                                   : rs.getDate("reference_date").toLocalDate());
                    item.put("createdAt", instant(rs.getTimestamp("created_at")));
                    item.put("sentAt", instant(rs.getTimestamp("sent_at")));
                    return item;
                }, args.toArray());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agency);
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total);
        answer.put("items", items);
        return answer;
    }

    /** Every kind of message with the template the agency's messages go with now (its own, or the built-in one). */
    @GetMapping("/api/admin/notice-templates/{agencyId}")
    public Map<String, Object> templates(@PathVariable String agencyId) {
        requireAgency(agencyId);
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (NoticeKind kind : NoticeKind.values()) {
            kinds.add(view(agencyId, kind));
        }
        return Map.of("agencyId", agencyId, "templates", kinds);
    }

    /** The agency's own template of a kind; its placeholders must be those of the kind (400 naming the others). */
    @PutMapping("/api/admin/notice-templates/{agencyId}/{kind}")
    public Map<String, Object> put(@PathVariable String agencyId, @PathVariable String kind,
                                   @Valid @RequestBody TemplateBody body, @AuthenticationPrincipal Actor admin) {
        requireAgency(agencyId);
        NoticeKind known = kind(kind);
        MessageTemplate template = new MessageTemplate(body.subject().strip(), body.body().strip());
        template.problemFor(known).ifPresent(problem -> {
            throw Problems.Refused.badInput(problem.startsWith("标题") ? "subject" : "body", problem);
        });
        templates.put(agencyId, known, template, admin.username(), Instant.now());
        return view(agencyId, known);
    }

    /** Back to the built-in template of the kind. */
    @DeleteMapping("/api/admin/notice-templates/{agencyId}/{kind}")
    public Map<String, Object> remove(@PathVariable String agencyId, @PathVariable String kind) {
        requireAgency(agencyId);
        NoticeKind known = kind(kind);
        templates.remove(agencyId, known);
        return view(agencyId, known);
    }

    private Map<String, Object> view(String agencyId, NoticeKind kind) {
        NoticeTemplates.Chosen chosen = templates.of(agencyId, kind);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kind", kind.name());
        view.put("audience", kind.audience().name());
        view.put("builtIn", chosen.builtIn());
        view.put("subject", chosen.template().subject());
        view.put("body", chosen.template().body());
        view.put("placeholders", kind.placeholders());
        view.put("updatedAt", chosen.updatedAt());
        view.put("updatedBy", chosen.updatedBy());
        return view;
    }

    private void requireAgency(String agencyId) {
        if (agencyNames.name(agencyId) == null) {
            throw Problems.Refused.notFound("机关不存在 (no agency " + agencyId + ")");
        }
    }

    private static NoticeKind kind(String kind) {
        return Arrays.stream(NoticeKind.values()).filter(k -> k.name().equals(kind)).findFirst().orElseThrow(
                () -> Problems.Refused.notFound("没有这种消息 (no kind " + kind + "; kinds: "
                                                + Arrays.toString(NoticeKind.values()) + ")"));
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}
