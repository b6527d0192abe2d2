package gongkai.query.eventstream;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * Shares the processors' segments among the query-side instances. Axon's token store lets any
 * instance claim any free segment, and the first to start claims them all; so each instance says
 * every few seconds that it is alive (table {@code processor_instance}), and one that holds more
 * than its fair share (segments ÷ live instances, rounded up) releases the excess for a while, for
 * the others to claim. An instance that dies stops saying so: its claims time out, and the
 * survivors, whose fair share has grown, take its segments over.
 */
public class SegmentBalancer {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);
    /** An instance not heard of for this long is taken as gone: less than the claim timeout (10 s), so that
     *  the survivors count it out before its claims expire and keep the segments they then claim. */
    static final int ALIVE_SECONDS = 8;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final String instanceId = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelay = 1000, fixedDelay = 2000)
    public void balance() {
        jdbc.update("insert into processor_instance (instance_id, last_seen) values (?, now()) "
                    + "on conflict (instance_id) do update set last_seen = now()", instanceId);
        jdbc.update("delete from processor_instance where last_seen < now() - interval '1 hour'");
        Integer live = jdbc.queryForObject("select count(*) from processor_instance where last_seen > now() - interval '"
                                           + ALIVE_SECONDS + " seconds'", Integer.class);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
                release(name, streaming, Math.max(1, live == null ? 1 : live));
            }
        });
    }

    private void release(String name, StreamingEventProcessor processor, int liveInstances) {
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                                               Integer.class, name);
        if (segments == null || segments == 0) {
            return;
        }
        int fairShare = (segments + liveInstances - 1) / liveInstances;
        var claimed = processor.processingStatus().keySet().stream().sorted().toList();
        for (int i = fairShare; i < claimed.size(); i++) {
            log.info("Releasing segment {} of {} for another instance ({} live, fair share {})",
                     claimed.get(i), name, liveInstances, fairShare);
            processor.releaseSegment(claimed.get(i));
        }
    }

    /** Says goodbye on a clean shutdown, so the others need not wait to take over. */
    public void leave() {
        jdbc.update("delete from processor_instance where instance_id = ?", instanceId);
    }
}
