package gongkai.web.oversight;

import gongkai.events.agency.AgencyKind;
import gongkai.web.access.SignedIn;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 督查: the oversight board of the user's agency (an admin names one) for a year, as the query side answers it
 * (docs/agencies.md, "Oversight board"): every agency under it, who has published, who is late, failed checks,
 * changes since publication, open and overdue cases; each column header sorts by it.
 */
@Controller
public class OversightPageController {

    /** The board's columns, each sortable: the query side's key and the header shown. */
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("name", "机关");
        COLUMNS.put("kind", "类别");
        COLUMNS.put("deadline", "期限");
        COLUMNS.put("publishedOn", "发布日期");
        COLUMNS.put("late", "逾期");
        COLUMNS.put("failedChecks", "校验未通过");
        COLUMNS.put("changedSincePublication", "发布后变动");
        COLUMNS.put("applications", "本年申请");
        COLUMNS.put("open", "未办结");
        COLUMNS.put("overdue", "已超期");
        COLUMNS.put("onTimeRate", "按时答复率");
    }

    /** The kinds of agency as the board shows them (docs/agencies.md). */
    static final Map<String, String> KINDS = Arrays.stream(AgencyKind.values())
                                                   .collect(Collectors.toMap(Enum::name, AgencyKind::label));

    private final Sides sides;

    public OversightPageController(Sides sides) {
        this.sides = sides;
    }

    /** Last year's board: the reports published in the present year. */
    @GetMapping("/oversight")
    public String index(@RequestParam(required = false) String agencyId) {
        int lastYear = LocalDate.now(Zh.BUSINESS_ZONE).getYear() - 1;
        return "redirect:/oversight/" + lastYear + (agencyId == null || agencyId.isBlank() ? "" : "?agencyId=" + agencyId.strip());
    }

    @GetMapping("/oversight/{year}")
    public String board(@PathVariable int year, @RequestParam(required = false) String agencyId,
                        @RequestParam(required = false) String sort, @RequestParam(defaultValue = "asc") String order,
                        Model model) {
        String agency = agencyId != null && !agencyId.isBlank() ? agencyId.strip() : SignedIn.current().agencyId();
        model.addAttribute("year", year);
        model.addAttribute("agencyId", agency);
        model.addAttribute("sort", sort);
        model.addAttribute("order", order);
        model.addAttribute("columns", COLUMNS.entrySet());
        model.addAttribute("kinds", KINDS);
        if (agency == null) {
            return "oversight/board";
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("sort", sort);
        parameters.put("order", order);
        model.addAttribute("board", sides.plain(sides.read("/api/agencies/" + agency + "/oversight/" + year, parameters)));
        return "oversight/board";
    }
}
