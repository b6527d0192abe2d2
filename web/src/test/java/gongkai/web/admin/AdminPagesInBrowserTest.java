package gongkai.web.admin;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
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

import java.io.InputStream;
import java.time.Duration;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator in a real browser: creates an agency and a user who then signs in; publishes a
 * corrected calendar year and reads the due dates it moved; starts a replay and watches it reach the end.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.open(system.baseUrl());
        signIn("admin", RunningCommandSide.ADMIN_PASSWORD);
    }

    @Test
    @Order(1)
    void anAdminCreatesAnAgencyAndAUserWhoThenSignsIn() {
        browser.go("/admin/agencies").fill("#new-agency", "机关代码", "xiaoying").fill("#new-agency", "名称", "小营镇人民政府")
               .press("#new-agency", "创建机关");
        browser.await(driver -> driver.findElement(By.id("agencies")).getText().contains("小营镇人民政府"));

        browser.go("/admin/users").fill("#new-user", "用户名", "li").fill("#new-user", "初始密码", "li-password-1")
               .fill("#new-user", "机关代码", "xiaoying");
        browser.find(By.cssSelector("#new-user input[name=roles][value=CLERK]")).click();
        browser.press("#new-user", "创建用户");
        browser.await(driver -> !driver.findElements(By.cssSelector("[role=status]")).isEmpty());
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("已创建用户 li");
        assertThat(browser.text(By.cssSelector("tr[data-user=li]"))).contains("xiaoying").contains("正常");
        browser.screenshot("admin-users");

        browser.press("", "退出登录");
        browser.await(driver -> browser.path().startsWith("/signin"));
        signIn("li", "li-password-1");
        browser.await(driver -> browser.path().equals("/"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("工作台");
        browser.press("", "退出登录");
        browser.await(driver -> browser.path().startsWith("/signin"));
        signIn("admin", RunningCommandSide.ADMIN_PASSWORD);
    }

    @Test
    @Order(2)
    void aCorrectedCalendarIsPublishedAndTheDueDatesItMovedAreListed() throws Exception {
        Http clerk = system.commandSide().as("li", "li-password-1");
        Http.Response received = clerk.post("/api/applications", "{\"agencyId\":\"xiaoying\",\"receivedOn\":\"2024-02-05\","
                + "\"channel\":\"MAIL\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"张三\"},"
                + "\"request\":\"预算\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String id = received.json().get("applicationId").asText();
        system.awaitProjections();

        browser.go("/admin/calendars/2024");
        assertThat(browser.findAll(By.cssSelector("td.day.off[data-date='2024-02-12']"))).as("春节").hasSize(1);
        assertThat(browser.findAll(By.cssSelector("td.day.worked[data-date='2024-02-04']"))).as("调休上班").hasSize(1);
        String corrected = official2024() + "\noff: 2024-03-01   # 更正\n";
        browser.script("document.getElementById('text').value = arguments[0];", corrected);
        browser.press("#publish-calendar", "发布");
        browser.await(driver -> !driver.findElements(By.id("moved")).isEmpty());
        assertThat(browser.text(By.id("moved"))).contains(id).contains("2024-03-08").contains("2024-03-11");
        browser.screenshot("admin-calendar-published");
    }

    @Test
    @Order(3)
    void aReplayStartedFromThePageRunsToTheEnd() {
        browser.go("/admin/projections").press("#replay-all", "全部重建");
        browser.await(driver -> !driver.findElements(By.cssSelector("[role=status]")).isEmpty());
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("已开始重建");
        browser.await(Duration.ofMinutes(3), driver -> driver.findElements(By.cssSelector("tr[data-projection]")).stream()
                                      .allMatch(row -> row.findElement(By.cssSelector("td.state")).getText().equals("已追上")));
        browser.findAll(By.cssSelector("tr[data-projection] progress"))
               .forEach(bar -> assertThat(bar.getAttribute("value")).isEqualTo("100"));
        browser.screenshot("admin-projections");
    }

    @Test
    @Order(4)
    void anAdminGivesAClerkAnAddressForRemindersAndTheAgencyItsOwnAnsweredNotice() {
        browser.go("/admin/users");
        browser.find(By.cssSelector("tr[data-user=li] form.contact input[name=email]")).sendKeys("li@xiaoying.gov.cn");
        browser.find(By.cssSelector("tr[data-user=li] form.contact input[name=phone]")).sendKeys("13800000001");
        browser.press("#contact-li", "保存联系方式");
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("已修改 li 的联系方式");
        assertThat(browser.find(By.cssSelector("tr[data-user=li] form.contact input[name=email]")).getAttribute("value"))
                .isEqualTo("li@xiaoying.gov.cn");
        browser.find(By.cssSelector("tr[data-user=li] form.contact input[name=phone]")).clear();
        browser.find(By.cssSelector("tr[data-user=li] form.contact input[name=phone]")).sendKeys("010-12345678");
        browser.press("#contact-li", "保存联系方式");
        assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("手机号码");

        browser.go("/admin");
        browser.find(By.linkText("提醒与通知模板")).click();
        browser.await(driver -> browser.path().equals("/admin/notice-templates"));
        browser.fill("#choose-agency", "机关", "xiaoying").press("#choose-agency", "查看模板");
        String answered = "#template-ANSWERED";
        assertThat(browser.text(By.cssSelector(answered + " h2"))).contains("内置模板").contains("发给申请人");
        browser.find(By.id("subject-ANSWERED")).clear();
        browser.find(By.id("subject-ANSWERED")).sendKeys("{{agencyName}}答复通知");
        browser.press(answered, "保存");
        assertThat(browser.text(By.cssSelector("[role=status]"))).contains("已保存 ANSWERED 的模板");
        assertThat(browser.text(By.cssSelector(answered + " h2"))).contains("本机关模板").contains("admin");
        assertThat(browser.find(By.id("subject-ANSWERED")).getAttribute("value")).isEqualTo("{{agencyName}}答复通知");
        browser.screenshot("admin-notice-templates");

        browser.find(By.id("body-ANSWERED")).sendKeys("{{idNumber}}");
        browser.press(answered, "保存");
        assertThat(browser.text(By.cssSelector("[role=alert]"))).contains("idNumber");
    }

    private static void signIn(String username, String password) {
        browser.signIn(username, password);
        browser.await(driver -> !browser.path().startsWith("/signin"));
    }

    private static String official2024() throws Exception {
        try (InputStream in = AdminPagesInBrowserTest.class.getClassLoader().getResourceAsStream("gongkai/calendar/2024.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
