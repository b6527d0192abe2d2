package gongkai.command;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** gongkai's command side: every write (HTTP commands, aggregates, the event store). Port 8081 by default. */
@SpringBootApplication
public class CommandSideApplication {

    /** Its settings are read from {@code command-side.properties}, so both sides can share one JVM in tests. */
    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(CommandSideApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
