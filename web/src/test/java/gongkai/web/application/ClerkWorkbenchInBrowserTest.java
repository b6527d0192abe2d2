package gongkai.web.application;

import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A clerk's application from letter to answer, through the pages alone, in Debian's headless Chromium:
 * logged as received on 28 December, a supplement asked for and received, answered partly disclosed in
 * January; the due date, the timeline, the worklist while it is open and not after, and the report pages
 * of both years counting it in the right cells. The steps build on each other, in order.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClerkWorkbenchInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;
    private static String caseAddress;

    @BeforeAll
    static void open() {
        system.agencyWithClerk("xiaoying", "li");
        system.agencyWithClerk("chengguan", "zhao");
        browser = Browser.open(system.baseUrl());
        signIn("li");
    }

    @Test
    @Order(1)
    void aClerkLogsAnApplicationReceivedOn28December() {
        browser.go("/applications/new");
        assertThat(browser.text(By.id("intake-receivedOn-hint"))).startsWith("第三十一条");
        browser.fill("#intake", "收到申请日期", "2023-12-28")
               .fill("#intake", "提交渠道", "MAIL")
               .fill("#intake", "申请人类型", "NATURAL_PERSON")
               .fill("#intake", "申请人姓名或名称", "王小明")
               .fill("#intake", "联系电话", "13800000000")
               .fill("#intake", "所需政府信息的内容描述", "2023年道路维修预算");
        browser.screenshot("intake");
        browser.press("#intake", "登记");

        assertThat(browser.path()).matches("/applications/[0-9a-f-]{36}");
        caseAddress = browser.path();
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("申请已登记。");
        assertThat(browser.text(By.id("case-state"))).isIn("办理中", "即将到期", "已逾期");
        // 20 working days from the day after 28 December 2023, on the official calendar
        assertThat(browser.text(By.id("due-on"))).isEqualTo("2024年1月26日");
        assertThat(browser.text(By.id("due-explanation"))).contains("20 个工作日");
        assertThat(browser.text(By.id("phone"))).as("masked even for the clerks (docs/personal-data.md)").isEqualTo("138****0000");
        assertThat(timeline()).containsExactly("ApplicationReceived");
    }

    @Test
    @Order(2)
    void theClerkAsksForASupplementAndRecordsItsReceipt() {
        browser.go(caseAddress);
        openAction("supplement-request");
        browser.fill("#form-supplement-request", "告知补正日期", "2023-12-29")
               .fill("#form-supplement-request", "补正期限", "2024-01-12")
               .fill("#form-supplement-request", "需要补正的事项", "请说明所需预算的路段")
               .press("#form-supplement-request", "记录补正要求");
        assertThat(browser.text(By.id("case-state"))).isEqualTo("待补正");
        assertThat(browser.findAll(By.id("action-supplement-request"))).as("a supplement is asked for once").isEmpty();

        openAction("supplement");
        browser.fill("#form-supplement", "收到补正日期", "2024-01-03").press("#form-supplement", "记录收到补正");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("已记录：补正：收到补正材料。");
        // counted again from zero on the day after 3 January 2024
        assertThat(browser.text(By.id("due-on"))).isEqualTo("2024年1月31日");
        assertThat(timeline()).containsExactly("ApplicationReceived", "SupplementRequested", "SupplementReceived");
    }

    @Test
    @Order(3)
    void theWorklistShowsTheOpenApplication() {
        browser.go("/");
        assertThat(browser.findAll(By.cssSelector("tr[data-application-id='" + id() + "']"))).hasSize(1);
        browser.screenshot("dashboard");
    }

    @Test
    @Order(3)
    void theSearchFindsTheApplicationByTheApplicantsNameWithoutPuttingItInTheAddress() {
        browser.go("/");
        search("王小明");
        assertThat(browser.findAll(By.cssSelector("tr[data-application-id]"))).hasSize(1);
        assertThat(browser.find(By.cssSelector("tr[data-application-id]")).getAttribute("data-application-id")).isEqualTo(id());
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("%E7%8E%8B").doesNotContain("王小明");

        search("道路维修");
        assertThat(browser.findAll(By.cssSelector("tr[data-application-id]"))).hasSize(1);
        search("李四");
        assertThat(browser.findAll(By.cssSelector("tr[data-application-id]"))).isEmpty();
    }

    /** Searches the worklist and waits until htmx has put the answer in place of the list shown before. */
    private static void search(String words) {
        WebElement shown = browser.find(By.cssSelector("#worklist p.summary"));
        browser.fill("#filters", "检索申请内容或申请人姓名", words).pressInPlace("#filters", "筛选");
        browser.await(d -> Browser.detached(shown));
    }

    @Test
    @Order(4)
    void theClerkAnswersItPartlyDisclosedWithAReasonInJanuary() {
        browser.go(caseAddress);
        openAction("conclusion");
        browser.fill("#form-conclusion", "答复日期", "2024-01-10")
               .fill("#form-conclusion", "答复结果", "PARTIALLY_DISCLOSED");
        browser.find(By.id("conclusion-withheldReasons-WITHHELD_THIRD_PARTY_RIGHTS")).click();
        browser.press("#form-conclusion", "记录答复");

        assertThat(browser.text(By.id("case-state"))).isEqualTo("已答复");
        assertThat(browser.text(By.id("conclusion"))).contains("2024年1月10日", "部分公开", "4.保护第三方合法权益");
        assertThat(browser.text(By.id("due-on"))).isEqualTo("2024年1月31日");
        assertThat(timeline()).containsExactly("ApplicationReceived", "SupplementRequested", "SupplementReceived",
                                               "ApplicationConcluded");
        WebElement answered = browser.find(By.cssSelector("#timeline > li[data-type=ApplicationConcluded]"));
        assertThat(answered.getText()).contains("li", "2024年1月10日", "记录于");
        browser.screenshot("case");
    }

    @Test
    @Order(5)
    void theWorklistNoLongerShowsTheAnsweredApplication() {
        browser.go("/");
        assertThat(browser.findAll(By.cssSelector("tr[data-application-id='" + id() + "']"))).isEmpty();
    }

    @Test
    @Order(6)
    void theReportPagesOfBothYearsCountItInTheRightCells() {
        system.awaitProjections();
        browser.go("/reports/2023");
        assertThat(officialCell("NEW", "NATURAL_PERSON")).isEqualTo("1");
        assertThat(officialCell("CARRIED_FORWARD", "NATURAL_PERSON")).isEqualTo("1");
        assertThat(officialCell("PARTIALLY_DISCLOSED", "NATURAL_PERSON")).isEqualTo("0");
        browser.screenshot("report");

        browser.go("/reports/2024");
        assertThat(officialCell("CARRIED_OVER", "NATURAL_PERSON")).isEqualTo("1");
        assertThat(officialCell("NEW", "NATURAL_PERSON")).isEqualTo("0");
        assertThat(officialCell("PARTIALLY_DISCLOSED", "NATURAL_PERSON")).isEqualTo("1");
    }

    @Test
    @Order(6)
    void aFigureOfTheClerksReportLeadsToTheCasesBehindItAndEachCaseToItsHistory() {
        browser.go("/reports/2023");
        assertThat(browser.findAll(By.cssSelector("#table-三 thead th[colspan]"))).as("the form's merged headers").isNotEmpty();
        browser.find(By.cssSelector("#table-三 a[data-cell='NEW/NATURAL_PERSON']")).click();
        browser.await(driver -> !driver.findElements(By.id("cell-count")).isEmpty());
        assertThat(browser.path()).startsWith("/audit/reports/xiaoying/2023/cells/NEW/NATURAL_PERSON");
        assertThat(browser.text(By.id("cell-count"))).isEqualTo("1");
        browser.find(By.cssSelector("a.case[href$='" + id() + "']")).click();
        browser.await(driver -> !driver.findElements(By.id("case-id")).isEmpty());
        assertThat(browser.text(By.id("case-id"))).isEqualTo(id());

        browser.go("/reports/2023/official");
        @SuppressWarnings("unchecked")
        List<String> links = (List<String>) browser.script(
                "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'));");
        assertThat(links).as("the printable report's figures").isNotEmpty()
                         .allSatisfy(href -> assertThat(href).startsWith("/audit/reports/xiaoying/2023/cells/"));
        browser.find(By.cssSelector("td[data-row=NEW][data-column=NATURAL_PERSON] a")).click();
        browser.await(driver -> !driver.findElements(By.id("cell-count")).isEmpty());
        assertThat(browser.text(By.id("cell-count"))).isEqualTo("1");
    }

    @Test
    @Order(7)
    void aClerkOfAnotherAgencyOpeningTheCaseGetsNotFound() {
        browser.driver().manage().deleteAllCookies();
        signIn("zhao");
        browser.go(caseAddress);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("未找到");
        assertThat(browser.driver().getPageSource()).doesNotContain("王小明", "道路维修");
        browser.driver().manage().deleteAllCookies();
        signIn("li");
    }

    @Test
    @Order(8)
    void aFormWithAnImpossibleDateShowsTheErrorBesideTheFieldAndRecordsNothing() {
        int before = applications();
        browser.go("/applications/new");
        browser.fill("#intake", "收到申请日期", "2023-02-30")
               .fill("#intake", "提交渠道", "IN_PERSON")
               .fill("#intake", "申请人类型", "NATURAL_PERSON")
               .fill("#intake", "申请人姓名或名称", "赵六")
               .fill("#intake", "所需政府信息的内容描述", "某项目批复")
               .press("#intake", "登记");
        assertThat(browser.path()).isEqualTo("/applications");
        WebElement error = browser.find(By.id("intake-receivedOn-error"));
        assertThat(error.getText()).isEqualTo("不是有效的日期");
        // beside its field: right under the date, inside the same field
        WebElement field = browser.field("#intake", "收到申请日期");
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(error.findElement(By.xpath("..")).findElements(By.id("intake-receivedOn"))).hasSize(1);
        assertThat(field.getAttribute("value")).isEqualTo("2023-02-30");
        assertThat(browser.field("#intake", "所需政府信息的内容描述").getAttribute("value")).isEqualTo("某项目批复");
        system.awaitProjections();
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    @Order(9)
    void aFormSentTwiceRecordsOneApplication() {
        int before = applications();
        browser.go("/applications/new");
        browser.fill("#intake", "收到申请日期", "2024-02-05")
               .fill("#intake", "提交渠道", "ONLINE")
               .fill("#intake", "申请人类型", "COMMERCIAL_ENTERPRISE")
               .fill("#intake", "申请人姓名或名称", "某某科技有限公司")
               .fill("#intake", "所需政府信息的内容描述", "企业补贴名单");
        // a double click: the same form sent twice at once, then once more by its button
        Object statuses = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const form = document.getElementById('intake');"
                + "const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),"
                + "                                        redirect: 'manual'}).then(r => r.type);"
                + "Promise.all([send(), send()]).then(done);");
        assertThat(statuses).asList().containsOnly("opaqueredirect");
        browser.press("#intake", "登记");
        assertThat(browser.path()).matches("/applications/[0-9a-f-]{36}");
        system.awaitProjections();
        assertThat(applications()).isEqualTo(before + 1);
    }

    @Test
    @Order(10)
    void noPageRequestsAnythingOutsideGongkai() {
        for (String page : List.of("/", "/applications/new", caseAddress, "/reviews", "/register", "/reports/2023")) {
            browser.go(page);
            @SuppressWarnings("unchecked")
            List<String> requested = (List<String>) browser.script(
                    "return performance.getEntriesByType('resource').map(e => e.name)"
                    + ".concat(Array.from(document.querySelectorAll('iframe')).flatMap(f => "
                    + "f.contentWindow.performance.getEntriesByType('resource').map(e => e.name)));");
            assertThat(requested).as(page).isNotEmpty().allSatisfy(url -> assertThat(url).startsWith(system.baseUrl() + "/"));
        }
    }

    @Test
    @Order(11)
    void aReconsiderationThatCorrectsTheAnswerLetsTheClerkReopenTheApplication() {
        browser.go("/reviews");
        browser.fill("#file-review", "复议申请日期", "2024-02-20")
               .fill("#file-review", "所涉申请编号", id())
               .fill("#file-review", "复议机关", "区人民政府")
               .press("#file-review", "登记复议");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("已记录：登记行政复议。");
        WebElement review = browser.find(By.cssSelector("#reviews tr[data-review-id]"));
        String reviewId = review.getAttribute("data-review-id");
        assertThat(review.getText()).contains("2024年2月20日", id().substring(0, 8), "尚未决定");

        review.findElement(By.tagName("summary")).click();
        browser.fill("", "决定日期", "2024-04-15").fill("", "复议结果", "CORRECTED").press("", "记录决定");
        assertThat(browser.find(By.cssSelector("#reviews tr[data-review-id]")).getText()).contains("2024年4月15日", "结果纠正");

        browser.go(caseAddress);
        openAction("reopening");
        browser.fill("#form-reopening", "重新办理日期", "2024-04-20")
               .fill("#form-reopening", "纠正的行政复议案件编号", reviewId)
               .press("#form-reopening", "记录重新办理");
        assertThat(browser.text(By.id("case-state"))).isIn("重新办理", "已逾期", "即将到期");
        assertThat(timeline()).endsWith("ApplicationReopened");
    }

    @Test
    @Order(12)
    void aRefusedActionShowsTheRuleThatRefusedIt() {
        browser.go(caseAddress);
        openAction("extension-request");
        browser.fill("#form-extension-request", "延期申请日期", "2024-04-22")
               .fill("#form-extension-request", "延长工作日数", "30")
               .fill("#form-extension-request", "延期理由", "需要调取档案")
               .press("#form-extension-request", "提交负责人审批");
        WebElement refusal = browser.find(By.cssSelector("#form-extension-request [role=alert]"));
        assertThat(refusal.getText()).contains("20");
        assertThat(refusal.getText()).doesNotContain("(");
        assertThat(timeline()).doesNotContain("ExtensionRequested");
    }

    @Test
    @Order(13)
    void aLawsuitIsPendingUntilItsFinalJudgment() {
        browser.go("/reviews");
        browser.fill("#file-lawsuit", "起诉日期", "2024-05-06")
               .fill("#file-lawsuit", "起诉方式", "DIRECT")
               .fill("#file-lawsuit", "所涉申请编号", id())
               .press("#file-lawsuit", "登记诉讼");
        WebElement lawsuit = browser.find(By.cssSelector("#lawsuits tr[data-lawsuit-id]"));
        lawsuit.findElement(By.tagName("summary")).click();
        browser.fill("", "判决日期", "2024-07-01").fill("", "判决结果", "UPHELD").fill("", "是否为生效判决", "false")
               .press("", "记录判决");
        assertThat(browser.find(By.cssSelector("#lawsuits tr[data-lawsuit-id]")).getText()).contains("已上诉", "尚未审结");

        browser.find(By.cssSelector("#lawsuits tr[data-lawsuit-id] summary")).click();
        browser.fill("", "判决日期", "2024-09-02").fill("", "判决结果", "UPHELD").fill("", "是否为生效判决", "true")
               .press("", "记录判决");
        assertThat(browser.find(By.cssSelector("#lawsuits tr[data-lawsuit-id]")).getText()).contains("生效判决", "2024年9月2日", "结果维持");
    }

    @Test
    @Order(14)
    void theProactiveRegisterRecordsDocumentsTalliesFeesAndItems() {
        browser.go("/register");
        record("register-issue", "文件类型", "NORMATIVE_DOCUMENT", "文件名称", "小营镇村庄规划管理办法", "制发日期", "2023-03-01");
        WebElement document = browser.find(By.cssSelector("#documents tr[data-document-id]"));
        assertThat(document.getText()).contains("行政规范性文件", "小营镇村庄规划管理办法", "2023年3月1日");
        document.findElement(By.tagName("summary")).click();
        browser.fill("", "废止日期", "2024-06-30").press("", "记录废止");
        assertThat(browser.find(By.cssSelector("#documents tr[data-document-id]")).getText()).contains("2024年6月30日");

        record("register-opening-balance", "截至日期", "2022-12-31", "现行有效规章件数", "0", "现行有效规范性文件件数", "4");
        assertThat(browser.text(By.id("opening-balance"))).contains("2022年12月31日", "4");
        record("register-tally", "类别", "LICENSING", "统计起始日期", "2023-01-01", "统计截止日期", "2023-12-31", "件数", "274");
        record("register-fees", "收费日期", "2023-08-01", "金额（元）", "300");
        record("register-published", "栏目或类别", "政策文件", "标题", "2023年财政预算", "公开日期", "2023-02-01");

        system.awaitProjections();
        browser.go("/reports/2023");
        assertThat(officialCell("NORMATIVE_DOCUMENTS", "issued")).isEqualTo("1");
        assertThat(officialCell("LICENSING", "decisions")).isEqualTo("274");
    }

    @Test
    @Order(15)
    void theClerkWritesTheNarrativeFromTheDraftAndPublishesWithAConfirmation() {
        browser.go("/reports/2023");
        assertThat(browser.find(By.id("overview")).getAttribute("value")).isNotBlank();
        assertThat(browser.findAll(By.id("overview-hint"))).hasSize(1);
        browser.fill("#narrative", "五、存在的主要问题及改进情况", "答复期限管理仍需加强。").press("#narrative", "保存正文");
        assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("正文已保存。");
        assertThat(browser.find(By.id("problems")).getAttribute("value")).isEqualTo("答复期限管理仍需加强。");

        browser.press("#publication", "发布");
        assertThat(browser.text(By.cssSelector("#publication [role=alert]"))).contains("冻结");
        assertThat(browser.findAll(By.id("published"))).isEmpty();

        browser.find(By.id("confirm")).click();
        browser.press("#publication", "发布");
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("已发布");
        browser.await(d -> {
            d.navigate().refresh();
            return !d.findElements(By.id("published")).isEmpty();
        });

        Object csv = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch('/reports/2023/download/csv').then(r => r.text().then(t => done([r.status, r.headers.get('content-type'), t.length])));");
        assertThat(csv).asList().startsWith(200L, "text/csv;charset=UTF-8");
    }

    @Test
    @Order(16)
    void aRegisterFormSentTwiceRecordsItOnce() {
        browser.go("/register");
        WebElement details = browser.find(By.id("register-tally"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        browser.fill("#form-tally", "类别", "LICENSING").fill("#form-tally", "统计起始日期", "2024-01-01")
               .fill("#form-tally", "统计截止日期", "2024-06-30").fill("#form-tally", "件数", "7");
        // back and resubmit, or a retry after a timeout: the same form, with its key, sent twice
        Object types = browser.driver().executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "const form = document.getElementById('form-tally');"
                + "const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)),"
                + "                                        redirect: 'manual'}).then(r => r.type);"
                + "send().then(first => send().then(second => done([first, second])));");
        assertThat(types).asList().containsOnly("opaqueredirect");
        system.awaitProjections();
        browser.go("/reports/2024");
        assertThat(officialCell("LICENSING", "decisions")).isEqualTo("7");
    }

    private static void record(String form, String... labelsAndValues) {
        WebElement details = browser.find(By.id(form));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        String scope = "#form-" + form.substring("register-".length());
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            browser.fill(scope, labelsAndValues[i], labelsAndValues[i + 1]);
        }
        browser.press(scope, browser.find(By.cssSelector(scope + " button[type=submit]")).getText());
        assertThat(browser.text(By.cssSelector("[role=status]"))).startsWith("已记录");
    }

    private static int applications() {
        return system.querySide().as("li", "li-password").get("/api/applications?agencyId=xiaoying&size=1")
                     .json().get("total").asInt();
    }

    private static void signIn(String clerk) {
        browser.signIn(clerk, clerk + "-password");
        assertThat(browser.path()).isEqualTo("/");
    }

    private static String id() {
        return caseAddress.substring("/applications/".length());
    }

    private static void openAction(String key) {
        WebElement details = browser.find(By.id("action-" + key));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }

    private static List<String> timeline() {
        return browser.findAll(By.cssSelector("#timeline > li")).stream().map(li -> li.getAttribute("data-type")).toList();
    }

    private static String officialCell(String row, String column) {
        return browser.find(By.cssSelector("#official-tables td[data-row=" + row + "][data-column=" + column + "]"))
                      .getText().strip();
    }
}
