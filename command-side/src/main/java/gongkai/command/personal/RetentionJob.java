package gongkai.command.personal;

import gongkai.command.Refusal;
import gongkai.command.access.CommandSender;
import gongkai.command.application.ApplicationCommands;
import gongkai.events.access.Actor;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.ErasureBasis;
import gongkai.events.application.PersonalDataErased;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.store.StoredEventFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;

/**
 * The retention policy (个人信息保护法 第四十七条, docs/personal-data.md): a case's personal data is sealed
 * once the case ended {@code gongkai.personal-data.retention.seal-after} ago (default 10 years, as common
 * archive periods), and erased once it has been sealed {@code …erase-after-sealed} (default 1 year, in which
 * a clerk can still unseal it for a legal reason). Both are commands on the case, judged by its rules and
 * recorded as events by the actor {@value #ACTOR}; the job only finds the candidates. It runs every
 * {@code …check-every} (default a day) and on an admin's request.
 */
@Component
public class RetentionJob {

    public static final String ACTOR = "retention";
    private static final Logger LOG = LoggerFactory.getLogger(RetentionJob.class);
    private static final Actor RETENTION = new Actor(ACTOR, Set.of(), null);

    /** What one run did. */
    public record Run(LocalDate on, String sealAfter, String eraseAfterSealed, int sealed, int erased, int leftAlone) {
    }

    private final JdbcTemplate jdbc;
    private final CommandSender commands;
    private final Clock clock;
    private final Period sealAfter;
    private final Period eraseAfterSealed;

    public RetentionJob(JdbcTemplate jdbc, CommandSender commands, Clock clock,
                        @Value("${gongkai.personal-data.retention.seal-after:P10Y}") Period sealAfter,
                        @Value("${gongkai.personal-data.retention.erase-after-sealed:P1Y}") Period eraseAfterSealed) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.sealAfter = sealAfter;
        this.eraseAfterSealed = eraseAfterSealed;
    }

    @Scheduled(initialDelayString = "${gongkai.personal-data.retention.first-check:PT5M}",
               fixedDelayString = "${gongkai.personal-data.retention.check-every:P1D}")
    public void scheduled() {
        run();
    }

    public synchronized Run run() {
        LocalDate today = LocalDate.now(clock);
        int sealed = 0;
        int erased = 0;
        int left = 0;
        // Candidates by the business dates stored with the events; each case's rules decide exactly. Erasure
        // first, so that a case sealed in this run waits for the next one at least.
        for (String id : candidates(List.of(PersonalDataSealed.class.getName()), today.minus(eraseAfterSealed),
                                    List.of(PersonalDataUnsealed.class.getName(), PersonalDataErased.class.getName()))) {
            if (send(new ApplicationCommands.ErasePersonalData(id, ErasureBasis.RETENTION_EXPIRED,
                                                               "保存期限届满 (retention " + sealAfter + " + " + eraseAfterSealed + ")",
                                                               true, eraseAfterSealed))) {
                erased++;
            } else {
                left++;
            }
        }
        for (String id : candidates(List.of(ApplicationConcluded.class.getName(), ApplicationWithdrawn.class.getName()),
                                    today.minus(sealAfter),
                                    List.of(PersonalDataSealed.class.getName(), PersonalDataUnsealed.class.getName(),
                                            PersonalDataErased.class.getName()))) {
            if (send(new ApplicationCommands.SealPersonalData(id, sealAfter))) {
                sealed++;
            } else {
                left++;
            }
        }
        Run run = new Run(today, sealAfter.toString(), eraseAfterSealed.toString(), sealed, erased, left);
        LOG.info("retention of personal data: {}", run);
        return run;
    }

    /** Applications with an event of one of {@code types} dated on or before {@code until}, and none of {@code excluded}. */
    private List<String> candidates(List<String> types, LocalDate until, List<String> excluded) {
        return jdbc.queryForList(
                "select e.aggregate_identifier from " + StoredEventFormat.EVENT_TABLE + " e where e.payload_type = any(?)"
                + " and not exists (select 1 from " + StoredEventFormat.EVENT_TABLE + " x"
                + " where x.aggregate_identifier = e.aggregate_identifier and x.payload_type = any(?))"
                + " group by e.aggregate_identifier"
                + " having max((convert_from(e.meta_data, 'UTF8')::jsonb ->> 'businessDate')::date) <= ?"
                + " order by 1",
                String.class, types.toArray(String[]::new), excluded.toArray(String[]::new), Date.valueOf(until));
    }

    private boolean send(Object command) {
        try {
            commands.send(command, RETENTION);
            return true;
        } catch (Refusal notDue) {
            return false;
        }
    }
}
