package gongkai.query.report;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import gongkai.http.Problems;
import gongkai.query.cells.ApplicationCells;
import gongkai.query.counting.ReportTable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The annual report of an agency (docs/http-api.md, "The annual report"), and the sources behind each of its figures,
 * in every table.
 */
@RestController
@RequestMapping("/api/agencies/{agencyId}/reports/{year}")
public class ReportController {

    private final AnnualReports reports;
    private final ApplicationCells cells;
    private final FigureSources sources;

    private final RollUps rollUps;

    public ReportController(AnnualReports reports, ApplicationCells cells, FigureSources sources, RollUps rollUps) {
        this.reports = reports;
        this.rollUps = rollUps;
        this.cells = cells;
        this.sources = sources;
    }

    @GetMapping
    public AnnualReport report(@PathVariable String agencyId, @PathVariable int year,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                      @RequestParam(required = false) String scope,
                                      @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        return report(rollUps, reports, agencyId, checkedYear(year), instant(asOf), scope);
    }

    /**
     * The agency's own report, or with {@code scope=subtree} the roll-up (汇总) of it and every agency under it
     * (docs/agencies.md).
     */
    static AnnualReport report(RollUps rollUps, AnnualReports reports, String agencyId, int year, Instant asOf,
                               String scope) {
        return subtree(scope) ? rollUps.report(agencyId, year, asOf) : reports.report(agencyId, year, asOf);
    }

    static boolean subtree(String scope) {
        if (scope == null || scope.equals("agency")) {
            return false;
        }
        if (!scope.equals("subtree")) {
            throw Problems.Refused.badInput("scope", "范围只能是 agency 或 subtree (scope must be agency or subtree)");
        }
        return true;
    }

    /**
     * The sources counted in one figure of any table. The row key names the table, since row keys are
     * distinct across the tables ({@link ReportTable#ofRow}): table 三's rows (NEW … CARRIED_FORWARD) →
     * the applications, TOTAL and RESULT_TOTAL gathering their parts; table 二's rows (RULES,
     * NORMATIVE_DOCUMENTS, LICENSING, PENALTY, COERCION, FEES) → the documents, opening balance, tallies
     * or fees with their values; table 四's groups (REVIEW, LAWSUIT_DIRECT, LAWSUIT_AFTER_REVIEW) → the
     * cases. The column key must then be one of that row's columns. Either unknown: 404.
     */
    @GetMapping("/cells/{rowKey}/{columnKey}")
    public Map<String, Object> cell(@PathVariable String agencyId, @PathVariable int year, @PathVariable String rowKey,
                                    @PathVariable String columnKey,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                    @RequestParam(required = false) String scope,
                                    @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        ReportTable table = ReportTable.ofRow(rowKey).orElseThrow(() -> Problems.Refused.notFound(
                "报告中没有这一行 (the report has no row " + rowKey + ")"));
        if (!table.hasColumn(rowKey, columnKey)) {
            throw Problems.Refused.notFound("该行没有这一列 (row " + rowKey + " of table " + table.key()
                                            + " has no column " + columnKey + "; it has " + table.columnKeys(rowKey) + ")");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("year", year);
        answer.put("asOf", asOf);
        answer.put("table", table.key());
        answer.put("rowKey", rowKey);
        answer.put("columnKey", columnKey);
        int checked = checkedYear(year);
        if (subtree(scope)) {
            // the roll-up's figure and each agency's part, each leading on to that agency's own sources
            answer.putAll(rollUps.drillDown(agencyId, checked, table, rowKey, columnKey, instant(asOf)));
            return answer;
        }
        switch (table) {
            case APPLICATIONS -> {
                List<String> ids = cells.applicationsIn(agencyId, checked, FigureSources.applicationRows(rowKey),
                                                        FigureSources.applicationColumn(columnKey), instant(asOf));
                answer.put("count", ids.size());
                answer.put("cases", ids.stream().map(id -> Map.of("applicationId", id,
                                                                  "href", "/api/applications/" + id)).toList());
            }
            case PROACTIVE -> answer.putAll(sources.proactiveCell(agencyId, checked, rowKey, columnKey, instant(asOf)));
            case REVIEWS_AND_LAWSUITS -> answer.putAll(
                    sources.reviewsAndLawsuitsCell(agencyId, checked, rowKey, columnKey, instant(asOf)));
        }
        return answer;
    }

    static int checkedYear(int year) {
        if (year < 2000 || year > 2100) {
            throw Problems.Refused.badInput("year", "年份超出范围 (year must be between 2000 and 2100)");
        }
        return year;
    }

    static Instant instant(OffsetDateTime asOf) {
        return asOf == null ? null : asOf.toInstant();
    }
}
