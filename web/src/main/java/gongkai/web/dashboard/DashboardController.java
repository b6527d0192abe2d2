package gongkai.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 工作台: the counts of the agency's open cases and the worklist, soonest due first, in pages of 50.
 * Filters and the search are posted (by htmx, or as a plain form without script), never put in the
 * address: the search words may be an applicant's name.
 */
@Controller
public class DashboardController {

    static final int PAGE_SIZE = 50;

    /** The worklist's filters as the form posts them; blank means "any". */
    public record Filters(String state, String receivedFrom, String receivedTo, String channel, String applicantType,
                          String q, Integer page) {

        static Filters none() {
            return new Filters(null, null, null, null, null, null, 0);
        }

        int pageOrFirst() {
            return page == null || page < 0 ? 0 : page;
        }
    }

    private final Sides sides;

    public DashboardController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/")
    public String dashboard(Model model) {
        return whole(Filters.none(), model);
    }

    @PostMapping("/")
    public String filtered(@ModelAttribute Filters filters, Model model,
                           @RequestHeader(value = "HX-Request", required = false) String htmx) {
        if (htmx != null) {
            show(filters, model);
            return "dashboard :: worklist";
        }
        return whole(filters, model);
    }

    /**
     * The whole dashboard: the counts, the worklist, and the warning of a calendar year nobody has entered
     * yet that open cases run into (their due dates are then provisional, 暂定: docs/lifecycle.md, "5.
     * Working days and the calendars"), each read beside the others.
     */
    private String whole(Filters filters, Model model) {
        var counts = sides.beside(() -> sides.read("/api/applications/counts", Map.of()));
        var warnings = sides.beside(() -> sides.read("/api/calendars/warnings", Map.of()));
        show(filters, model);
        model.addAttribute("counts", sides.plain(Sides.answerOf(counts)));
        model.addAttribute("calendarWarnings", sides.plain(Sides.answerOf(warnings)).get("warnings"));
        return "dashboard";
    }

    /**
     * The worklist or search the filters select, every page of it, as XLSX (the query side's sheet, without
     * personal data). Posted like the filters, so that search words never appear in an address.
     */
    @PostMapping("/applications/export")
    public org.springframework.http.ResponseEntity<byte[]> export(@ModelAttribute Filters filters) {
        return sides.fetch("/api/applications/export", selection(filters));
    }

    /** What the filters select, as the query side's parameters (no state chosen: the open cases). */
    private static Map<String, Object> selection(Filters filters) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("open", filters.state() == null || filters.state().isBlank() ? "true" : null);
        parameters.put("state", filters.state());
        parameters.put("receivedFrom", filters.receivedFrom());
        parameters.put("receivedTo", filters.receivedTo());
        parameters.put("channel", filters.channel());
        parameters.put("applicantType", filters.applicantType());
        parameters.put("q", filters.q() == null ? null : filters.q().strip());
        return parameters;
    }

    private void show(Filters filters, Model model) {
        Map<String, Object> parameters = selection(filters);
        parameters.put("page", filters.pageOrFirst());
        parameters.put("size", PAGE_SIZE);
        model.addAttribute("filters", filters);
        model.addAttribute("channels", Arrays.stream(Channel.values()).map(Enum::name).toList());
        model.addAttribute("applicantTypes", Arrays.stream(ApplicantType.values()).map(Enum::name).toList());
        model.addAttribute("states", List.of("DUE_SOON", "OVERDUE", "AWAITING_SIGN_IN", "EXTENSION_REQUESTED", "IN_PROGRESS", "AWAITING_SUPPLEMENT",
                                             "IN_CONSULTATION", "AWAITING_FEE", "REOPENED", "CONCLUDED", "WITHDRAWN"));
        try {
            JsonNode list = sides.read("/api/applications", parameters);
            int total = list.path("total").asInt();
            model.addAttribute("list", sides.plain(list));
            model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        } catch (Refused refused) {
            if (refused.status() != 400) {
                throw refused;
            }
            model.addAttribute("filterError", Zh.chinese(refused.detail()));
            model.addAttribute("filterErrors", refused.fieldErrors());
        }
    }
}
