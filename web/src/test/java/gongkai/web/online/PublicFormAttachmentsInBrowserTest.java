package gongkai.web.online;

import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An applicant on a phone-sized window (390 × 844) attaches files to the public form: a file that is no PDF, image
 * or Word document is refused beside the files and nothing is recorded; a PDF goes in with the submission, and the
 * agency's clerk, once the submission is confirmed, finds it among the case's files marked as the applicant's and
 * downloads the same bytes. A body larger than the largest set of files the form takes is answered with the form
 * and the reason beside the files (413), not a broken connection, and is counted against the address's limit.
 * The files are limited here to 1 MB each (5 a submission), so that a body over the limit stays small.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the browser reads the CAPTCHAs in the seeded order: first
class PublicFormAttachmentsInBrowserTest {

    static final long SEED = 23;

    @RegisterExtension
    static final RunningPages system = new RunningPages("--gongkai.public.captcha-seed=" + SEED,
                                                        "--gongkai.attachments.max-size=1MB");

    @AutoClose
    private static Browser browser;
    private static final Captcha codes = new Captcha(new Random(SEED));
    private static Path files;

    @BeforeAll
    static void open() throws IOException {
        browser = Browser.open(system.baseUrl());
        browser.driver().manage().window().setSize(new Dimension(390, 844));
        files = Files.createTempDirectory("public-form-files");
    }

    @Test
    @Order(1)
    void aFileAttachedOnAPhoneReachesTheClerkMarkedAsTheApplicantsWithTheSameBytes() throws IOException {
        system.agencyWithClerk("zhen", "zhou");
        byte[] pdf = ("%PDF-1.4\n% 身份证明\n" + "x".repeat(3000) + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
        Path proof = Files.write(files.resolve("身份证明.pdf"), pdf);
        Path notAPdf = Files.write(files.resolve("说明.pdf"), "just text, no PDF".getBytes(StandardCharsets.UTF_8));

        browser.go("/apply");
        fillForm();
        browser.field("#apply", "附件（选填）").sendKeys(notAPdf.toString());
        browser.fill("#apply", "验证码", codes.nextCode()).press("#apply", "提交申请");
        assertThat(browser.text(By.cssSelector("#files ~ [role=alert]"))).as("the reason beside the files")
                                                                         .contains("第 1 个附件", "只接受");
        assertThat(browser.path()).as("no personal data in the address").isEqualTo("/apply");
        assertThat(width()).as("nothing wider than the phone").isLessThanOrEqualTo(390);
        browser.script("document.getElementById('files').scrollIntoView()");
        browser.screenshot("online-file-refused-phone");
        assertThat(system.querySide().as("zhou", "zhou-password").get("/api/submissions").json().get("items"))
                .as("nothing recorded").isEmpty();

        fillForm();
        browser.field("#apply", "附件（选填）").sendKeys(proof.toString());
        browser.fill("#apply", "验证码", codes.nextCode()).press("#apply", "提交申请");
        assertThat(browser.text(By.id("query-code"))).matches("[2-9A-Y]{4}-[2-9A-Y]{4}-[2-9A-Y]{4}");

        browser.driver().manage().deleteAllCookies();
        browser.driver().manage().window().setSize(new Dimension(1280, 800));
        browser.signIn("zhou", "zhou-password");
        browser.go("/submissions");
        String id = browser.find(By.cssSelector("[data-application-id]")).getAttribute("data-application-id");
        assertThat(browser.text(By.id("submission-" + id))).as("the file, to look at before confirming").contains("身份证明.pdf");
        browser.press("#submission-" + id, "确认收到（以今日为收到申请之日）");
        assertThat(browser.path()).isEqualTo("/applications/" + id);
        assertThat(browser.text(By.tagName("main"))).as("the page is up to date: no warning of figures being updated")
                                                    .doesNotContain("统计数据正在更新");
        String listed = browser.text(By.id("paper-list"));
        assertThat(listed).contains("身份证明.pdf", "申请人在线提交");
        String href = browser.find(By.linkText("身份证明.pdf")).getAttribute("href");
        assertThat(download(href)).as("the bytes the applicant attached").isEqualTo(pdf);
        browser.screenshot("online-file-on-case");
    }

    @Test
    @Order(2)
    void aBodyLargerThanTheLargestSetOfFilesIsAnsweredWithTheFormAndTheReasonBesideTheFiles() throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = client.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + "/apply")).GET().build(),
                                  HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
        assertThat(csrf.find()).isTrue();
        String boundary = "robot-boundary";
        byte[] big = new byte[7 * 1024 * 1024]; // over 5 files of 1 MB and the fields' room
        Arrays.fill(big, (byte) 'a');
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf.group(1)
                       + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"big.pdf\"\r\n"
                       + "Content-Type: application/pdf\r\n\r\n%PDF-").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + big.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(big, 0, body, head.length, big.length);
        System.arraycopy(tail, 0, body, head.length + big.length, tail.length);

        HttpResponse<String> answer = client.send(
                HttpRequest.newBuilder(URI.create(system.baseUrl() + "/apply"))
                           .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                           .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.body()).contains("id=\"apply\"", "附件总量超过上限：最多 5 个，每个不超过 1 MB");
    }

    private static void fillForm() {
        browser.fill("#apply", "受理机关", "zhen")
               .fill("#apply", "申请人类型", "NATURAL_PERSON")
               .fill("#apply", "姓名或名称", "张三")
               .fill("#apply", "身份证号码（法人或其他组织填统一社会信用代码）", "11010519491231002X")
               .fill("#apply", "联系电话", "13912345678")
               .fill("#apply", "所需政府信息的名称、文号或者便于查询的其他特征性描述", "2025年道路维修预算");
    }

    /** The file behind a link of the page, fetched as the browser fetches it (its session), as bytes. */
    private static byte[] download(String href) {
        String base64 = (String) browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer())
                  .then(b => { let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s)); })
                  .catch(e => done('failed ' + e));
                """, href);
        return Base64.getDecoder().decode(base64);
    }

    private static long width() {
        return ((Number) browser.script("return document.querySelector('body').scrollWidth")).longValue();
    }
}
