package gongkai.http;

import gongkai.http.access.Accounts;
import gongkai.http.access.MeController;
import gongkai.http.access.PasswordAuthentication;
import gongkai.http.access.SignInChanges;
import gongkai.http.access.SignInThrottle;
import gongkai.http.access.SignedInChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.beans.factory.annotation.Value;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.unit.DataSize;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What both sides import ({@code @Import(WebSupport.class)}): the users, BCrypt, the password sign-in,
 * the security filter chain (with the side's {@link SignedInChain.Rules}) and {@code GET /api/me}. Not found by component scanning, so that a side takes it by choice.
 */
@Configuration(proxyBeanMethods = false)
@Import({MeController.class, ProblemErrors.class, ApiDescription.class})
@PropertySource("classpath:gongkai-web-support.properties")
public class WebSupport {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(
            HttpSecurity http, ObjectMapper json, Accounts accounts, SignedInChain.Rules rules, JdbcTemplate jdbc,
            @Value("${gongkai.sign-in.max-failures-per-user:5}") int perUser,
            @Value("${gongkai.sign-in.max-failures-per-address:20}") int perAddress,
            SignInChanges changes) throws Exception {
        return SignedInChain.build(http, json, accounts, rules, new SignInThrottle(jdbc, json, perUser, perAddress, changes));
    }

    /** Users and the throttle's clearances kept in memory while their changes are heard (no read per request). */
    /**
     * No observation (timer, trace span) of each filter of the security chain, of each sign-in and each
     * authorization: wrapping every filter of every request cost about an eighth of a command's CPU. The requests
     * themselves are still timed ({@code http_server_requests_seconds}), refusals still counted.
     */
    @Bean
    public SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public SignInChanges signInChanges(DataSource dataSource) {
        return new SignInChanges(dataSource);
    }

    /** Before every other filter, sign-in included: an oversized body is refused unread. */
    @Bean
    public FilterRegistrationBean<BodyLimit> bodyLimit(
            @Value("${gongkai.http.max-body:1MB}") DataSize maxBody,
            @Value("${gongkai.attachments.max-size:1MB}") DataSize maxUpload,
            org.springframework.beans.factory.ObjectProvider<BodyLimit.SeveralFiles> severalFiles, ObjectMapper json) {
        FilterRegistrationBean<BodyLimit> registration = new FilterRegistrationBean<>(
                new BodyLimit(maxBody, maxUpload, severalFiles.orderedStream().toList(), json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /**
     * Spring's strict firewall, which also refuses a NUL character in a parameter's value: no gongkai value
     * holds one, and PostgreSQL cannot store or compare it in text (the query would fail with a 500).
     */
    @Bean
    public WebSecurityCustomizer strictFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedParameterValues(value -> value.indexOf('\0') < 0);
        return web -> web.httpFirewall(firewall);
    }

    /** A request the firewall refuses (an encoded slash, a null byte …): 400 as a problem. */
    @Bean
    public RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
        return (request, response, e) -> Problems.write(response, json, HttpStatus.BAD_REQUEST,
                                                        "请求地址无效 (the request's address is not acceptable)", Map.of());
    }

    /** Tomcat's own refusals (before Spring is reached) as problems too. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }

    @Bean
    public Accounts accounts(JdbcTemplate jdbc, SignInChanges changes) {
        return new Accounts(jdbc, changes);
    }

    @Bean
    public AuthenticationProvider passwordAuthentication(Accounts accounts, PasswordEncoder encoder) {
        return new PasswordAuthentication(accounts, encoder);
    }
}
