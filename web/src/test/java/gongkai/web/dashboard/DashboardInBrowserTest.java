package gongkai.web.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RecordedEvents;
import gongkai.web.testing.Browser;
import gongkai.web.testing.ChartsOnPage;
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

import java.util.List;

import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk's dashboard on 2 December 2099 (both sides' today; far-future years, so that no shipped calendar
 * interferes), 2099's calendar published and 2100's not: the year's charts of the clerk's own agency, each
 * equal to the report's JSON; the warning naming 2100 with the open cases reaching into it; a case received
 * on 20 December with its due date marked 暂定 on the worklist and the case page; the admin publishes 2100
 * on the calendar page, and the case shows the firm date, its due-date history both.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardInBrowserTest {

    private static final String CALENDAR_2099 = "year: 2099\nnotice: 测试用 2099 年日历\noff: 2099-10-01..2099-10-07\n";
    /** 2100 as "announced": 1–3 Jan off, and Mon 18 Jan too, so that the official date differs from the provisional. */
    private static final String CALENDAR_2100 = "year: 2100\nnotice: 测试用 2100 年日历\noff: 2100-01-01..2100-01-03\n"
                                                + "off: 2100-01-18\n";

    @RegisterExtension
    static final RunningPages system = new RunningPages("--gongkai.business-date=2099-12-02");

    @AutoClose
    private static Browser browser;
    private static String lateInTheYear;

    @BeforeAll
    static void open() {
        Http li = system.agencyWithClerk("xiaoying", "li");
        Http zhao = system.agencyWithClerk("dongcheng", "zhao");
        Http.Response published = system.commandSide().admin().put("/api/admin/calendars/2099", "text/plain; charset=UTF-8",
                                                                  CALENDAR_2099);
        assertThat(published.status()).as(published.body()).isBetween(200, 201);
        // dongcheng's year to chart: answered on time in March and June, late in October, one still open
        conclude(zhao, receive(zhao, "dongcheng", "2099-03-02"), "2099-03-20", "DISCLOSED");
        conclude(zhao, receive(zhao, "dongcheng", "2099-05-10"), "2099-06-01", "NOT_PROCESSED_DUPLICATE");
        conclude(zhao, receive(zhao, "dongcheng", "2099-06-03"), "2099-06-20", "UNAVAILABLE_NOT_HELD");
        conclude(zhao, receive(zhao, "dongcheng", "2099-08-03"), "2099-10-20", "DISCLOSED");
        receive(zhao, "dongcheng", "2099-11-25");
        receive(li, "xiaoying", "2099-11-02");
        // A letter dated 20 December (the command side refuses a receipt date after its today, 2 December): written
        // into the store as the query side's own test of provisional dates does.
        lateInTheYear = new RecordedEvents(system.querySide()).received("xiaoying", "2099-12-20", NATURAL_PERSON, "li");
        system.awaitProjections();
        browser = Browser.open(system.baseUrl());
    }

    @Test
    @Order(1)
    void theDashboardChartsTheClerksAgencysYearAsItsReportCountsIt() {
        signIn("zhao", "zhao-password");
        ChartsOnPage.awaitDrawn(browser, 5);
        assertThat(browser.text(By.cssSelector("#dashboard-charts h2"))).contains("2099");
        JsonNode report = system.querySide().as("zhao", "zhao-password").get("/api/agencies/dongcheng/reports/2099").json();
        assertThat(report.at("/applications/NEW/TOTAL").asLong()).isEqualTo(5);
        assertThat(report.at("/timeliness/answeredLate").asLong()).as("something late to chart").isPositive();
        ChartsOnPage.assertEqualToReport(browser, report);
        browser.script("document.getElementById('dashboard-charts').scrollIntoView();");
        browser.screenshot("dashboard-charts");
        assertThat(ChartsOnPage.numbersBehindTheToggle(browser, "received")).contains("3 月").contains("11 月");
        signOut();
    }

    @Test
    @Order(2)
    void withoutNextYearsCalendarTheDashboardWarnsAndTheLateCaseShowsAProvisionalDueDate() {
        signIn("li", "li-password");
        String warning = browser.text(By.cssSelector("main .warning[role=alert]"));
        assertThat(warning).contains("2100 年工作日历尚未录入").contains("1");
        String row = browser.text(By.cssSelector("tr[data-application-id='" + lateInTheYear + "']"));
        assertThat(row).contains("2100年1月18日（暂定）");
        browser.screenshot("dashboard-provisional");

        browser.go("/applications/" + lateInTheYear);
        assertThat(browser.text(By.id("provisional-due-on"))).isEqualTo("2100年1月18日（暂定）");
        assertThat(browser.text(By.id("due-on"))).isEqualTo("—");
        assertThat(browser.text(By.id("provisional-explanation"))).startsWith("暂定");
        signOut();
    }

    @Test
    @Order(3)
    void theAdminPublishesTheYearAndTheCaseShowsTheFirmDateWithBothInItsHistory() {
        signIn("admin", RunningCommandSide.ADMIN_PASSWORD);
        browser.go("/admin/calendars/2100");
        browser.script("document.getElementById('text').value = arguments[0];", CALENDAR_2100);
        browser.press("#publish-calendar", "发布");
        browser.await(driver -> !driver.findElements(By.id("moved")).isEmpty());
        assertThat(browser.text(By.id("moved"))).contains(lateInTheYear).contains("2100-01-18（暂定）").contains("2100-01-19");
        signOut();

        signIn("li", "li-password");
        assertThat(browser.findAll(By.cssSelector("main .warning[role=alert]"))).as("the year is known now").isEmpty();
        browser.go("/applications/" + lateInTheYear);
        assertThat(browser.text(By.id("due-on"))).isEqualTo("2100年1月19日");
        assertThat(browser.findAll(By.id("provisional-due-on"))).isEmpty();
        List<String> history = browser.findAll(By.cssSelector("#due-history > li")).stream()
                                      .map(li -> li.getText()).toList();
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).contains("2100年1月18日（暂定）");
        assertThat(history.get(1)).contains("2100年1月19日").contains("2100 年工作日历更新");
        browser.screenshot("case-due-history");
    }

    private static void signIn(String user, String password) {
        browser.signIn(user, password);
        assertThat(browser.path()).isEqualTo("/");
    }

    private static void signOut() {
        browser.press("", "退出登录");
    }

    private static String receive(Http clerk, String agency, String on) {
        Http.Response received = clerk.post("/api/applications", "{\"agencyId\":\"" + agency + "\",\"receivedOn\":\"" + on
                + "\",\"channel\":\"MAIL\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"张三\"},"
                + "\"request\":\"道路维修预算\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return received.json().get("applicationId").asText();
    }

    private static void conclude(Http clerk, String id, String on, String outcome) {
        Http.Response answered = clerk.post("/api/applications/" + id + "/conclusion",
                                            "{\"concludedOn\":\"" + on + "\",\"outcome\":\"" + outcome + "\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }
}
