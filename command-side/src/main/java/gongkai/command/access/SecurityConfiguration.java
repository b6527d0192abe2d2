package gongkai.command.access;

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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP Basic against the users in PostgreSQL. A password is checked with BCrypt once; a busy client
 * repeating the same credentials is then recognised by a salted SHA-256 kept in memory for a few
 * minutes, so BCrypt's deliberate cost is not paid on every request. Errors are problem+json.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    public PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    public SecurityFilterChain securityFilterChain(HttpSecurity http, ObjectMapper json) throws Exception {
        return http
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

        private static final Duration REMEMBERED = Duration.ofMinutes(5);

        private record Verified(String passwordHash, byte[] fingerprint, Instant until) {
        }

        private final UserAccounts accounts;
        private final PasswordEncoder encoder;
        private final byte[] salt = new SecureRandom().generateSeed(16);
        private final Map<String, Verified> verified = new ConcurrentHashMap<>();

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
            byte[] fingerprint = fingerprint(password);
            Verified known = verified.get(username);
            boolean remembered = known != null && known.passwordHash().equals(account.passwordHash())
                                 && Instant.now().isBefore(known.until())
                                 && MessageDigest.isEqual(known.fingerprint(), fingerprint);
            if (!remembered) {
                if (!encoder.matches(password, account.passwordHash())) {
                    throw new BadCredentialsException("bad credentials");
                }
                verified.put(username, new Verified(account.passwordHash(), fingerprint, Instant.now().plus(REMEMBERED)));
            }
            Actor actor = account.actor();
            return UsernamePasswordAuthenticationToken.authenticated(actor, null, actor.authorities());
        }

        @Override
        public boolean supports(Class<?> authentication) {
            return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
        }

        private byte[] fingerprint(String password) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(salt);
                return sha.digest(password.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
