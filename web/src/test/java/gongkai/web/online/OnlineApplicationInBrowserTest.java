package gongkai.web.online;

import gongkai.command.testing.Http;
import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant on a phone-sized window (390 × 844) applies on the public page, gets a query code, and follows the
 * case until it is answered: a clerk of the first agency confirms it (the day of receipt is the day of
 * confirmation, 第三十一条) and transfers it to the competent agency, which signs for it and answers it; the
 * second agency's report counts it, the first agency's does not. The CAPTCHA is read as a person reads it: the
 * pages draw it from a seeded sequence this test knows ({@code gongkai.public.captcha-seed}).
 */
class OnlineApplicationInBrowserTest {

    static final long SEED = 19;

    @RegisterExtension
    static final RunningPages system = new RunningPages("--gongkai.public.captcha-seed=" + SEED);

    @AutoClose
    private static Browser browser;
    private static final Captcha codes = new Captcha(new Random(SEED));

    @BeforeAll
    static void open() {
        browser = Browser.open(system.baseUrl());
        browser.driver().manage().window().setSize(new Dimension(390, 844));
    }

    @Test
    void anApplicationSubmittedOnAPhoneIsFollowedByItsQueryCodeUntilTheAgencyThatAnswersItCountsIt() {
        Http first = system.agencyWithClerk("zhen", "zhou");
        Http second = system.agencyWithClerk("zhujianju", "wu");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        browser.go("/apply");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        fillForm("110105194912310021"); // the check character should be X
        browser.fill("#apply", "验证码", codes.nextCode()).press("#apply", "提交申请");
        assertThat(browser.text(By.cssSelector("#apply [role=alert]"))).contains("校验位");
        assertThat(browser.path()).as("no personal data in the address").isEqualTo("/apply");
        assertThat(width("body")).as("nothing wider than the phone").isLessThanOrEqualTo(390);

        fillForm("11010519491231002X");
        browser.fill("#apply", "验证码", codes.nextCode()).press("#apply", "提交申请");
        String queryCode = browser.text(By.id("query-code"));
        assertThat(queryCode).matches("[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{4}");
        browser.screenshot("online-applied-phone");

        assertThat(track(queryCode, "5678")).isEqualTo("已提交，待机关确认收到");
        assertThat(track(queryCode, "1234")).as("wrong digits show nothing").isNull();
        assertThat(track("2222-3333-4444", "5678")).as("a wrong code shows nothing").isNull();

        // The first agency's clerk sees it submitted online and confirms it on the pages.
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        signIn("zhou");
        browser.go("/submissions");
        assertThat(browser.text(By.cssSelector("[data-application-id]"))).contains("张三", "2025年道路维修预算");
        String id = browser.find(By.cssSelector("[data-application-id]")).getAttribute("data-application-id");
        browser.press("#submission-" + id, "确认收到（以今日为收到申请之日）");
        assertThat(browser.path()).isEqualTo("/applications/" + id);
        browser.driver().manage().deleteAllCookies();

        // Transferred to the competent agency, which signs for it and answers it.
        ok(first.post("/api/applications/" + id + "/transfer",
                      "{\"toAgencyId\":\"zhujianju\",\"transferredOn\":\"" + today + "\",\"reason\":\"该信息由县住建局制作\"}"));
        ok(second.post("/api/applications/" + id + "/sign-in", "{\"signedOn\":\"" + today + "\"}"));
        ok(second.post("/api/applications/" + id + "/conclusion",
                       "{\"concludedOn\":\"" + today + "\",\"outcome\":\"DISCLOSED\"}"));
        system.awaitProjections();

        browser.driver().manage().window().setSize(new Dimension(390, 844));
        assertThat(track(queryCode, "5678")).isEqualTo("已答复");
        assertThat(browser.text(By.id("status-outcome"))).contains("予以公开");
        assertThat(downloadLetter()).as("no letter written yet").startsWith("404 ");

        // Once the answering agency has written its answer letter (答复书), the applicant downloads it from /track.
        Http.Response written = second.post("/api/applications/" + id + "/letters", "{\"kind\":\"ANSWER\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(201);
        system.awaitProjections();
        assertThat(track(queryCode, "5678")).isEqualTo("已答复");
        assertThat(downloadLetter()).isEqualTo("200 application/vnd.openxmlformats-officedocument.wordprocessingml.document PK");
        browser.screenshot("online-answered-phone");
        track(queryCode, "5678");
        browser.script("document.querySelector('#letter input[name=phoneLast4]').value = '1234';");
        assertThat(downloadLetter()).as("wrong digits download nothing").startsWith("404 ");

        int year = LocalDate.parse(today).getYear();
        assertThat(newApplications(system.querySide().as("wu", "wu-password"), "zhujianju", year)).isEqualTo(1);
        assertThat(newApplications(system.querySide().as("zhou", "zhou-password"), "zhen", year)).isZero();
    }

    private static void fillForm(String idNumber) {
        browser.fill("#apply", "受理机关", "zhen")
               .fill("#apply", "申请人类型", "NATURAL_PERSON")
               .fill("#apply", "姓名或名称", "张三")
               .fill("#apply", "身份证号码（法人或其他组织填统一社会信用代码）", idNumber)
               .fill("#apply", "联系电话", "13912345678")
               .fill("#apply", "电子邮箱（选填）", "zhangsan@example.cn")
               .fill("#apply", "所需政府信息的名称、文号或者便于查询的其他特征性描述", "2025年道路维修预算");
    }

    /** The state shown for the code and digits; null when the page finds nothing. */
    private static String track(String code, String digits) {
        browser.go("/track").fill("#track", "查询码", code).fill("#track", "联系电话后四位", digits).press("#track", "查询");
        if (!browser.findAll(By.id("problem")).isEmpty()) {
            assertThat(browser.findAll(By.id("status"))).isEmpty();
            return null;
        }
        return browser.text(By.id("status-state"));
    }

    /**
     * Presses 下载答复书 as the browser would send it (the form's fields, its CSRF token and the session cookie) and
     * gives the answer's status, type and first two bytes (a DOCX is a ZIP: "PK").
     */
    private static String downloadLetter() {
        return (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/track/letter', {method: 'POST', body: new URLSearchParams(new FormData(document.getElementById('letter')))})
                  .then(r => r.arrayBuffer().then(b => done(r.status + ' ' + (r.headers.get('content-type') || '').split(';')[0]
                        + ' ' + String.fromCharCode(...new Uint8Array(b).slice(0, 2)))))
                  .catch(e => done('failed ' + e));
                """);
    }

    private static void signIn(String clerk) {
        browser.signIn(clerk, clerk + "-password");
        assertThat(browser.path()).isEqualTo("/");
    }

    private static long width(String selector) {
        return ((Number) browser.script("return document.querySelector(arguments[0]).scrollWidth", selector)).longValue();
    }

    private static int newApplications(Http reader, String agencyId, int year) {
        Http.Response cell = reader.get("/api/agencies/" + agencyId + "/reports/" + year + "/cells/NEW/TOTAL");
        assertThat(cell.status()).as(cell.body()).isEqualTo(200);
        return cell.json().get("count").asInt();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
