package gongkai.command.web;

import gongkai.command.CaseNotFound;
import gongkai.command.Refusal;
import gongkai.command.access.UserAccounts;
import gongkai.http.ErrorAnswers;
import gongkai.http.Problems;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;


/**
 * The command side's refusals as problems (docs/http-api.md, "Errors"), beside those both sides share
 * ({@link ErrorAnswers}): an unknown case 404, a refused or concurrent command 409. Nothing the client
 * sends can produce a 500, and no message repeats what the client sent (it may hold personal data).
 */
@RestControllerAdvice
public class ErrorHandling extends ErrorAnswers {

    @Override
    protected String internalErrorDetail() {
        return "内部错误，未记录任何内容 (internal error: nothing was recorded)";
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        if (refusal.kind() == Refusal.Kind.INVALID) {
            return answer(Problems.badField(refusal.field(), refusal.getMessage()));
        }
        return answer(Problems.of(HttpStatus.CONFLICT, refusal.getMessage()));
    }

    @ExceptionHandler({CaseNotFound.class, AggregateNotFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return answer(Problems.of(HttpStatus.NOT_FOUND, e instanceof CaseNotFound ? e.getMessage()
                                                                                  : "未找到该案件 (no such case)"));
    }

    /** A case id used for another kind of case (an application's id posted as a review's, say). */
    @ExceptionHandler(IncompatibleAggregateException.class)
    ResponseEntity<ProblemDetail> otherKindOfCase(IncompatibleAggregateException e) {
        return answer(Problems.of(HttpStatus.CONFLICT, "该编号属于另一类案件 (this id belongs to another kind of case)"));
    }

    @ExceptionHandler({ConcurrencyException.class, AggregateStreamCreationException.class})
    ResponseEntity<ProblemDetail> concurrent(Exception e) {
        return answer(Problems.of(HttpStatus.CONFLICT,
                                  "该案件刚被他人修改，请刷新后重试 (the case was changed concurrently: reload and retry)"));
    }

    @ExceptionHandler(UserAccounts.AlreadyExists.class)
    ResponseEntity<ProblemDetail> alreadyExists(UserAccounts.AlreadyExists e) {
        return answer(Problems.of(HttpStatus.CONFLICT, e.getMessage()));
    }
}
