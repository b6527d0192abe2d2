package gongkai.events.personal;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * Events stored before personal data was encrypted were rewritten with their personal fields encrypted
 * (an admin's migration, docs/personal-data.md): {@code events} of them, from global index
 * {@code firstGlobalIndex} to {@code lastGlobalIndex}, each listed with its payload digests before and after
 * and the digest of everything but its personal fields in {@code command_side.event_rewrite};
 * {@code rewritesDigest} (SHA-256, hex) seals that list, so the hash chain, which covers this event, covers it
 * too and the verification can accept exactly those rewrites.
 */
@Revision("1")
public record PersonalDataMigrated(String migrationId, LocalDate migratedOn, String reason, long events,
                                   Long firstGlobalIndex, Long lastGlobalIndex, String rewritesDigest) {
}
