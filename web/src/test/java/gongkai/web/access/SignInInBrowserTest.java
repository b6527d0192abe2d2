package gongkai.web.access;

import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out of the pages, and what a page does for someone not signed in, in a real browser. */
@Timeout(300)
class SignInInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;

    @BeforeAll
    static void open() {
        system.agencyWithClerk("xiaoying", "li");
        browser = Browser.open(system.baseUrl());
    }

    @Test
    void signedOutEveryPageLeadsToSignIn() {
        browser.driver().manage().deleteAllCookies();
        for (String page : List.of("/", "/applications/new", "/applications/00000000-0000-0000-0000-000000000001",
                                   "/reviews", "/register", "/reports")) {
            browser.go(page);
            assertThat(browser.path()).as(page).startsWith("/signin");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("登录");
        }
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        browser.driver().manage().deleteAllCookies();
        browser.signIn("li", "not-her-password");
        assertThat(browser.path()).isEqualTo("/signin?error");
        assertThat(browser.text(By.cssSelector("[role=alert]"))).isEqualTo("用户名或密码不正确。");
    }

    @Test
    void aClerkSignsInToHerDashboardAndOut() {
        browser.driver().manage().deleteAllCookies();
        browser.go("/").fill("", "用户名", "li").fill("", "密码", "li-password").press("", "登录");
        assertThat(browser.path()).isEqualTo("/");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("工作台");
        assertThat(browser.text(By.cssSelector(".who"))).contains("li", "xiaoying");

        Cookie session = browser.driver().manage().getCookieNamed("GONGKAI_SESSION");
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");

        browser.press("", "退出登录");
        assertThat(browser.path()).isEqualTo("/signin?signedOut");
        browser.go("/");
        assertThat(browser.path()).startsWith("/signin");
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.signIn("li", "li-password");
        String session = browser.driver().manage().getCookieNamed("GONGKAI_SESSION").getValue();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(system.baseUrl() + "/applications"))
                           .header("Cookie", "GONGKAI_SESSION=" + session)
                           .header("Content-Type", "application/x-www-form-urlencoded")
                           .POST(HttpRequest.BodyPublishers.ofString("receivedOn=2023-12-28&channel=MAIL")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("拒绝访问");
    }
}
