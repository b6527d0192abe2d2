package gongkai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem details as docs/http-api.md ("Errors") wants them: {@code status}, {@code title},
 * {@code detail} and, for bad fields, {@code errors}.
 */
public final class Problems {

    public record FieldError(String field, String message) {
    }

    /** A request refused with its HTTP status and, for bad input, the field at fault. */
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

        public ProblemDetail problem() {
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

    public static ProblemDetail badInput(String detail, List<FieldError> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A 400 naming one field. */
    public static ProblemDetail badField(String field, String message) {
        return badInput(message, List.of(new FieldError(field, message)));
    }

    /** For the security filters, which answer before Spring MVC is reached. */
    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail,
                             Map<String, String> headers) throws IOException {
        write(response, json, of(status, detail), headers);
    }

    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem,
                             Map<String, String> headers) throws IOException {
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
