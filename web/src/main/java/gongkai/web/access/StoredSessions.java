package gongkai.web.access;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in PostgreSQL (schema {@code web}). Two requests of one session at once (a double click) may
 * both add the same attribute (a flash message): PostgreSQL's upsert lets the second overwrite the first
 * instead of failing on the attribute's key.
 */
@Configuration
public class StoredSessions {

    @Bean
    public SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertedAttributes() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
