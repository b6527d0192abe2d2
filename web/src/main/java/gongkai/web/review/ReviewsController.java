package gongkai.web.review;

import gongkai.events.CaseResult;
import gongkai.events.lawsuit.Route;
import gongkai.web.access.SignedIn;
import gongkai.web.forms.Action;
import gongkai.web.forms.FailureModel;
import gongkai.web.forms.Field;
import gongkai.web.forms.Field.Option;
import gongkai.web.forms.Forms;
import gongkai.web.forms.Submission;
import gongkai.web.sides.Sides;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 复议与诉讼: the agency's reconsiderations and lawsuits, each linked to its application; filing one,
 * deciding a reconsideration, recording a judgment (non-final: appealed, still pending; final: the
 * result that counts in table 四). A filing form carries its case's id, chosen when shown, so that
 * sending it twice files one case.
 */
@Controller
public class ReviewsController {

    static final List<Option> RESULTS = Arrays.stream(CaseResult.values())
                                              .map(r -> new Option(r.name(), r.label(), null)).toList();

    static final Action FILE_REVIEW = new Action("file-review", "登记行政复议", "/api/reviews", List.of(
            Field.date("filedOn", "复议申请日期"),
            Field.text("applicationId", "所涉申请编号").optional().hint("系统中的政府信息公开申请编号（可从案件页面复制）"),
            Field.text("body", "复议机关").optional()), "登记复议");
    static final Action DECIDE_REVIEW = new Action("decide-review", "复议决定", "/api/reviews/{id}/decision", List.of(
            Field.date("decidedOn", "决定日期"),
            Field.select("result", "复议结果", RESULTS),
            Field.textarea("note", "备注").optional()), "记录决定");
    static final Action FILE_LAWSUIT = new Action("file-lawsuit", "登记行政诉讼", "/api/lawsuits", List.of(
            Field.date("filedOn", "起诉日期"),
            Field.select("route", "起诉方式", Arrays.stream(Route.values())
                                                 .map(r -> new Option(r.name(), r.label().replace("行政诉讼 · ", ""), null)).toList()),
            Field.text("reviewId", "复议后起诉的，复议案件编号").optional(),
            Field.text("applicationId", "所涉申请编号").optional(),
            Field.text("court", "受理法院").optional()), "登记诉讼");
    static final Action JUDGE_LAWSUIT = new Action("judge-lawsuit", "判决", "/api/lawsuits/{id}/judgment", List.of(
            Field.date("decidedOn", "判决日期"),
            Field.select("result", "判决结果", RESULTS),
            Field.select("final", "是否为生效判决", List.of(new Option("true", "终审（生效）判决", null),
                                                           new Option("false", "一审判决，已上诉", null)))
                 .hint("只有生效判决的结果计入表四；已上诉的案件仍计为尚未审结。")), "记录判决");

    private static final List<Action> FILINGS = List.of(FILE_REVIEW, FILE_LAWSUIT);

    private final Sides sides;

    public ReviewsController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/reviews")
    public ModelAndView list() {
        return page(null);
    }

    @PostMapping("/reviews/file/{key}")
    public ModelAndView file(@PathVariable String key, @RequestParam MultiValueMap<String, String> posted,
                             RedirectAttributes redirect) {
        Action action = FILINGS.stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
        if (action == null) {
            return new ModelAndView("notfound", HttpStatus.NOT_FOUND);
        }
        Map<String, Object> body = Forms.body(posted, action.fields());
        body.put("agencyId", SignedIn.current().agencyId());
        body.put(action == FILE_REVIEW ? "reviewId" : "lawsuitId", posted.getFirst("caseId"));
        return done(Submission.send(sides, action, body, posted), action, redirect, null);
    }

    @PostMapping("/reviews/{reviewId}/decision")
    public ModelAndView decide(@PathVariable String reviewId, @RequestParam MultiValueMap<String, String> posted,
                               RedirectAttributes redirect) {
        return done(Submission.send(sides, DECIDE_REVIEW, posted, reviewId), DECIDE_REVIEW, redirect, reviewId);
    }

    @PostMapping("/lawsuits/{lawsuitId}/judgment")
    public ModelAndView judge(@PathVariable String lawsuitId, @RequestParam MultiValueMap<String, String> posted,
                              RedirectAttributes redirect) {
        return done(Submission.send(sides, JUDGE_LAWSUIT, posted, lawsuitId), JUDGE_LAWSUIT, redirect, lawsuitId);
    }

    /** A case's own form is known by the action and the case ({@link #formOf}), so its errors show on it alone. */
    private ModelAndView done(Submission sent, Action action, RedirectAttributes redirect, String caseId) {
        if (sent.recorded()) {
            redirect.addFlashAttribute("recorded", "已记录：" + action.title() + "。");
            return new ModelAndView("redirect:/reviews");
        }
        Submission.Failure f = sent.failure();
        return page(caseId == null ? f : new Submission.Failure(formOf(action.key(), caseId), f.refusal(), f.errors(),
                                                                 f.values(), f.status()));
    }

    public static String formOf(String key, String caseId) {
        return key + "-" + caseId;
    }

    private ModelAndView page(Submission.Failure failure) {
        ModelAndView page = new ModelAndView("reviews", failure == null ? HttpStatus.OK : HttpStatus.valueOf(failure.status()));
        page.addObject("reviews", sides.plain(sides.read("/api/reviews", Map.of())).get("items"));
        page.addObject("lawsuits", sides.plain(sides.read("/api/lawsuits", Map.of())).get("items"));
        page.addObject("fileReview", FILE_REVIEW);
        page.addObject("fileLawsuit", FILE_LAWSUIT);
        page.addObject("decideReview", DECIDE_REVIEW);
        page.addObject("judgeLawsuit", JUDGE_LAWSUIT);
        page.addObject("newReviewId", UUID.randomUUID().toString());
        page.addObject("newLawsuitId", UUID.randomUUID().toString());
        FailureModel.add(page, failure);
        return page;
    }
}
