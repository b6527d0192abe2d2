package gongkai.web.oversight;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.access.SignedIn;
import gongkai.web.report.OfficialTables;
import gongkai.web.sides.Sides;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.Map;

/**
 * 汇总: the figures of an agency and every agency under it for a year, as the query side sums them
 * ({@code GET /api/agencies/{a}/reports/{year}?scope=subtree}, docs/agencies.md "Roll-ups"), with the agencies
 * summed, each a link to its own report. Not a statutory report (条例第五十条: each organ reports for itself), so the
 * page says so. Every figure links to its drill-down: the roll-up's figure and each agency's part, each part a link to
 * that agency's own figure, which lists its cases.
 */
@Controller
public class RollUpPageController {

    private final Sides sides;
    private final OfficialTables officialTables;

    public RollUpPageController(Sides sides, OfficialTables officialTables) {
        this.sides = sides;
        this.officialTables = officialTables;
    }

    @GetMapping("/oversight/{year}/rollup")
    public String rollUp(@PathVariable int year, @RequestParam(required = false) String agencyId, Model model) {
        String agency = agencyOf(agencyId);
        if (agency == null) {
            return "redirect:/oversight/" + year;
        }
        JsonNode report = sides.read("/api/agencies/" + agency + "/reports/" + year, Map.of("scope", "subtree"));
        String base = UriComponentsBuilder.fromPath("/oversight/{y}/rollup/cells/").buildAndExpand(year).encode().toUriString();
        String query = UriComponentsBuilder.newInstance().queryParam("agencyId", agency).encode().build().toUriString();
        model.addAttribute("year", year);
        model.addAttribute("agencyId", agency);
        model.addAttribute("report", sides.plain(report));
        model.addAttribute("tables", officialTables.linked(report, base, query));
        return "oversight/rollup";
    }

    /** One figure of the roll-up: its sum and each agency's part, each a link to that agency's own figure. */
    @GetMapping("/oversight/{year}/rollup/cells/{rowKey}/{columnKey}")
    public String cell(@PathVariable int year, @PathVariable String rowKey, @PathVariable String columnKey,
                       @RequestParam(required = false) String agencyId, Model model) {
        String agency = agencyOf(agencyId);
        if (agency == null) {
            return "redirect:/oversight/" + year;
        }
        JsonNode cell = sides.read("/api/agencies/" + agency + "/reports/" + year + "/cells/" + rowKey + "/" + columnKey,
                                   Map.of("scope", "subtree"));
        model.addAttribute("year", year);
        model.addAttribute("agencyId", agency);
        model.addAttribute("rowLabel", officialTables.rowLabel(rowKey));
        model.addAttribute("columnLabel", officialTables.columnLabel(rowKey, columnKey));
        model.addAttribute("rowKey", rowKey);
        model.addAttribute("columnKey", columnKey);
        model.addAttribute("cell", sides.plain(cell));
        return "oversight/rollup-cell";
    }

    private static String agencyOf(String agencyId) {
        return agencyId != null && !agencyId.isBlank() ? agencyId.strip() : SignedIn.current().agencyId();
    }
}
