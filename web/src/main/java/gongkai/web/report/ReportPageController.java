package gongkai.web.report;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.access.SignedIn;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The year's report for the clerk: tables 二, 三 and 四 in the official layout ({@link OfficialTables}), each figure
 * a link to what is behind it,
 * the failed checks on top, the narrative editor (section 一 started from the draft the figures give),
 * publication with a confirmation of what will be frozen, and the downloads, passed through.
 */
@Controller
public class ReportPageController {

    private static final Set<String> DOWNLOADS = Set.of("xlsx", "docx", "csv");

    private final Sides sides;
    private final OfficialTables officialTables;

    public ReportPageController(Sides sides, OfficialTables officialTables) {
        this.sides = sides;
        this.officialTables = officialTables;
    }

    /** Last year's report: the one a clerk writes and publishes at the start of a year. */
    @GetMapping("/reports")
    public String lastYear() {
        return "redirect:/reports/" + (LocalDate.now(Zh.BUSINESS_ZONE).getYear() - 1);
    }

    @GetMapping("/reports/{year}")
    public ModelAndView report(@PathVariable int year) {
        return page(year, null, null, HttpStatus.OK);
    }

    /**
     * The report in the national layout, to print, as the query side renders it (its own styles, no script),
     * its figures leading to the drill-down page instead of the query side's API.
     */
    @GetMapping("/reports/{year}/official")
    public ResponseEntity<byte[]> official(@PathVariable int year) {
        String agency = agency();
        ResponseEntity<byte[]> html = sides.fetch("/api/agencies/{a}/reports/{y}?format=html", agency, year);
        return ResponseEntity.ok()
                             .header(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                             // the rendering carries its own style sheet in the page; it runs no script
                             .header("Content-Security-Policy", "default-src 'self'; style-src 'self' 'unsafe-inline'; "
                                                                + "script-src 'none'; frame-ancestors 'self'")
                             .body(pageLinks(html.getBody(), agency, year));
    }

    /**
     * The rendering's figure links (the query side's {@code /api/agencies/{a}/reports/{y}/cells/…}, which this
     * process does not serve) turned into the drill-down pages' addresses.
     */
    static byte[] pageLinks(byte[] html, String agency, int year) {
        // the agency's path segment encoded as the rendering encodes it
        String segment = URLEncoder.encode(agency, StandardCharsets.UTF_8).replace("+", "%20");
        return new String(html, StandardCharsets.UTF_8)
                .replace("href=\"/api/agencies/" + segment + "/reports/" + year + "/cells/",
                         "href=\"/audit/reports/" + segment + "/" + year + "/cells/")
                .getBytes(StandardCharsets.UTF_8);
    }

    @GetMapping("/reports/{year}/download/{format}")
    public ResponseEntity<byte[]> download(@PathVariable int year, @PathVariable String format) {
        if (!DOWNLOADS.contains(format)) {
            return ResponseEntity.notFound().build();
        }
        ResponseEntity<byte[]> file = sides.fetch("/api/agencies/{a}/reports/{y}?format={f}", agency(), year, format);
        return ResponseEntity.ok().headers(file.getHeaders()).body(file.getBody());
    }

    @PostMapping("/reports/{year}/narrative")
    public ModelAndView writeNarrative(@PathVariable int year, @RequestParam Map<String, String> posted,
                                       RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String part : List.of("overview", "problems", "other")) {
            body.put(part, posted.getOrDefault(part, ""));
        }
        try {
            JsonNode answer = sides.put(body, "/api/agencies/{a}/reports/{y}/narrative", agency(), year);
            redirect.addFlashAttribute("recorded", "nothing".equals(answer.path("recorded").asText())
                                                   ? "正文未改动。" : "正文已保存。");
            return new ModelAndView("redirect:/reports/" + year);
        } catch (Refused refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            return page(year, "narrative", Zh.chinese(refused.detail()), HttpStatus.valueOf(refused.status()));
        }
    }

    @PostMapping("/reports/{year}/publication")
    public ModelAndView publish(@PathVariable int year, @RequestParam(required = false) String confirm,
                                RedirectAttributes redirect) {
        if (!"yes".equals(confirm)) {
            return page(year, "publication", "请先勾选确认：发布后，本年度报告的各项数据将按发布时刻冻结。", HttpStatus.BAD_REQUEST);
        }
        try {
            JsonNode answer = sides.post(Map.of(), "/api/agencies/{a}/reports/{y}/publication", agency(), year);
            redirect.addFlashAttribute("recorded", "报告已发布（第 " + answer.path("publication").asInt() + " 次发布），数据已冻结。");
            return new ModelAndView("redirect:/reports/" + year);
        } catch (Refused refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            return page(year, "publication", Zh.chinese(refused.detail()), HttpStatus.valueOf(refused.status()));
        }
    }

    private ModelAndView page(int year, String failed, String refusal, HttpStatus status) {
        JsonNode report = sides.read("/api/agencies/{a}/reports/{y}", agency(), year);
        ModelAndView page = new ModelAndView("report", status);
        page.addObject("year", year);
        page.addObject("agencyId", agency());
        page.addObject("tables", officialTables.of(report, agency(), year, null));
        Map<String, Object> shown = sides.plain(report);
        page.addObject("report", shown);
        page.addObject("failedChecks", shown.get("checks") instanceof List<?> checks
                                       ? checks.stream().filter(c -> c instanceof Map<?, ?> m && Boolean.FALSE.equals(m.get("passed"))).toList()
                                       : List.of());
        JsonNode narrative = report.path("narrative");
        String overview = narrative.path("overview").asText("");
        page.addObject("overview", overview.isEmpty() ? report.path("overviewDraft").asText("") : overview);
        page.addObject("overviewFromDraft", overview.isEmpty());
        page.addObject("problems", narrative.path("problems").asText(""));
        page.addObject("other", narrative.path("other").asText(""));
        page.addObject("yearOver", year < LocalDate.now(Zh.BUSINESS_ZONE).getYear());
        page.addObject("failed", failed);
        page.addObject("refusal", refusal);
        return page;
    }

    private static String agency() {
        return SignedIn.current().agencyId();
    }
}
