package gongkai.query.personal;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.audit.CaseHistory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Showing an applicant's personal data in full, and the log of every such showing (个人信息保护法
 * 第五十一条, docs/personal-data.md): a clerk of the case's agency asks, saying why, and gets the history
 * with the ID number and phone unmasked; the showing is recorded (who, when, which case, why) in the same
 * transaction as it is read. Auditors list the log per case and per user.
 */
@RestController
public class PersonalDataController {

    public record DisclosureBody(@NotBlank @Size(max = 500) String reason) {
    }

    private static final int MAX_PAGE_SIZE = 500;

    private final CaseHistory histories;
    private final JdbcTemplate jdbc;

    public PersonalDataController(CaseHistory histories, JdbcTemplate jdbc) {
        this.histories = histories;
        this.jdbc = jdbc;
    }

    @PostMapping("/api/applications/{id}/personal-data/disclosure")
    @Transactional
    public CaseHistory.View disclose(@PathVariable String id, @Valid @RequestBody DisclosureBody body,
                                     @AuthenticationPrincipal Actor reader) {
        CaseHistory.View view = histories.of(id, reader, true).orElseThrow(() -> Problems.Refused.notFound(
                "没有这个案件 (no application " + id + " that you may read)"));
        if (!reader.is(Role.CLERK) || !reader.agencyId().equals(view.agencyId())) {
            throw Problems.Refused.forbidden("只有本机关的经办人员可以查看完整的个人信息 (only the clerks of the case's agency)");
        }
        if (view.personalData().equals("sealed")) {
            throw new Problems.Refused(HttpStatus.CONFLICT, null,
                                       "个人信息已封存，须先说明法定理由解除封存 (the personal data is sealed: unseal it first)");
        }
        jdbc.update("insert into personal_data_access (case_id, agency_id, username, reason) values (?, ?, ?, ?)",
                    id, view.agencyId(), reader.username(), body.reason().strip());
        return view;
    }

    /** The showings in full, newest first, of one case or by one user (auditors and admins; an auditor's own agency). */
    @GetMapping("/api/audit/personal-data-access")
    public Map<String, Object> accesses(@RequestParam(required = false) String caseId,
                                        @RequestParam(required = false) String username,
                                        @RequestParam(required = false) String agencyId,
                                        @RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "100") int size,
                                        @AuthenticationPrincipal Actor reader) {
        if (!reader.is(Role.AUDITOR) && !reader.is(Role.ADMIN)) {
            throw Problems.Refused.forbidden("只有审计员和管理员可以查看个人信息查阅记录 (auditors and admins only)");
        }
        ReadAccess.requirePage(page, size, MAX_PAGE_SIZE);
        String agency = ReadAccess.listedAgency(reader, agencyId);
        StringBuilder where = new StringBuilder(" where agency_id = ?");
        List<Object> args = new ArrayList<>(List.of(agency));
        if (caseId != null && !caseId.isBlank()) {
            where.append(" and case_id = ?");
            args.add(caseId);
        }
        if (username != null && !username.isBlank()) {
            where.append(" and username = ?");
            args.add(username);
        }
        Integer total = jdbc.queryForObject("select count(*) from personal_data_access" + where, Integer.class, args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<Map<String, Object>> items = jdbc.query(
                "select case_id, username, reason, read_at from personal_data_access" + where
                + " order by read_at desc, id desc limit ? offset ?",
                (rs, i) -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("caseId", rs.getString("case_id"));
                    item.put("username", rs.getString("username"));
                    item.put("reason", rs.getString("reason"));
                    item.put("readAt", rs.getTimestamp("read_at", java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")))
                                         .toInstant());
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
}
