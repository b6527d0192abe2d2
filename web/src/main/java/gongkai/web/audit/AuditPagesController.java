package gongkai.web.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.access.SignedIn;
import gongkai.web.report.OfficialTables;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The auditor's pages: a year's report in the national form's tables ({@link OfficialTables}), every figure a link to what is behind it,
 * as of any instant ("as of" re-renders every table as the system knew it then); a figure's cases or
 * sources; a case's full history (personal data withheld as the query side withholds it); the changes
 * between two instants with the events that made them; the audit trail across cases.
 */
@Controller
public class AuditPagesController {

    private static final Set<String> CASE_TYPES = Set.of("application", "review", "lawsuit");

    private final Sides sides;
    private final OfficialTables officialTables;

    public AuditPagesController(Sides sides, OfficialTables officialTables) {
        this.sides = sides;
        this.officialTables = officialTables;
    }

    /** Which report: the user's agency (an admin names one) and a year, last year by default. */
    @GetMapping("/audit")
    public String index(@RequestParam(required = false) String agencyId, @RequestParam(required = false) Integer year,
                        Model model) {
        SignedIn user = SignedIn.current();
        String agency = agencyId != null && !agencyId.isBlank() ? agencyId.strip() : user.agencyId();
        if (agency != null && year != null) {
            return "redirect:/audit/reports/" + agency + "/" + year;
        }
        model.addAttribute("agencyId", agency);
        model.addAttribute("year", year != null ? year : LocalDate.now(Zh.BUSINESS_ZONE).getYear() - 1);
        return "audit/index";
    }

    @GetMapping("/audit/reports/{agencyId}/{year}")
    public String report(@PathVariable String agencyId, @PathVariable int year,
                         @RequestParam(required = false) String asOf, Model model) {
        String instant = instantOrError(asOf, "asOf", model);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", instant);
        JsonNode report = sides.read("/api/agencies/" + agencyId + "/reports/" + year, parameters);
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("year", year);
        model.addAttribute("asOf", pickerValue(asOf));
        model.addAttribute("asOfInstant", instant);
        model.addAttribute("report", sides.plain(report));
        model.addAttribute("tables", officialTables.of(report, agencyId, year, instant));
        model.addAttribute("failedChecks", failedChecks(report.get("checks")));
        return "audit/report";
    }

    /** The cases (table 三) or sources (tables 二 and 四) behind one figure. */
    @GetMapping("/audit/reports/{agencyId}/{year}/cells/{rowKey}/{columnKey}")
    public String cell(@PathVariable String agencyId, @PathVariable int year, @PathVariable String rowKey,
                       @PathVariable String columnKey, @RequestParam(required = false) String asOf, Model model) {
        String instant = instantOrError(asOf, "asOf", model);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("asOf", instant);
        JsonNode cell = sides.read("/api/agencies/" + agencyId + "/reports/" + year + "/cells/" + rowKey + "/" + columnKey,
                                   parameters);
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("year", year);
        model.addAttribute("asOf", asOf == null ? "" : asOf);
        model.addAttribute("rowLabel", officialTables.rowLabel(rowKey));
        model.addAttribute("columnLabel", officialTables.columnLabel(rowKey, columnKey));
        model.addAttribute("cell", sides.plain(cell));
        return "audit/cell";
    }

    /** A case's full history, oldest first, as the query side lets this user see it. */
    @GetMapping("/audit/cases/{caseType}/{caseId}")
    public String history(@PathVariable String caseType, @PathVariable String caseId, Model model) {
        if (!CASE_TYPES.contains(caseType)) {
            throw new Refused(404, "no such case type", Map.of());
        }
        JsonNode history = sides.read("/api/" + caseType + "s/" + caseId + "/history");
        model.addAttribute("history", sides.plain(history));
        model.addAttribute("caseType", caseType);
        return "audit/history";
    }

    /** The figures that changed between two instants (to: now when empty), each with the events that moved it. */
    @GetMapping("/audit/reports/{agencyId}/{year}/diff")
    public String diff(@PathVariable String agencyId, @PathVariable int year, @RequestParam(required = false) String from,
                       @RequestParam(required = false) String to, Model model) {
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("year", year);
        model.addAttribute("from", pickerValue(from));
        model.addAttribute("to", pickerValue(to));
        String start = instantOrError(from, "from", model);
        String end = instantOrError(to, "to", model);
        if (start != null && !model.containsAttribute("inputError")) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("from", start);
            parameters.put("to", end);
            try {
                model.addAttribute("diff", sides.plain(sides.read("/api/agencies/" + agencyId + "/reports/" + year + "/diff",
                                                                  parameters)));
            } catch (Refused refused) {
                if (refused.status() != 400) {
                    throw refused;
                }
                model.addAttribute("inputError", Zh.chinese(refused.detail()));
            }
        }
        return "audit/diff";
    }

    /** The audit trail: by agency, user, case type, event type and time, paged, each row in words. */
    @GetMapping("/audit/trail")
    public String trail(@RequestParam(required = false) String agencyId, @RequestParam(required = false) String actor,
                        @RequestParam(required = false) String type, @RequestParam(required = false) String eventType,
                        @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                        @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("agencyId", agencyId);
        filters.put("actor", actor);
        filters.put("type", type);
        filters.put("eventType", eventType);
        filters.put("from", from);
        filters.put("to", to);
        model.addAttribute("filters", filters);
        Map<String, Object> parameters = new LinkedHashMap<>(filters);
        parameters.put("from", dateOrInstant(from));
        parameters.put("to", dateOrInstant(to));
        parameters.put("page", Math.max(0, page));
        parameters.put("size", 50);
        try {
            JsonNode found = sides.read("/api/audit/events", parameters);
            model.addAttribute("found", sides.plain(found));
            model.addAttribute("pages", Math.max(1, (found.path("total").asInt() + 49) / 50));
        } catch (Refused refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("inputError", Zh.chinese(refused.detail()));
        }
        return "audit/trail";
    }

    private static List<String> failedChecks(JsonNode checks) {
        List<String> failed = new ArrayList<>();
        if (checks != null) {
            for (JsonNode check : checks) {
                if (check.has("passed") && !check.get("passed").asBoolean()) {
                    failed.add(check.path("name").asText() + "：" + check.path("detail").asText());
                }
            }
        }
        return failed;
    }

    /**
     * The instant of a page's "as of" field, for the sides: a date-time picker's local time is Beijing
     * time; an instant with an offset (a publication's link) is taken as it is. Null when empty.
     */
    static String instant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toString();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return java.time.Instant.parse(v).toString();
            } catch (DateTimeParseException notAnInstant) {
                return LocalDateTime.parse(v).atZone(Zh.BUSINESS_ZONE).toOffsetDateTime().toString();
            }
        }
    }

    /** What a date-time picker shows for a value: Beijing time to the second (an instant is converted). */
    static String pickerValue(String value) {
        try {
            String instant = instant(value);
            return instant == null ? "" : OffsetDateTime.parse(instant).atZoneSameInstant(Zh.BUSINESS_ZONE)
                                                        .toLocalDateTime().withNano(0).toString();
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    private static String instantOrError(String value, String field, Model model) {
        try {
            return instant(value);
        } catch (DateTimeParseException e) {
            model.addAttribute("inputError", "时间格式有误 (" + field + ")");
            return null;
        }
    }

    /** A date (a day in Beijing time) as it is, or a picker's local time as an instant. */
    private static String dateOrInstant(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.strip().length() == 10 ? value.strip() : instant(value);
    }
}
