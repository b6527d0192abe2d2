package gongkai.query;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** gongkai's query side: read models, the annual report, the audit trail. Port 8082 by default. */
@SpringBootApplication
public class QuerySideApplication {

    /** Its settings are read from {@code query-side.properties}, so both sides can share one JVM in tests. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(QuerySideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
