package gongkai.web;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * gongkai's pages for people, port 8080 by default. It holds no domain state: every write goes
 * through the command side's JSON API, every read through the query side's, so the rules stay in
 * one place; only the sessions are its own (schema {@code web}).
 */
@SpringBootApplication
public class WebApplication {

    /** Its settings are read from {@code web.properties}, so it can share one JVM with both sides in tests. */
    public static final String CONFIG_NAME = "web";

    public static void main(String[] args) {
        start(args);
    }

    public static ConfigurableApplicationContext start(String... args) {
        return new SpringApplicationBuilder(WebApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }
}
