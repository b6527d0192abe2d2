package gongkai.query.report;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import gongkai.query.web.Problems;
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

/** The annual report of an agency (api.md), and the cases behind each of its cells. */
@RestController
@RequestMapping("/api/agencies/{agencyId}/reports/{year}")
public class ReportController {

    private final AnnualReports reports;
    private final ApplicationCells cells;

    public ReportController(AnnualReports reports, ApplicationCells cells) {
        this.reports = reports;
        this.cells = cells;
    }

    @GetMapping
    public Map<String, Object> report(@PathVariable String agencyId, @PathVariable int year,
                                      @RequestParam(required = false)
                                      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                      @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        return reports.report(agencyId, checkedYear(year), instant(asOf));
    }

    /** The applications counted in one cell of table 三; TOTAL and RESULT_TOTAL gather their parts. */
    @GetMapping("/cells/{rowKey}/{columnKey}")
    public Map<String, Object> cell(@PathVariable String agencyId, @PathVariable int year, @PathVariable String rowKey,
                                    @PathVariable String columnKey,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                    @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        if (!ApplicationRow.exists(rowKey)) {
            throw Problems.Refused.notFound("表三没有这一行 (table 三 has no row " + rowKey + ")");
        }
        if (!ApplicantColumn.exists(columnKey)) {
            throw Problems.Refused.notFound("表三没有这一列 (table 三 has no column " + columnKey + ")");
        }
        List<String> rows = rowKey.equals(ApplicationRow.RESULT_TOTAL)
                            ? ApplicationRow.ALL.stream().map(ApplicationRow::key).filter(TableThree::isOutcome).toList()
                            : List.of(rowKey);
        String column = columnKey.equals(ApplicantColumn.TOTAL) ? null : columnKey;
        List<String> ids = cells.applicationsIn(agencyId, checkedYear(year), rows, column, instant(asOf));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("year", year);
        answer.put("table", "applications");
        answer.put("rowKey", rowKey);
        answer.put("columnKey", columnKey);
        answer.put("count", ids.size());
        answer.put("cases", ids.stream().map(id -> Map.of("applicationId", id,
                                                          "href", "/api/applications/" + id)).toList());
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
