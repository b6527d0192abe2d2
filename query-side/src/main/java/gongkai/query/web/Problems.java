package gongkai.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details as docs/http-api.md ("Errors") wants them: {@code status}, {@code title}, {@code detail},
 * {@code errors}.
 */
public final class Problems {

    public record FieldError(String field, String message) {
    }

    /** A request the query side refuses, with its HTTP status and, for bad input, the field at fault. */
    public static final class Refused extends RuntimeException {
        private final HttpStatus status;
        private final String field;

        public Refused(HttpStatus status, String field, String message) {
            super(message, null, false, false);
            this.status = status;
            this.field = field;
        }

        public static Refused badInput(String field, String message) {
            return new Refused(HttpStatus.BAD_REQUEST, field, message);
        }

        public static Refused notFound(String message) {
            return new Refused(HttpStatus.NOT_FOUND, null, message);
        }

        public static Refused forbidden(String message) {
            return new Refused(HttpStatus.FORBIDDEN, null, message);
        }

        ProblemDetail problem() {
            ProblemDetail problem = of(status, getMessage());
            if (field != null) {
                problem.setProperty("errors", List.of(new FieldError(field, getMessage())));
            }
            return problem;
        }
    }

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        return problem;
    }

    /** For the security filters, which answer before Spring MVC is reached. */
    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
                             Map<String, String> headers) throws IOException {
        response.setStatus(status.value());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), of(status, detail));
    }
}
