package gongkai.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The error answers both sides give alike, as application/problem+json: bad fields and parameters
 * 400 naming them, a {@link Problems.Refused} with its status, anything unexpected 500. No message
 * repeats what the client sent (it may hold personal data). Each side's {@code @RestControllerAdvice}
 * extends this with the refusals of its own domain.
 */
public abstract class ErrorAnswers extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    public static final String RETRY_AFTER_SECONDS = "5";
    public static final String DATABASE_AWAY = "数据库暂时不可用，请稍后重试 (the database is unavailable: retry shortly)";

    /**
     * Whether a failure is the database being away (no connection, or one lost): the request may
     * be tried again, so it is 503 with Retry-After, not 500 (and, at sign-in, not 401).
     */
    public static boolean databaseAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** The detail of a 500: what the client may conclude (e.g. that nothing was recorded). */
    protected abstract String internalErrorDetail();

    /**
     * The answer to a refused request: a problem in {@code application/problem+json} whatever the
     * request's {@code Accept} said (a client that cannot read it still gets the status).
     */
    public static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.addAll(headers);
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, problemHeaders, statusCode);
    }

    @ExceptionHandler(Problems.Refused.class)
    ResponseEntity<ProblemDetail> refused(Problems.Refused refused) {
        return answer(refused.problem());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(MethodArgumentTypeMismatchException e) {
        String message = "参数格式有误 (" + e.getName() + " is not a valid "
                         + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()) + ")";
        return answer(Problems.badField(e.getName(), message));
    }

    /** A broken multipart body (only file uploads take one), e.g. {@code multipart/form-data} without a boundary. */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(MultipartException e) {
        return answer(Problems.of(HttpStatus.BAD_REQUEST, "multipart 请求无效 (a broken multipart body; send commands as application/json)"));
    }

    @ExceptionHandler(BodyLimit.TooLarge.class)
    ResponseEntity<ProblemDetail> tooLarge(BodyLimit.TooLarge e) {
        return answer(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, BodyLimit.DETAIL));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (databaseAway(e)) {
            log.warn("The database is unavailable: answered 503 ({})", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                 .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                                 .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, DATABASE_AWAY));
        }
        log.error("Unexpected failure while handling a request", e);
        return answer(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, internalErrorDetail()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                                             .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
                                             .collect(Collectors.toList());
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                             .body(Problems.badInput("请求内容有误 (invalid fields): " + detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyLimit.TooLarge) { // the converter reports the stream's refusal as unreadable
                return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                                     .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, BodyLimit.DETAIL));
            }
        }
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(unreadable(ex.getCause()));
    }

    /** Says which field was wrong and why, without echoing the value (it may be personal data). */
    public static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                                  .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                                  .collect(Collectors.joining(".")).replace(".[", "[");
            String message;
            if (cause instanceof UnrecognizedPropertyException) {
                message = "未知字段 (unknown field)";
            } else if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                       && invalid.getTargetType().isEnum()) {
                message = "不是有效的取值 (not one of " + List.of(invalid.getTargetType().getEnumConstants()) + ")";
            } else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null
                       && java.time.temporal.Temporal.class.isAssignableFrom(mismatched.getTargetType())) {
                message = "不是有效的日期 (not a valid date YYYY-MM-DD)";
            } else if (cause instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
                message = "类型不符 (expected " + mismatched.getTargetType().getSimpleName() + ")";
            } else {
                message = "无法读取 (cannot be read)";
            }
            return Problems.badInput("请求内容有误 (invalid field " + field + "): " + message,
                                     List.of(new Problems.FieldError(field, message)));
        }
        return Problems.badInput("请求不是有效的 JSON (the body is not valid JSON)", List.of());
    }
}
