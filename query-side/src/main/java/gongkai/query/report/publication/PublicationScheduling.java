package gongkai.query.report.publication;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs {@link PublicationSealing#sealReady()} every second: publications are sealed even when nobody reads them. */
@Configuration
@EnableScheduling
public class PublicationScheduling {
}
