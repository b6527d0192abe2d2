package gongkai.command.personal;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** An admin runs the retention policy now, instead of waiting for its next scheduled run ({@link RetentionJob}). */
@RestController
public class RetentionController {

    private final RetentionJob job;

    public RetentionController(RetentionJob job) {
        this.job = job;
    }

    @PostMapping("/api/admin/personal-data/retention")
    public RetentionJob.Run run() {
        return job.run();
    }
}
