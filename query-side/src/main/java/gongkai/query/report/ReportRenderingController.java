package gongkai.query.report;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import gongkai.query.report.rendering.ReportFormat;
import gongkai.query.report.rendering.ReportRenderer;
import gongkai.http.Problems;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;

/**
 * {@code GET /api/agencies/{agencyId}/reports/{year}?format=html|xlsx|docx|csv} (docs/http-api.md, "The annual
 * report"): the report {@link ReportController} answers as JSON, rendered in the official layout. The same path as the
 * JSON; Spring routes a request here when it has a {@code format} parameter, so the JSON endpoint
 * is untouched. Access and {@code asOf} are those of the JSON.
 */
@RestController
@RequestMapping("/api/agencies/{agencyId}/reports/{year}")
public class ReportRenderingController {

    private final AnnualReports reports;
    private final ReportRenderer renderer;

    private final RollUps rollUps;

    public ReportRenderingController(AnnualReports reports, ReportRenderer renderer, RollUps rollUps) {
        this.reports = reports;
        this.rollUps = rollUps;
        this.renderer = renderer;
    }

    @GetMapping(params = "format")
    public ResponseEntity<byte[]> rendered(@PathVariable String agencyId, @PathVariable int year,
                                           @RequestParam String format,
                                           @RequestParam(required = false)
                                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                           @RequestParam(required = false) String scope,
                                           @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        ReportFormat rendering = ReportFormat.named(format).orElseThrow(() -> Problems.Refused.badInput(
                "format", "不支持的格式 (format must be one of " + ReportFormat.names() + ")"));
        return renderer.response(ReportController.report(rollUps, reports, agencyId, ReportController.checkedYear(year),
                                                         ReportController.instant(asOf), scope), rendering);
    }
}
