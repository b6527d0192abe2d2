package gongkai.command.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import gongkai.command.CaseNotFound;
import gongkai.command.Refusal;
import gongkai.command.access.UserAccounts;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Every error as application/problem+json (docs/http-api.md, "Errors"): bad input 400 naming the fields, an unknown
 * case 404, a refused or concurrent command 409. Nothing the client sends can produce a 500, and
 * no message repeats what the client sent (it may hold personal data).
 */
@RestControllerAdvice
public class ErrorHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(Refusal.class)
    ProblemDetail refused(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.INVALID) {
            return Problems.badInput(refusal.getMessage(),
                                     List.of(new Problems.FieldError(refusal.field(), refusal.getMessage())));
        }
        return Problems.of(HttpStatus.CONFLICT, refusal.getMessage());
    }

    @ExceptionHandler({CaseNotFound.class, AggregateNotFoundException.class})
    ProblemDetail notFound(Exception e) {
        return Problems.of(HttpStatus.NOT_FOUND, e instanceof CaseNotFound ? e.getMessage()
                                                                           : "未找到该案件 (no such case)");
    }

    /** A case id used for another kind of case (an application's id posted as a review's, say). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ProblemDetail otherKindOfCase(IncompatibleAggregateException e) {
        return Problems.of(HttpStatus.CONFLICT, "该编号属于另一类案件 (this id belongs to another kind of case)");
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ProblemDetail concurrent(Exception e) {
        return Problems.of(HttpStatus.CONFLICT,
                           "该案件刚被他人修改，请刷新后重试 (the case was changed concurrently: reload and retry)");
    }

    @ExceptionHandler(UserAccounts.AlreadyExists.class)
    ProblemDetail alreadyExists(UserAccounts.AlreadyExists e) {
        return Problems.of(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure while handling a request", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误，未记录任何内容 (internal error: nothing was recorded)");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Problems.FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                                             .map(f -> new Problems.FieldError(f.getField(), f.getDefaultMessage()))
                                             .collect(Collectors.toList());
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.badInput("请求内容有误 (invalid fields): " + detail, errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable(ex.getCause()));
    }

    /** Says which field was wrong and why, without echoing the value (it may be personal data). */
    static ProblemDetail unreadable(Throwable cause) {
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
