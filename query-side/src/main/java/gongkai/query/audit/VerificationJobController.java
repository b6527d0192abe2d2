package gongkai.query.audit;

import gongkai.events.access.Actor;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.chain.VerificationJobs;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verifications as jobs, for auditors and admins: {@code POST /api/audit/verifications} starts one
 * (202, or 409 naming the one running), {@code GET /api/audit/verifications} lists them newest first,
 * {@code GET /api/audit/verifications/{id}} tells one's state, progress and result. The synchronous
 * {@code GET /api/audit/verification} stays for scripts on small stores.
 */
@RestController
@RequestMapping("/api/audit/verifications")
public class VerificationJobController {

    private static final int MAX_PAGE_SIZE = 200;

    /** The optional body of a start: a chain head recorded earlier, e.g. a publication's. */
    public record Start(Long anchorIndex, String anchorHash) {
    }

    private final VerificationJobs jobs;

    public VerificationJobController(VerificationJobs jobs) {
        this.jobs = jobs;
    }

    @PostMapping
    public ResponseEntity<Map<String, Object>> start(@RequestParam(required = false) Long anchorIndex,
                                                     @RequestParam(required = false) String anchorHash,
                                                     @RequestBody(required = false) Start body,
                                                     @AuthenticationPrincipal Actor reader) {
        AuditController.requireAuditorOrAdmin(reader);
        Long index = anchorIndex != null ? anchorIndex : body == null ? null : body.anchorIndex();
        String hash = anchorHash != null ? anchorHash : body == null ? null : body.anchorHash();
        AuditController.requireAnchor(index, hash);
        String id = jobs.start(reader.username(), index, hash);
        return ResponseEntity.accepted().location(URI.create("/api/audit/verifications/" + id))
                             .body(view(jobs.find(id).orElseThrow(), false));
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "20") int size,
                                    @AuthenticationPrincipal Actor reader) {
        AuditController.requireAuditorOrAdmin(reader);
        ReadAccess.requirePage(page, size, MAX_PAGE_SIZE);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", jobs.count());
        answer.put("items", jobs.list(page, size).stream().map(job -> view(job, false)).toList());
        return answer;
    }

    @GetMapping("/{id}")
    public Map<String, Object> one(@PathVariable String id, @AuthenticationPrincipal Actor reader) {
        AuditController.requireAuditorOrAdmin(reader);
        return jobs.find(id).map(job -> view(job, true)).orElseThrow(() -> Problems.Refused.notFound(
                "没有该核验 (no verification " + id + ")"));
    }

    @ExceptionHandler(VerificationJobs.AlreadyRunning.class)
    ResponseEntity<ProblemDetail> alreadyRunning(VerificationJobs.AlreadyRunning running) {
        ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "已有一项核验正在进行，请等它结束 (a verification is already "
                                                                 + "running" + (running.runningId() == null ? ""
                                                                                : ": " + running.runningId()) + ")");
        problem.setProperty("runningId", running.runningId());
        if (running.runningId() != null) {
            problem.setProperty("running", "/api/audit/verifications/" + running.runningId());
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A job in the API's words; the list leaves out the problems themselves (the count stays). */
    private static Map<String, Object> view(VerificationJobs.Job job, boolean withResult) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", job.id());
        view.put("state", job.state());
        view.put("requestedBy", job.requestedBy());
        view.put("anchorIndex", job.anchorIndex());
        view.put("anchorHash", job.anchorHash());
        view.put("startedAt", job.startedAt());
        view.put("finishedAt", job.finishedAt());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("eventsChecked", job.eventsChecked());
        progress.put("eventsTotal", job.eventsTotal());
        progress.put("percent", job.state() == VerificationJobs.State.FINISHED ? 100
                                : job.eventsTotal() == 0 ? 0 : Math.min(99, job.eventsChecked() * 100 / job.eventsTotal()));
        view.put("progress", progress);
        view.put("intact", job.intact());
        view.put("problemCount", job.problemCount());
        if (job.result() != null) {
            view.put("anchor", job.result().get("anchor"));
            view.put("firstProblem", job.result().get("firstProblem"));
        }
        if (withResult) {
            view.put("result", job.result());
        }
        view.put("failure", job.failure());
        view.put("self", "/api/audit/verifications/" + job.id());
        return view;
    }
}
