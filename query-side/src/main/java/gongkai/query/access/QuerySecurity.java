package gongkai.query.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.access.Actor;
import gongkai.events.access.RememberedPasswords;
import gongkai.events.access.Role;
import gongkai.query.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic against the users the command side keeps ({@code command_side.user_account}): the
 * same users and roles on both services. Every reader must be signed in; which agencies they may
 * read is decided by {@link ReadAccess}.
 */
@Configuration
public class QuerySecurity {

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, JdbcTemplate jdbc) throws Exception {
        return http
                .addFilterAfter(new OnBehalfOf(username -> account(jdbc, username).map(Account::actor)),
                                BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> Problems.write(
                        response, json, HttpStatus.UNAUTHORIZED, "请先登录 (authentication required)",
                        Map.of("WWW-Authenticate", "Basic realm=\"gongkai\""))))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> Problems.write(
                        response, json, HttpStatus.FORBIDDEN, "无权查看 (your role does not allow this)", Map.of())))
                .build();
    }

    @Bean
    public AuthenticationProvider sharedUsers(JdbcTemplate jdbc) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        RememberedPasswords remembered = new RememberedPasswords(Duration.ofMinutes(5), Clock.systemUTC());
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String username = authentication.getName();
                String password = String.valueOf(authentication.getCredentials());
                Account account = account(jdbc, username).orElseThrow(() -> new BadCredentialsException("bad credentials"));
                String hash = account.passwordHash();
                if (!remembered.remembers(username, hash, password)) {
                    if (!bcrypt.matches(password, hash)) {
                        throw new BadCredentialsException("bad credentials");
                    }
                    remembered.remember(username, hash, password);
                }
                Actor actor = account.actor();
                List<GrantedAuthority> authorities = actor.roles().stream()
                        .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
                return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities);
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    private record Account(String passwordHash, Actor actor) {
    }

    /** A user who may sign in: a disabled one is not found, neither signing in nor named by the pages. */
    private static Optional<Account> account(JdbcTemplate jdbc, String username) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select password_hash, roles, agency_id from command_side.user_account where username = ? "
                + "and disabled_at is null", username);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(((String) rows.get(0).get("roles")).split(",")).map(String::trim)
              .filter(r -> !r.isEmpty()).map(Role::valueOf).forEach(roles::add);
        return Optional.of(new Account((String) rows.get(0).get("password_hash"),
                                       new Actor(username, roles, (String) rows.get(0).get("agency_id"))));
    }
}
