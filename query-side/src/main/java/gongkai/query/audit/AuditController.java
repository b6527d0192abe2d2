package gongkai.query.audit;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.query.access.ReadAccess;
import gongkai.http.Problems;
import gongkai.query.chain.ChainHead;
import gongkai.query.chain.ChainVerification;
import gongkai.query.chain.EventChain;
import gongkai.query.chain.Verification;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The auditors' tools (README, "Auditors' tools"): the history of any case, the audit trail across cases, the
 * difference of a report between two instants, and the verification of the event store against
 * its hash chain.
 */
@RestController
public class AuditController {

    private static final int MAX_PAGE_SIZE = 500;
    private static final int MAX_PROBLEMS_LISTED = 1000;
    /** Dates given for instants are days in Asia/Shanghai, like every business date. */
    private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");

    private final CaseHistory histories;
    private final AuditTrail trail;
    private final ReportDiff diffs;
    private final EventChain chain;
    private final DataSource dataSource;

    public AuditController(CaseHistory histories, AuditTrail trail, ReportDiff diffs, EventChain chain,
                           DataSource dataSource) {
        this.histories = histories;
        this.trail = trail;
        this.diffs = diffs;
        this.chain = chain;
        this.dataSource = dataSource;
    }

    /** Every event of a case, oldest first; the same for any kind of case. */
    @GetMapping({"/api/applications/{id}/history", "/api/reviews/{id}/history", "/api/lawsuits/{id}/history"})
    public CaseHistory.View history(@PathVariable String id, @AuthenticationPrincipal Actor reader) {
        return histories.of(id, reader).orElseThrow(() -> Problems.Refused.notFound(
                "未找到该案件 (no case " + id + " that you may read)"));
    }

    /** The audit trail across cases, oldest first: by agency, user, case type, event type, case and time. */
    @GetMapping("/api/audit/events")
    public Map<String, Object> events(@RequestParam(required = false) String agencyId,
                                      @RequestParam(required = false) String actor,
                                      @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String type,
                                      @RequestParam(required = false) String eventType,
                                      @RequestParam(required = false) String caseId,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size,
                                      @AuthenticationPrincipal Actor reader) {
        String agency = agencyId;
        if (agency == null && !reader.is(Role.ADMIN)) {
            agency = reader.agencyId();
        }
        if (agency != null) {
            ReadAccess.requireAgency(reader, agency);
        }
        ReadAccess.requirePage(page, size, MAX_PAGE_SIZE);
        Instant start = instant("from", from, false);
        Instant end = instant("to", to, true);
        if (start != null && end != null && end.isBefore(start)) {
            throw Problems.Refused.badInput("to", "结束时间早于开始时间 (to is before from)");
        }
        AuditTrail.Page found = trail.search(new AuditTrail.Search(agency, blankToNull(actor), caseType(type),
                                                                   blankToNull(eventType), blankToNull(caseId), start, end),
                                             page, size);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", found.page());
        answer.put("size", found.size());
        answer.put("total", found.total());
        answer.put("items", found.items().stream().map(AuditController::item).toList());
        return answer;
    }

    /** How table 三 changed between two instants ({@code to} defaults to now), with the events behind each change. */
    @GetMapping("/api/agencies/{agencyId}/reports/{year}/diff")
    public ReportDiff.Diff diff(@PathVariable String agencyId, @PathVariable int year,
                                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
                                @RequestParam(required = false)
                                @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
                                @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        if (year < 2000 || year > 2100) {
            throw Problems.Refused.badInput("year", "年份超出范围 (year must be between 2000 and 2100)");
        }
        Instant end = to == null ? Instant.now() : to.toInstant();
        if (end.isBefore(from.toInstant())) {
            throw Problems.Refused.badInput("to", "结束时间早于开始时间 (to is before from)");
        }
        return diffs.between(agencyId, year, from.toInstant(), end);
    }

    /** Whether the stored event stream is intact; for auditors and admins. */
    @GetMapping("/api/audit/verification")
    public Verification verification(@RequestParam(required = false) Long anchorIndex,
                                     @RequestParam(required = false) String anchorHash,
                                     @AuthenticationPrincipal Actor reader) {
        requireAuditorOrAdmin(reader);
        return verify(anchorIndex, anchorHash);
    }

