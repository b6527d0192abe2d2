package gongkai.command.personal;

import gongkai.events.access.Actor;
import gongkai.events.personal.PersonalDataMigrated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The admins' operations on personal data (docs/personal-data.md): the retention run now, the migration of data stored in clear. */
@RestController
public class PersonalDataAdminController {

    public record MigrationBody(@NotBlank @Size(max = 500) String reason) {
    }

    private final RetentionJob retention;
    private final PlainTextMigration migration;

    public PersonalDataAdminController(RetentionJob retention, PlainTextMigration migration) {
        this.retention = retention;
        this.migration = migration;
    }

    /** Runs the retention policy now instead of at its next scheduled run ({@link RetentionJob}). */
    @PostMapping("/api/admin/personal-data/retention")
    public RetentionJob.Run retention() {
        return retention.run();
    }

    /** Encrypts what was stored in clear before encryption, and records it ({@link PlainTextMigration}). */
    @PostMapping("/api/admin/personal-data/migration")
    public PersonalDataMigrated migrate(@Valid @RequestBody MigrationBody body, @AuthenticationPrincipal Actor admin) {
        return migration.migrate(body.reason().strip(), admin.username());
    }
}
