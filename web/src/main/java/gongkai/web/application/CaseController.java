package gongkai.web.application;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.PageErrors;
import gongkai.web.access.SignedIn;
import gongkai.web.forms.Action;
import gongkai.web.forms.FailureModel;
import gongkai.web.forms.Forms;
import gongkai.web.forms.Submission;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The case page: state, due date with its explanation and the working days left, the timeline of every
 * event in words, and the actions its state allows, each a short form. A refused action shows the rule
 * that refused it, as the command side gave it.
 */
@Controller
public class CaseController {

    private final Sides sides;

    public CaseController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/applications/{id}")
    public ModelAndView show(@PathVariable String id) {
        return page(id, null);
    }

    /** The application form as received, for printing (a page of its own, without navigation). */
    @GetMapping("/applications/{id}/print")
    public ModelAndView print(@PathVariable String id) {
        JsonNode application = sides.read("/api/applications/{id}", id);
        JsonNode history = sides.read("/api/applications/{id}/history", id);
        ModelAndView page = new ModelAndView("print");
        page.addObject("app", sides.plain(application));
        page.addObject("received", sides.plain(receipt(history)));
        page.addObject("applicant", applicant(receipt(history)));
        page.addObject("history", sides.plain(history));
        return page;
    }

    /** The applicant's details where the reader may see them; null where they are withheld (a string then). */
    private Map<String, Object> applicant(JsonNode receipt) {
        JsonNode applicant = receipt.path("applicant");
        return applicant.isObject() ? sides.plain(applicant) : null;
    }

    /** The content of the event that received the application (submitted online, or logged by a clerk). */
    private static JsonNode receipt(JsonNode history) {
        for (JsonNode event : history.path("events")) {
            if ("ApplicationReceived".equals(event.path("type").asText())) {
                return event.path("content");
            }
        }
        return history.path("events").path(0).path("content");
    }

    @PostMapping("/applications/{id}/actions/{key}")
    public ModelAndView act(@PathVariable String id, @PathVariable String key,
                            @RequestParam MultiValueMap<String, String> posted, RedirectAttributes redirect) {
        Action action = ApplicationForms.byKey(key);
        if (action == null) {
            return PageErrors.notFound();
        }
        Map<String, Object> body = Forms.body(posted, action.fields());
        if (action == ApplicationForms.CORRECTION) {
            Object field = body.get("field");
            Object value = field != null && ApplicationForms.DATE_FIELDS.contains(field.toString())
                           ? body.remove("valueDate") : body.remove("valueChoice");
            body.remove("valueDate");
            body.remove("valueChoice");
            if (value != null) {
                body.put("value", value);
            }
        }
        Submission sent = Submission.send(sides, action, body, posted, id);
        if (sent.recorded()) {
            List<String> warnings = new ArrayList<>();
            sent.answer().path("warnings").forEach(w -> warnings.add(Zh.chinese(w.asText())));
            redirect.addFlashAttribute("recorded", "已记录：" + action.title() + "。");
            redirect.addFlashAttribute("warnings", warnings);
            return new ModelAndView("redirect:/applications/" + id);
        }
        Submission.Failure failure = sent.failure();
        Map<String, String> errors = new LinkedHashMap<>(failure.errors());
        String value = errors.remove("value"); // the correction's one value is one of two fields on the form
        if (value != null) {
            errors.put("valueDate", value);
            errors.put("valueChoice", value);
        }
        return page(id, new Submission.Failure(failure.form(), failure.refusal(), errors, failure.values(), failure.status()));
    }

    /**
     * "Show in full": the ID number and phone are masked until a clerk of the case's agency asks, saying why;
     * the query side records the showing in the access log an auditor lists (个人信息保护法第五十一条,
     * docs/personal-data.md) and answers the history unmasked, which this page shows once (a reload masks again).
     * With htmx only the applicant's block is swapped; without, the whole page comes back.
     */
    @PostMapping("/applications/{id}/personal-data")
    public ModelAndView showInFull(@PathVariable String id, @RequestParam(required = false) String reason,
                                   @RequestHeader(value = "HX-Request", required = false) String htmx) {
        JsonNode full;
        try {
            full = sides.postToQuery(Map.of("reason", reason == null ? "" : reason),
                                     "/api/applications/{id}/personal-data/disclosure", id);
        } catch (Refused refused) {
            if (refused.notFound()) {
                throw refused;
            }
            ModelAndView page = page(id, null, null);
            String message = refused.fieldErrors().getOrDefault("reason", refused.detail());
            page.addObject("disclosureError", Zh.chinese(message));
            // htmx swaps only a 2xx answer: the refusal is shown in the swapped block instead
            page.setStatus(htmx != null ? HttpStatus.OK : HttpStatus.valueOf(refused.status()));
            return page;
        }
        ModelAndView page = page(id, null, full);
        page.addObject("shownInFull", true);
        return page;
    }

    private ModelAndView page(String id, Submission.Failure failure) {
        return page(id, failure, null);
    }

    /** The case page; {@code disclosed} the history as shown in full, or null to read it (masked). */
    private ModelAndView page(String id, Submission.Failure failure, JsonNode disclosed) {
        var historyCall = sides.beside(() -> disclosed != null ? disclosed : sides.read("/api/applications/{id}/history", id));
        var dueHistoryCall = sides.beside(() -> sides.read("/api/applications/{id}/due-history", id));
        var filesCall = sides.beside(() -> sides.read("/api/applications/{id}/attachments", id));
        JsonNode application = sides.read("/api/applications/{id}", id);
        JsonNode history = Sides.answerOf(historyCall);
        JsonNode dueHistory = Sides.answerOf(dueHistoryCall);
        // The application's read model counts the events of its lifecycle from its receipt; a file added to the case
        // is not one of them, nor is the submission made online that a clerk's confirmation turned into the receipt.
        int events = 0;
        for (JsonNode event : history.path("events")) {
            String type = event.path("type").asText();
            if (!"AttachmentAdded".equals(type) && !"ApplicationSubmitted".equals(type)) {
                events++;
            }
        }
        ModelAndView page = new ModelAndView("case", failure == null ? HttpStatus.OK : HttpStatus.valueOf(failure.status()));
        Map<String, Object> app = sides.plain(application);
        page.addObject("app", app);
        page.addObject("history", sides.plain(history));
        // every move of the due date, a provisional one (暂定) and the firm one that replaced it alike
        page.addObject("dueChanges", sides.plain(dueHistory).get("changes"));
        page.addObject("received", sides.plain(receipt(history)));
        // withheld (a sealed case, docs/personal-data.md) the applicant is a text, not the applicant's fields
        page.addObject("applicant", applicant(receipt(history)));
        page.addObject("personalData", history.path("personalData").asText());
        // the one who may ask to see the ID number and phone in full: a clerk of the case's agency (the query side decides)
        page.addObject("mayShowInFull", SignedIn.current().is("CLERK") && "shown".equals(history.path("personalData").asText()));
        page.addObject("caughtUp", application.path("eventCount").asInt() >= events);
        List<Action> actions = new ArrayList<>();
        if (SignedIn.current().is("SUPERVISOR")) {
            actions.addAll(ApplicationForms.supervisorAllowed(app));
        }
        if (SignedIn.current().is("CLERK")) {
            actions.addAll(ApplicationForms.allowed(app));
        }
        page.addObject("actions", actions);
        page.addObject("papers", sides.plain(Sides.answerOf(filesCall)));
        page.addObject("letters", SignedIn.current().is("CLERK") ? CasePapersController.LETTERS : Map.of());
        FailureModel.add(page, failure);
        return page;
    }
}
