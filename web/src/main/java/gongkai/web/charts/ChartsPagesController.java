package gongkai.web.charts;

import gongkai.web.access.SignedIn;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * The year in charts ({@link YearCharts}): on the report pages, one agency's year and every agency the
 * reader may see, each a link to its own charts; on the clerk's dashboard, the clerk's agency's year,
 * loaded beside the worklist (htmx) so that the worklist never waits for them.
 */
@Controller
public class ChartsPagesController {

    private final YearCharts charts;

    public ChartsPagesController(YearCharts charts) {
        this.charts = charts;
    }

    @GetMapping("/audit/reports/{agencyId}/{year}/charts")
    public String charts(@PathVariable String agencyId, @PathVariable int year, Model model) {
        List<YearCharts.Agency> agencies = charts.agencies(year);
        List<YearCharts.Chart> shown = new ArrayList<>(charts.of(agencyId, year));
        shown.add(charts.byAgency(agencies));
        model.addAttribute("agencyId", agencyId);
        model.addAttribute("year", year);
        model.addAttribute("charts", shown);
        model.addAttribute("agencies", agencies);
        return "audit/charts";
    }

    /** The dashboard's charts: the signed-in user's agency, the year asked (the dashboard's this year). */
    @GetMapping("/dashboard/charts/{year}")
    public String dashboard(@PathVariable int year, Model model) {
        String agency = SignedIn.current().agencyId();
        model.addAttribute("year", year);
        model.addAttribute("charts", agency == null ? List.of() : charts.of(agency, year));
        return "fragments/charts :: dashboard";
    }
}
