package gongkai.web.register;

import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DocumentKind;
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
 * 主动公开 (table 二 and section 一): the register of rules and normative documents (issue, repeal, the
 * opening balance the register starts from), the tallies of licensing, penalty and coercion decisions,
 * the fees collected, the items published. Each is a command of the command side.
 */
@Controller
public class RegisterController {

    static final Action ISSUE = new Action("issue", "登记制发文件", "/api/agencies/{a}/documents", List.of(
            Field.select("kind", "文件类型", Arrays.stream(DocumentKind.values())
                                                  .map(k -> new Option(k.name(), k.label(), null)).toList()),
            Field.text("title", "文件名称"),
            Field.date("issuedOn", "制发日期")), "登记文件");
    static final Action REPEAL = new Action("repeal", "废止", "/api/agencies/{a}/documents/{d}/repeal", List.of(
            Field.date("repealedOn", "废止日期")), "记录废止");
    static final Action OPENING_BALANCE = new Action("opening-balance", "期初现行有效件数",
            "/api/agencies/{a}/documents/opening-balance", List.of(
            Field.date("asOf", "截至日期").hint("开始使用本系统前已现行有效的文件件数；此后制发、废止的文件逐件登记。"),
            Field.number("rules", "现行有效规章件数"),
            Field.number("normativeDocuments", "现行有效规范性文件件数")), "记录期初数");
    static final Action TALLY = new Action("tally", "行政决定件数", "/api/agencies/{a}/decision-tallies", List.of(
            Field.select("category", "类别", Arrays.stream(DecisionCategory.values())
                                                 .map(c -> new Option(c.name(), c.label(), null)).toList()),
            Field.date("from", "统计起始日期"),
            Field.date("to", "统计截止日期"),
            Field.number("count", "件数")), "记录件数");
    static final Action FEES = new Action("fees", "信息处理费收费", "/api/agencies/{a}/fees", List.of(
            Field.date("collectedOn", "收费日期"),
            Field.number("amountYuan", "金额（元）")), "记录收费");
    static final Action PUBLISHED = new Action("published", "主动公开信息", "/api/agencies/{a}/publications", List.of(
            Field.text("category", "栏目或类别"),
            Field.text("title", "标题"),
            Field.date("publishedOn", "公开日期")), "记录公开");

    private static final List<Action> FORMS = List.of(ISSUE, OPENING_BALANCE, TALLY, FEES, PUBLISHED);

    private final Sides sides;

    public RegisterController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/register")
    public ModelAndView register() {
        return page(null);
    }

    @PostMapping("/register/{key}")
    public ModelAndView record(@PathVariable String key, @RequestParam MultiValueMap<String, String> posted,
                               RedirectAttributes redirect) {
        Action action = FORMS.stream().filter(a -> a.key().equals(key)).findFirst().orElse(null);
        if (action == null) {
            return new ModelAndView("notfound", HttpStatus.NOT_FOUND);
        }
        Map<String, Object> body = Forms.body(posted, action.fields());
        if (action == ISSUE) {
            body.put("documentId", posted.getFirst("documentId"));
        }
        return done(Submission.send(sides, action, body, posted, agency()), action, redirect, null);
    }

    @PostMapping("/register/documents/{documentId}/repeal")
    public ModelAndView repeal(@PathVariable String documentId, @RequestParam MultiValueMap<String, String> posted,
                               RedirectAttributes redirect) {
        return done(Submission.send(sides, REPEAL, posted, agency(), documentId), REPEAL, redirect, documentId);
    }

    private ModelAndView done(Submission sent, Action action, RedirectAttributes redirect, String documentId) {
        if (sent.recorded()) {
            redirect.addFlashAttribute("recorded", "已记录：" + action.title() + "。");
            return new ModelAndView("redirect:/register");
        }
        Submission.Failure f = sent.failure();
        return page(documentId == null ? f : new Submission.Failure("repeal-" + documentId, f.refusal(), f.errors(),
                                                                     f.values(), f.status()));
    }

    private ModelAndView page(Submission.Failure failure) {
        ModelAndView page = new ModelAndView("register", failure == null ? HttpStatus.OK : HttpStatus.valueOf(failure.status()));
        page.addObject("register", sides.plain(sides.read("/api/agencies/{a}/documents", agency())));
        page.addObject("forms", FORMS);
        page.addObject("repealForm", REPEAL);
        page.addObject("newDocumentId", UUID.randomUUID().toString());
        page.addObject("kinds", Map.of(DocumentKind.RULE.name(), DocumentKind.RULE.label(),
                                       DocumentKind.NORMATIVE_DOCUMENT.name(), DocumentKind.NORMATIVE_DOCUMENT.label()));
        FailureModel.add(page, failure);
        return page;
    }

    private static String agency() {
        return SignedIn.current().agencyId();
    }
}