    /** The same verification, for an admin's scripts (admin only, see QuerySecurity). */
    @PostMapping("/api/admin/verification")
    public Verification adminVerification(@RequestParam(required = false) Long anchorIndex,
                                          @RequestParam(required = false) String anchorHash) {
        return verify(anchorIndex, anchorHash);
    }

    /** The head of the hash chain now: what a publication records. */
    @GetMapping("/api/audit/chain/head")
    public ChainHead chainHead() {
        return chain.head();
    }

    /** The link of the hash chain at one event: to compare with a head recorded earlier. */
    @GetMapping("/api/audit/chain/{globalIndex}")
    public ChainHead chainLink(@PathVariable long globalIndex) {
        return chain.linkAt(globalIndex).orElseThrow(() -> Problems.Refused.notFound(
                "哈希链中没有该位置 (no link at global index " + globalIndex + ")"));
    }

    /** Verification is for auditors and admins. */
    static void requireAuditorOrAdmin(Actor reader) {
        if (!reader.is(Role.AUDITOR) && !reader.is(Role.ADMIN)) {
            throw Problems.Refused.forbidden("只有审计员和管理员可以核验事件存储 (verification is for auditors and admins)");
        }
    }

    /** An anchor is both its global index and its hash, or neither. */
    static void requireAnchor(Long anchorIndex, String anchorHash) {
        if ((anchorIndex == null) != (anchorHash == null)) {
            throw Problems.Refused.badInput(anchorIndex == null ? "anchorIndex" : "anchorHash",
                                            "anchorIndex 与 anchorHash 须同时给出 (give both anchorIndex and anchorHash)");
        }
        if (anchorHash != null && !anchorHash.matches("[0-9a-fA-F]{64}")) {
            throw Problems.Refused.badInput("anchorHash", "须为 64 位十六进制 SHA-256 (anchorHash must be 64 hex digits)");
        }
    }

    private Verification verify(Long anchorIndex, String anchorHash) {
        requireAnchor(anchorIndex, anchorHash);
        try (Connection connection = dataSource.getConnection()) {
            return ChainVerification.verify(connection, anchorIndex, anchorHash, MAX_PROBLEMS_LISTED);
        } catch (SQLException e) {
            throw new IllegalStateException("the verification could not read the event store", e);
        }
    }

    private static Map<String, Object> item(AuditTrail.Entry e) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("globalIndex", e.globalIndex());
        item.put("eventId", e.eventId());
        item.put("type", e.type());
        item.put("caseType", e.caseType());
        item.put("caseId", e.caseId());
        item.put("agencyId", e.agencyId());
        item.put("actor", e.actor());
        item.put("businessDate", e.businessDate());
        item.put("recordedAt", e.recordedAt());
        item.put("summary", e.summary());
        item.put("history", historyPath(e.caseType(), e.caseId()));
        return item;
    }

    private static String historyPath(String caseType, String caseId) {
        if (caseType == null || caseId == null) {
            return null;
        }
        return switch (caseType) {
            case "application" -> "/api/applications/" + caseId + "/history";
            case "review" -> "/api/reviews/" + caseId + "/history";
            case "lawsuit" -> "/api/lawsuits/" + caseId + "/history";
            default -> null;
        };
    }

    /** {@code application}, {@code applications} and {@code Application} all mean the case type {@code application}. */
    static String caseType(String type) {
        String t = blankToNull(type);
        if (t == null) {
            return null;
        }
        t = Character.toLowerCase(t.charAt(0)) + t.substring(1);
        return t.length() > 1 && t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
    }

    /** An instant with offset, or a date (Asia/Shanghai): its start, or for the end of a range the next day's start. */
    static Instant instant(String name, String value, boolean end) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(v);
                return (end ? day.plusDays(1) : day).atStartOfDay(BUSINESS_ZONE).toInstant();
            } catch (DateTimeParseException notADate) {
                throw Problems.Refused.badInput(name, "不是有效的时间 (" + name
                                                      + " must be an instant with offset or a date YYYY-MM-DD)");
            }
        }
    }

    private static String blankToNull(String value) {
        // trim() also takes control characters (a NUL byte) that isBlank() keeps: nothing left is blank too
        String trimmed = value == null ? null : value.trim();
        return trimmed == null || trimmed.isBlank() ? null : trimmed;
    }
}
