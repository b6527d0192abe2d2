package gongkai.command.golive;

import gongkai.command.Refusal;
import gongkai.command.access.OwnAgency;
import gongkai.events.access.Actor;
import gongkai.http.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

/**
 * Going live (docs/http-api.md, "Going live"): the spreadsheet template, and its import, all or nothing.
 * A file with problems is answered 422 with every problem (sheet, row, column, reason in Chinese).
 */
@RestController
public class GoingLiveController {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final GoingLiveImports imports;
    private final Clock clock;

    public GoingLiveController(GoingLiveImports imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    @GetMapping("/api/agencies/{agencyId}/going-live/template")
    public ResponseEntity<byte[]> template(@PathVariable String agencyId, @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(XLSX))
                             .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"going-live.xlsx\"")
                             .body(GoingLiveWorkbook.template());
    }

    /** 201 when recorded; 200 for a file imported before (nothing recorded); 422 with the problems of a bad file. */
    @PostMapping(path = "/api/agencies/{agencyId}/going-live", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<GoingLiveImports.Result> importFile(@PathVariable String agencyId,
                                                              @RequestParam(name = "file", required = false) MultipartFile file,
                                                              @AuthenticationPrincipal Actor clerk) {
        OwnAgency.inPath(agencyId, clerk);
        if (file == null || file.isEmpty()) {
            throw Refusal.invalid("file", "请选择要导入的 Excel 文件 (the multipart field file is required)");
        }
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GoingLiveImports.Result result = imports.importFile(agencyId, content, clerk, LocalDate.now(clock));
        return ResponseEntity.status(result.recorded() ? HttpStatus.CREATED : HttpStatus.OK).body(result);
    }

    @ExceptionHandler(GoingLiveImports.Refused.class)
    ResponseEntity<ProblemDetail> refused(GoingLiveImports.Refused refused) {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, refused.getMessage());
        problem.setProperty("problems", refused.problems().stream()
                .map(p -> Map.of("sheet", p.sheet(), "row", p.row(), "column", p.column(), "reason", p.reason())).toList());
        return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
