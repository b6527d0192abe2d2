package gongkai.http.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.http.ErrorAnswers;
import gongkai.http.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Stops password guessing: after {@code gongkai.sign-in.max-failures-per-user} (5) failed sign-ins for
 * one user, or {@code …-per-address} (20) from one address, within 10 minutes, further attempts (right
 * or wrong) are refused 429 with Retry-After until the oldest of those failures is 10 minutes old.
 * Failures are kept in PostgreSQL ({@code command_side.sign_in_failure}), so every instance of both
 * sides counts them alike, and logged with the user and address, never the password. The address is
 * the connection's (behind a proxy, set {@code server.forward-headers-strategy}).
 */
public class SignInThrottle extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final int perUser;
    private final int perAddress;

    private final SignInChanges changes;

    /** {@code changes}: "no recent failures" kept in memory while new failures are heard; null counts every time. */
    public SignInThrottle(JdbcTemplate jdbc, ObjectMapper json, int perUser, int perAddress, SignInChanges changes) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.json = json;
        this.perUser = perUser;
        this.perAddress = perAddress;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = basicUsername(request.getHeader("Authorization"));
        if (username == null) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Long wait;
        try {
            wait = changes == null ? secondsToWait(username, address)
                    : changes.secondsToWait(username, address, () -> secondsToWait(username, address));
        } catch (DataAccessException e) {
            Problems.write(response, json, HttpStatus.SERVICE_UNAVAILABLE, ErrorAnswers.DATABASE_AWAY,
                           Map.of("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS));
            return;
        }
        if (wait != null) {
            log.warn("Sign-in refused for user {} from {}: too many failed attempts", username, address);
            Problems.write(response, json, HttpStatus.TOO_MANY_REQUESTS,
                           "登录失败次数过多，请稍后再试 (too many failed sign-ins: try again later)",
                           Map.of("Retry-After", String.valueOf(wait)));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts a failed sign-in; called before the 401 is written, so the next attempt already sees it. */
    public void failed(HttpServletRequest request) {
        String username = basicUsername(request.getHeader("Authorization"));
        if (username == null) {
            return; // no credentials at all: nothing was guessed
        }
        String address = request.getRemoteAddr();
        log.warn("Sign-in failed for user {} from {}", username, address);
        try {
            jdbc.update("insert into command_side.sign_in_failure (username, address) values (?, ?)", username, address);
            if (changes != null) {
                changes.forgetAll(); // here at once; other instances when PostgreSQL's notification arrives
            }
            if (ThreadLocalRandom.current().nextInt(100) == 0) {
                jdbc.update("delete from command_side.sign_in_failure where failed_at < now() - interval '1 day'");
            }
        } catch (DataAccessException e) {
            log.warn("A failed sign-in could not be counted: {}", e.toString());
        }
    }

    /** Seconds until the next attempt is heard, or null when it is heard now. */
    private Long secondsToWait(String username, String address) {
        long window = WINDOW.toSeconds();
        return jdbc.queryForObject("""
                with recent as (
                    select username, address, failed_at from command_side.sign_in_failure
                     where (username = ? or address = ?) and failed_at > now() - make_interval(secs => ?)),
                by_user as (select failed_at from recent where username = ? order by failed_at desc offset ? - 1 limit 1),
                by_address as (select failed_at from recent where address = ? order by failed_at desc offset ? - 1 limit 1)
                select greatest((select ceil(extract(epoch from failed_at + make_interval(secs => ?) - now())) from by_user),
                                (select ceil(extract(epoch from failed_at + make_interval(secs => ?) - now())) from by_address))::bigint
                """, Long.class, username, address, window, username, perUser, address, perAddress, window, window);
    }

    private static String basicUsername(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String username = colon < 0 ? decoded : decoded.substring(0, colon);
            return username.isEmpty() || username.length() > 64 ? null : username;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
