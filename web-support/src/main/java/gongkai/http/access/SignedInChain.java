package gongkai.http.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.access.Role;
import gongkai.http.ErrorAnswers;
import gongkai.http.Problems;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import java.util.Map;

/**
 * The security filter chain both sides build: HTTP Basic against {@link Accounts}, stateless (no
 * session, no CSRF token: no cookie ever authenticates a request), delegated calls of the pages
 * ({@link OnBehalfOf}), sign-in throttling ({@link SignInThrottle}), {@code GET /api/me} for every
 * signed-in user, health probes for anyone, metrics and the API description for admins, the standard
 * security headers with a Content-Security-Policy, and every refusal as a problem.
 * Each side declares its own role rules as a {@link Rules} bean; {@link gongkai.http.WebSupport} builds the chain.
 */
public final class SignedInChain {

    /** A side's own role rules, and what its 403 says. */
    public record Rules(String forbiddenDetail, Customizer<
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> roles) {
    }

    private SignedInChain() {
    }

    /**
     * For JSON answers nothing may load at all; the few pages served (Swagger UI, the printable report)
     * load their own scripts and styles only, and no page may be framed.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static SecurityFilterChain build(HttpSecurity http, ObjectMapper json, Accounts accounts, Rules rules,
                                            SignInThrottle throttle) throws Exception {
        return http
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(throttle, BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    auth.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll(); // the problem of a refused request
                    auth.requestMatchers("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll();
                    auth.requestMatchers("/actuator/**", "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**",
                                         "/swagger-ui.html").hasRole(Role.ADMIN.name());
                    auth.requestMatchers("/api/me").authenticated();
                    rules.roles().customize(auth);
                })
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof AuthenticationServiceException) {
                        Problems.write(response, json, HttpStatus.SERVICE_UNAVAILABLE, ErrorAnswers.DATABASE_AWAY,
                                       Map.of("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS));
                    } else {
                        throttle.failed(request);
                        Problems.write(response, json, HttpStatus.UNAUTHORIZED, "请先登录 (authentication required)",
                                       Map.of("WWW-Authenticate", "Basic realm=\"gongkai\""));
                    }
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> Problems.write(
                        response, json, HttpStatus.FORBIDDEN, rules.forbiddenDetail(), Map.of())))
                .addFilterAfter(new OnBehalfOf(accounts, json), BasicAuthenticationFilter.class)
                .build();
    }
}
