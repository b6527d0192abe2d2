package gongkai.query.web;

import gongkai.http.ErrorAnswers;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every error as application/problem+json ({@link ErrorAnswers}); bad parameters are 400 naming the parameter, never 500. */
@RestControllerAdvice
public class ErrorHandling extends ErrorAnswers {

    @Override
    protected String internalErrorDetail() {
        return "内部错误 (internal error)";
    }
}
