package gongkai.web.forms;

import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/** What the form fragments read to show a refused form again: {@code failed}, {@code refusal}, {@code errors}, {@code values}. */
public final class FailureModel {

    private FailureModel() {
    }

    public static void add(ModelAndView page, Submission.Failure failure) {
        page.addObject("failed", failure == null ? null : failure.form());
        page.addObject("refusal", failure == null ? null : failure.refusal());
        page.addObject("errors", failure == null ? Map.of() : failure.errors());
        page.addObject("values", failure == null ? Map.of() : failure.values());
    }
}
