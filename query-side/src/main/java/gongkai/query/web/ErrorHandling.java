package gongkai.query.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/** Every error as application/problem+json; bad parameters are 400 naming the parameter, never 500. */
@RestControllerAdvice
public class ErrorHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    @ExceptionHandler(Problems.Refused.class)
    ResponseEntity<ProblemDetail> refused(Problems.Refused refused) {
        ProblemDetail problem = refused.problem();
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        String message = "参数格式有误 (" + e.getName() + " is not a valid "
                         + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName()) + ")";
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, message);
        problem.setProperty("errors", List.of(new Problems.FieldError(e.getName(), message)));
        return problem;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure while answering a query", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "内部错误 (internal error)");
    }
}
