package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.command.web.Problems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import gongkai.events.access.RememberedPasswords;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * HTTP Basic against the users in PostgreSQL, BCrypt-hashed; {@link RememberedPasswords} spares a
 * busy client BCrypt's cost on every request. Errors are problem+json.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json, UserAccounts accounts)
            throws Exception {
        return http
                .addFilterAfter(new OnBehalfOf(username -> accounts.find(username).map(UserAccounts.Account::actor)),
                                BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                        .requestMatchers("/api/**").hasRole(Role.CLERK.name())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> Problems.write(
                        response, json, HttpStatus.UNAUTHORIZED, "请先登录 (authentication required)",
                        Map.of("WWW-Authenticate", "Basic realm=\"gongkai\""))))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> Problems.write(
                        response, json, HttpStatus.FORBIDDEN, "无权执行此操作 (your role does not allow this)", Map.of())))
                .build();
    }

    @Bean
    public AuthenticationProvider accountAuthentication(UserAccounts accounts, PasswordEncoder encoder) {
        return new VerifiedCredentials(accounts, encoder);
    }

    static final class VerifiedCredentials implements AuthenticationProvider {

        private final UserAccounts accounts;
        private final PasswordEncoder encoder;
        private final RememberedPasswords remembered = new RememberedPasswords(Duration.ofMinutes(5), Clock.systemUTC());

        VerifiedCredentials(UserAccounts accounts, PasswordEncoder encoder) {
            this.accounts = accounts;
            this.encoder = encoder;
        }

        @Override
        public Authentication authenticate(Authentication authentication) {
            String username = authentication.getName();
            String password = String.valueOf(authentication.getCredentials());
            UserAccounts.Account account = accounts.find(username)
                                                   .orElseThrow(() -> new BadCredentialsException("bad credentials"));
            if (!remembered.remembers(username, account.passwordHash(), password)) {
                if (!encoder.matches(password, account.passwordHash())) {
                    throw new BadCredentialsException("bad credentials");
                }
                remembered.remember(username, account.passwordHash(), password);
            }
            Actor actor = account.actor();
            return UsernamePasswordAuthenticationToken.authenticated(actor, null, authorities(actor));
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private static List<GrantedAuthority> authorities(Actor actor) {
            return actor.roles().stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
        }
    }
}
