package gongkai.web.application;

import gongkai.command.testing.Http;
import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The head of the disclosure office (SUPERVISOR) decides a clerk's extension request on the case page
 * (第三十三条): the clerk's request moves nothing; the head's approval moves the due date, and the timeline shows both.
 */
class ExtensionApprovalInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.open(system.baseUrl());
    }

    @Test
    void theHeadOfTheOfficeApprovesAClerksExtensionRequestOnTheCasePage() {
        Http clerk = system.agencyWithClerk("xiaoying", "li");
        system.commandSide().supervisorIn("xiaoying", "zhang");
        String id = UUID.randomUUID().toString();
        assertThat(clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2026-11-20","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人"},"request":"信息"}""".formatted(id)).status())
                .isEqualTo(201);

        browser.signIn("li", "li-password");
        browser.go("/applications/" + id);
        String due = browser.text(By.id("due-on"));
        assertThat(due).isEqualTo("2026年12月18日");
        openAction("extension-request");
        browser.fill("#form-extension-request", "延期申请日期", "2026-11-25")
               .fill("#form-extension-request", "延长工作日数", "3")
               .fill("#form-extension-request", "延期理由", "需要调取档案")
               .press("#form-extension-request", "提交负责人审批");
        // (its urgency shows instead once it is due within three working days or overdue)
        assertThat(browser.text(By.id("case-state"))).isIn("延期待审批", "即将到期", "已逾期");
        assertThat(browser.text(By.id("due-on"))).as("a request moves nothing").isEqualTo(due);
        assertThat(browser.findAll(By.id("action-extension-approval"))).as("a clerk cannot approve").isEmpty();
        browser.driver().manage().deleteAllCookies();

        browser.signIn("zhang", "zhang-password");
        browser.go("/applications/" + id);
        openAction("extension-approval");
        browser.fill("#form-extension-approval", "同意日期", "2026-11-26").press("#form-extension-approval", "同意延期");
        assertThat(browser.text(By.id("due-on"))).isEqualTo("2026年12月23日");
        assertThat(browser.text(By.id("due-explanation"))).contains("延期 3 个工作日");
        List<String> timeline = browser.findAll(By.cssSelector("#timeline > li")).stream()
                                       .map(li -> li.getAttribute("data-type")).toList();
        assertThat(timeline).containsSubsequence("ExtensionRequested", "ExtensionApproved", "ReplyPeriodExtended");
        browser.screenshot("extension-approved");
    }

    private static void openAction(String key) {
        var details = browser.find(By.id("action-" + key));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
    }
}
