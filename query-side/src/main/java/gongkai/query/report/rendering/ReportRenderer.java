package gongkai.query.report.rendering;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.query.report.AnnualReport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Renders the annual report ({@link AnnualReport}) in one of the {@link ReportFormat}s. */
@Component
public class ReportRenderer {

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final ObjectMapper json;
    private final Clock clock;

    @Autowired
    public ReportRenderer(ObjectMapper json) {
        this(json, Clock.system(ReportView.SHANGHAI));
    }

    public ReportRenderer(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    public byte[] render(AnnualReport report, ReportFormat format) {
        return render(ReportView.of(report, json), format);
    }

    public byte[] render(ReportView report, ReportFormat format) {
        LocalDate today = LocalDate.now(clock.withZone(ReportView.SHANGHAI));
        return switch (format) {
            case HTML -> HtmlReport.render(report, today);
            case XLSX -> XlsxReport.render(report);
            case DOCX -> DocxReport.render(report, today);
            case CSV -> CsvReport.render(report);
        };
    }

    /** The rendering as an HTTP answer: its content type, and a file name safe in any header. */
    public ResponseEntity<byte[]> response(AnnualReport report, ReportFormat format) {
        ReportView view = ReportView.of(report, json);
        byte[] body = render(view, format);
        ContentDisposition disposition = (format.inline() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(filename(view, format)).build();
        return ResponseEntity.ok()
                             .contentType(MediaType.parseMediaType(format.contentType()))
                             .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                             .contentLength(body.length)
                             .body(body);
    }

    /** {@code report-xiaoying-2023.xlsx}; as of an instant, {@code report-xiaoying-2023-asof-20240105T000000Z.xlsx}. */
    public static String filename(ReportView report, ReportFormat format) {
        String agency = report.agencyId() == null ? "agency" : report.agencyId().replaceAll("[^A-Za-z0-9._-]", "_");
        String asOf = report.asOf() == null ? "" : "-asof-" + AS_OF.format(report.asOf());
        return "report-" + agency + "-" + report.year() + asOf + "." + format.extension();
    }
}
