package gongkai.web.application;

import gongkai.command.testing.Http;
import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The papers panel of the case page, in a real browser: the clerk generates the answer letter, finds it listed
 * with its SHA-256 and downloads it (checked by the query side on the way); a letter the case does not owe is
 * refused with the command side's reason.
 */
@Timeout(300)
class CasePapersInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;
    private static Http clerk;

    @BeforeAll
    static void open() {
        clerk = system.agencyWithClerk("xiaoying", "li");
        browser = Browser.open(system.baseUrl());
        browser.signIn("li", "li-password");
    }

    @Test
    void theClerkGeneratesTheAnswerLetterFindsItAmongThePapersAndDownloadsIt() throws Exception {
        String id = UUID.randomUUID().toString();
        assertThat(clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2024-01-08","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人甲"},"request":"预算"}""".formatted(id)).status())
                .isEqualTo(201);
        assertThat(clerk.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"2024-01-20\",\"outcome\":\"DISCLOSED\"}")
                        .status()).isEqualTo(200);

        browser.go("/applications/" + id);
        assertThat(browser.text(By.id("papers"))).contains("暂无材料");
        browser.fill("#form-letter", "生成文书", "SUPPLEMENT").press("#form-letter", "生成");
        assertThat(browser.text(By.cssSelector("#papers [role=alert]"))).contains("尚未要求补正");

        browser.fill("#form-letter", "生成文书", "ANSWER").press("#form-letter", "生成");
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("已生成：答复书");
        assertThat(browser.findAll(By.cssSelector("#paper-list li"))).hasSize(1);
        assertThat(browser.text(By.tagName("main"))).as("a file is no lifecycle event the figures wait for")
                                                    .doesNotContain("统计数据正在更新");
        assertThat(browser.text(By.id("paper-list"))).contains("政府信息公开申请答复书-2024-01-20.docx", "SHA-256");
        browser.screenshot("case-papers");

        String href = browser.find(By.cssSelector("#paper-list a")).getAttribute("href");
        String session = browser.driver().manage().getCookieNamed("GONGKAI_SESSION").getValue();
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(href)).header("Cookie", "GONGKAI_SESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).contains("wordprocessingml");
        assertThat(new String(download.body(), 0, 2)).isEqualTo("PK");
        assertThat(browser.find(By.id("archive-link")).getAttribute("href")).endsWith("/applications/" + id + "/archive");
    }
}
