package gongkai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.access.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code Idempotency-Key} on every POST (IETF httpapi idempotency-key draft): the first request with a
 * key is carried out and its answer kept (status, {@code Content-Type}, {@code Location}, body); a retry
 * with the same key and the same request gets that answer again, marked {@code Idempotent-Replayed};
 * the same key with another request is 422, and a key whose first request is still being carried out
 * is 409. Keys are per user, kept in PostgreSQL ({@code command_side.idempotency_key}) so that every
 * instance shares them, and at least 24 hours. A first request that failed (5xx) leaves no key behind,
 * so it can be tried again; one that never finished (its instance died) is given up after 5 minutes.
 * Runs after sign-in: the key belongs to the signed-in user.
 */
public class IdempotencyKeys extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public IdempotencyKeys(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            keyed(request, response, chain);
        } catch (DataAccessException e) {
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            Problems.write(response, json, HttpStatus.SERVICE_UNAVAILABLE, ErrorAnswers.DATABASE_AWAY,
                           Map.of("Retry-After", ErrorAnswers.RETRY_AFTER_SECONDS));
        }
    }

    private void keyed(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn == null || !(signedIn.getPrincipal() instanceof Actor actor)) {
            chain.doFilter(request, response); // refused further on
            return;
        }
        String key = request.getHeader(HEADER).trim();
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            Problems.write(response, json, Problems.badField(HEADER,
                    "Idempotency-Key 须为 1 至 255 个字符 (Idempotency-Key must be 1 to 255 characters)"), Map.of());
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (BodyLimit.TooLarge e) {
            Problems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, BodyLimit.DETAIL, Map.of());
            return;
        }
        byte[] fingerprint = fingerprint(request, body);
        String user = actor.username();
        if (ThreadLocalRandom.current().nextInt(100) == 0) {
            jdbc.update("delete from command_side.idempotency_key where created_at < now() - interval '24 hours'");
        }
        int claimed = jdbc.update("""
                insert into command_side.idempotency_key (username, idem_key, fingerprint) values (?, ?, ?)
                on conflict (username, idem_key) do update
                   set fingerprint = excluded.fingerprint, created_at = now(), completed_at = null,
                       status = null, content_type = null, location = null, body = null
                 where idempotency_key.created_at < now() - interval '24 hours'
                    or (idempotency_key.completed_at is null and idempotency_key.created_at < now() - interval '5 minutes')
                """, user, key, fingerprint);
        if (claimed == 0) {
            answerAgain(user, key, fingerprint, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayed(request, body), answer);
            if (answer.getStatus() < 500) {
                jdbc.update("""
                        update command_side.idempotency_key set completed_at = now(), status = ?, content_type = ?, location = ?, body = ?
                         where username = ? and idem_key = ?""",
                            answer.getStatus(), answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
                            answer.getContentAsByteArray(), user, key);
                kept = true;
            }
        } finally {
            if (!kept) {
                jdbc.update("delete from command_side.idempotency_key where username = ? and idem_key = ? and completed_at is null", user, key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerAgain(String user, String key, byte[] fingerprint, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select fingerprint, completed_at, status, content_type, location, body from command_side.idempotency_key "
                + "where username = ? and idem_key = ?", user, key);
        if (rows.isEmpty()) { // purged or given up between the two statements: as good as in flight
            Problems.write(response, json, HttpStatus.CONFLICT, "请稍后重试 (retry shortly)", Map.of());
            return;
        }
        Map<String, Object> first = rows.get(0);
        if (!Arrays.equals((byte[]) first.get("fingerprint"), fingerprint)) {
            Problems.write(response, json, HttpStatus.UNPROCESSABLE_ENTITY,
                           "该 Idempotency-Key 已用于另一个请求 (this Idempotency-Key was used for another request)", Map.of());
            return;
        }
        if (first.get("completed_at") == null) {
            Problems.write(response, json, HttpStatus.CONFLICT,
                           "使用该 Idempotency-Key 的请求仍在处理中 (the first request with this key is still being processed)",
                           Map.of("Retry-After", "1"));
            return;
        }
        response.setStatus((Integer) first.get("status"));
        response.setHeader(REPLAYED, "true");
        if (first.get("content_type") != null) {
            response.setContentType((String) first.get("content_type"));
        }
        if (first.get("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, (String) first.get("location"));
        }
        byte[] body = (byte[]) first.get("body");
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** The request as the key's owner sent it: method, path, query, content type and body. */
    private static byte[] fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{request.getMethod(), request.getRequestURI(),
                                            String.valueOf(request.getQueryString()), String.valueOf(request.getContentType())}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return sha.digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The request with its body read once here and offered again to what follows. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
