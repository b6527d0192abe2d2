package gongkai.web.oversight;

import gongkai.command.testing.Http;
import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county's auditor opens 督查 (the county itself of no kind, so without a deadline) in a real browser: last year's board names the department that has not
 * published its report by 31 January as late (条例第四十九条), and sorting by 逾期 puts it first. Screenshot under
 * {@code target/screenshots/}.
 */
@Timeout(600)
class OversightPageInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;
    private static final int LAST_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @BeforeAll
    static void aCountyWithADepartmentThatHasNotPublished() {
        Http admin = system.commandSide().admin();
        created(admin.post("/api/admin/agencies", "{\"agencyId\":\"luanping\",\"name\":\"滦平县人民政府\","
                                                  + "\"createdOn\":\"2020-01-01\"}"));
        created(admin.post("/api/admin/agencies", "{\"agencyId\":\"jiaoyu\",\"name\":\"滦平县教育局\",\"kind\":\"DEPARTMENT\","
                                                  + "\"parentId\":\"luanping\",\"createdOn\":\"2020-01-01\"}"));
        created(admin.post("/api/admin/users", "{\"username\":\"zhou\",\"password\":\"zhou-password\",\"roles\":[\"AUDITOR\"],"
                                               + "\"agencyId\":\"luanping\"}"));
        system.awaitProjections();
        browser = Browser.open(system.baseUrl());
        browser.signIn("zhou", "zhou-password");
        browser.await(driver -> !browser.path().startsWith("/signin"));
    }

    @Test
    void theBoardNamesTheDepartmentThatHasNotPublishedAsLateAndSortsItFirst() {
        browser.find(By.linkText("督查")).click();
        browser.await(driver -> browser.path().startsWith("/oversight/" + LAST_YEAR));
        WebElement department = browser.find(By.cssSelector("#board tr[data-agency='jiaoyu']"));
        assertThat(department.getAttribute("class")).contains("late");
        assertThat(department.findElement(By.cssSelector("td.standing")).getText()).isEqualTo("逾期");
        assertThat(browser.text(By.id("board-count"))).isEqualTo("2");
        browser.find(By.cssSelector("#board a[data-sort='late']")).click();
        browser.await(driver -> browser.path().contains("sort=late"));
        assertThat(browser.findAll(By.cssSelector("#board tbody tr")).get(0).getAttribute("data-agency")).isEqualTo("luanping");
        browser.find(By.cssSelector("#board a[data-sort='late']")).click();
        browser.await(driver -> browser.path().contains("order=desc"));
        assertThat(browser.findAll(By.cssSelector("#board tbody tr")).get(0).getAttribute("data-agency")).isEqualTo("jiaoyu");
        browser.screenshot("oversight-board");
    }

    private static void created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }
}
