package gongkai.http;

import gongkai.http.access.Accounts;
import gongkai.http.access.MeController;
import gongkai.http.access.PasswordAuthentication;
import gongkai.http.access.SignedInChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What both sides import ({@code @Import(WebSupport.class)}): the users, BCrypt, the password sign-in,
 * the security filter chain (with the side's {@link SignedInChain.Rules}) and {@code GET /api/me}. Not found by component scanning, so that a side takes it by choice.
 */
@Configuration(proxyBeanMethods = false)
@Import(MeController.class)
public class WebSupport {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, Accounts accounts,
                                                   SignedInChain.Rules rules) throws Exception {
        return SignedInChain.build(http, json, accounts, rules);
    }

    @Bean
    public Accounts accounts(JdbcTemplate jdbc) {
        return new Accounts(jdbc);
    }

    @Bean
    public AuthenticationProvider passwordAuthentication(Accounts accounts, PasswordEncoder encoder) {
        return new PasswordAuthentication(accounts, encoder);
    }
}
