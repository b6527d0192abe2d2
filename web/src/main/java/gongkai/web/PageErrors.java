package gongkai.web;

import gongkai.web.sides.Refused;
import gongkai.web.text.Zh;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * What a page shows when a side refuses: a case that is not there, or not of the user's agency, is
 * a not-found page (the same answer either way, as the sides give); any other refusal names the
 * rule that refused, in Chinese. Forms catch their own refusals and show them beside the form.
 */
@ControllerAdvice
public class PageErrors {

    @ExceptionHandler(Refused.class)
    public ModelAndView refused(Refused refused) {
        if (refused.notFound()) {
            return notFound();
        }
        ModelAndView page = new ModelAndView("error", HttpStatus.valueOf(refused.status() >= 400 && refused.status() < 600
                                                                        ? refused.status() : 502));
        page.addObject("message", Zh.chinese(refused.detail()));
        return page;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    public ModelAndView noSuchPage() {
        return notFound();
    }

    public static ModelAndView notFound() {
        return new ModelAndView("notfound", HttpStatus.NOT_FOUND);
    }

    /** The page an access denied (a form without its CSRF token, a role that may not) is forwarded to. */
    @Controller
    static class Forbidden {

        @RequestMapping("/forbidden")
        public ModelAndView forbidden() {
            return new ModelAndView("forbidden", HttpStatus.FORBIDDEN);
        }

        @org.springframework.web.bind.annotation.GetMapping("/signin")
        public String signIn(Model model) {
            return "signin";
        }
    }
}
