package gongkai.web.audit;

import gongkai.command.testing.Http;
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
import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An auditor in a real browser: opens a year's report, follows a table-三 figure to its cases and a case
 * to its history; sets "as of" before a backdated correction and sees the earlier figure, then the diff
 * naming the correcting event; runs a verification and reads "intact", and after an event is altered
 * through SQL a new verification names it. Screenshots under {@code target/screenshots/}.
 */
@Timeout(600)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditorPagesInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;
    private static String corrected;
    private static String beforeCorrection;

    @BeforeAll
    static void open() {
        Http clerk = system.agencyWithClerk("xiaoying", "li");
        system.agencyWithClerk("chengguan", "zhao");
        Http admin = system.commandSide().admin();
        admin.post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\",\"roles\":[\"AUDITOR\"],"
                                       + "\"agencyId\":\"xiaoying\"}");
        String kept = receive(clerk, "2023-03-01");
        conclude(clerk, kept, "2023-03-20");
        corrected = receive(clerk, "2023-04-03");
        conclude(clerk, corrected, "2023-04-20");
        system.awaitProjections();
        sleepPastTheSecond();
        Instant between = RecordedEvents.betweenMilliseconds();
        // The picker shows Beijing time to the second: an instant strictly between, rounded down to it.
        beforeCorrection = LocalDateTime.ofInstant(between.truncatedTo(ChronoUnit.SECONDS), ZoneId.of("Asia/Shanghai"))
                                        .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        sleepPastTheSecond();
        Http.Response correction = clerk.post("/api/applications/" + corrected + "/correction",
                "{\"field\":\"receivedOn\",\"value\":\"2022-12-28\",\"reason\":\"签收日期录入错误\"}");
        assertThat(correction.status()).as(correction.body()).isEqualTo(200);
        system.awaitProjections();
        browser = Browser.open(system.baseUrl());
        browser.signIn("wang", "wang-password");
        browser.await(driver -> !browser.path().startsWith("/signin"));
    }

    @Test
    @Order(1)
    void anAuditorFollowsATableThreeFigureToItsCasesAndACaseToItsHistory() {
        browser.go("/audit").fill("", "年度", "2023").press("", "打开年度报告");
        browser.await(driver -> browser.path().equals("/audit/reports/xiaoying/2023"));
        assertThat(newTotal().getText()).as("one application received in 2023, after the correction").isEqualTo("1");
        assertThat(browser.findAll(By.cssSelector("#table-二 a[data-cell]"))).isNotEmpty();
        assertThat(browser.findAll(By.cssSelector("#table-四 a[data-cell]"))).isNotEmpty();
        browser.screenshot("audit-report");
        assertThat(browser.findAll(By.cssSelector("#table-三 thead th[colspan]"))).as("the form's merged headers").isNotEmpty();
        browser.script("document.getElementById('table-三').scrollIntoView();");
        browser.screenshot("audit-report-table-three");

        browser.find(By.cssSelector("#table-三 a[data-cell='DISCLOSED/TOTAL']")).click();
        browser.await(driver -> !driver.findElements(By.id("cell-count")).isEmpty());
        assertThat(browser.text(By.id("cell-count"))).isEqualTo("2");
        browser.screenshot("audit-drill-down");
        browser.find(By.cssSelector("a.case[href$='" + corrected + "']")).click();
        browser.await(driver -> !driver.findElements(By.id("case-id")).isEmpty());
        assertThat(browser.text(By.id("case-id"))).isEqualTo(corrected);
        assertThat(browser.findAll(By.cssSelector("li.event"))).hasSize(3);
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("张三").doesNotContain("110101");
    }

    @Test
    @Order(2)
    void asOfAnInstantBeforeTheBackdatedCorrectionTheEarlierFigureShowsAndTheDiffNamesTheCorrection() {
        browser.go("/audit/reports/xiaoying/2023");
        browser.script("document.getElementById('asOf').value = arguments[0];", beforeCorrection);
        browser.press("#as-of", "按此时点显示");
        browser.await(driver -> browser.path().contains("asOf="));
        assertThat(newTotal().getText()).as("as the system knew it before the correction").isEqualTo("2");
        assertThat(browser.text(By.id("as-of-shown"))).isNotEmpty();

        browser.find(By.id("diff-from-as-of")).click();
        browser.await(driver -> !driver.findElements(By.cssSelector("tr.change")).isEmpty());
        String changes = browser.text(By.id("changes"));
        assertThat(changes).contains("一、本年新收政府信息公开申请数量").contains("ApplicationCorrected");
        browser.screenshot("audit-diff");
        browser.find(By.cssSelector("#changes a.case[href$='" + corrected + "']")).click();
        browser.await(driver -> !driver.findElements(By.id("case-id")).isEmpty());
        assertThat(browser.text(By.id("case-id"))).isEqualTo(corrected);
    }

    @Test
    @Order(3)
    void aVerificationReadsIntactAndAfterAnEventIsAlteredANewOneNamesIt() {
        browser.go("/audit/verifications").press("#start-verification", "开始核验");
        browser.await(driver -> driver.findElement(By.id("verification-state")).getText().startsWith("完好"));
        assertThat(browser.find(By.id("verification-progress")).getAttribute("value")).isEqualTo("100");
        browser.screenshot("audit-verification-intact");

        RecordedEvents events = new RecordedEvents(system.querySide());
        long altered = events.jdbc().queryForObject("select global_index from command_side.domain_event_entry "
                                                    + "where aggregate_identifier = ? and sequence_number = 1",
                                                    Long.class, corrected);
        events.jdbc().update("update command_side.domain_event_entry set payload = convert_to(replace(convert_from(payload, "
                             + "'UTF8'), 'DISCLOSED', 'NOT_PROCESSED_DUPLICATE'), 'UTF8') where global_index = ?", altered);
        browser.go("/audit/verifications").press("#start-verification", "开始核验");
        browser.await(driver -> driver.findElement(By.id("verification-state")).getText().startsWith("发现"));
        String problems = browser.text(By.id("problems"));
        assertThat(problems).contains("被改动").contains(String.valueOf(altered)).contains(corrected);
        browser.screenshot("audit-verification-tampered");
        browser.go("/audit/verifications");
        assertThat(browser.text(By.id("verifications"))).contains("完好").contains("发现 1 处问题");
    }

    @Test
    @Order(4)
    void eachChartOfTheYearShowsTheReportsNumbersAndTheirTableBehindAToggle() {
        browser.go("/audit/reports/xiaoying/2023");
        browser.find(By.id("charts-link")).click();
        ChartsOnPage.awaitDrawn(browser, 6);
        JsonNode report = system.querySide().as("wang", "wang-password").get("/api/agencies/xiaoying/reports/2023").json();
        assertThat(report.at("/applications/NEW/TOTAL").asLong()).as("something to chart").isPositive();
        ChartsOnPage.assertEqualToReport(browser, report);
        browser.screenshot("charts");
        assertThat(ChartsOnPage.numbersBehindTheToggle(browser, "received")).contains("4 月");
    }

    @Test
    @Order(5)
    void theChartsPageOffersEachAgencyTheAuditorMayReadAndNoOther() {
        Http wang = system.querySide().as("wang", "wang-password");
        List<String> readable = new ArrayList<>();
        for (JsonNode agency : system.commandSide().admin().get("/api/admin/agencies").json().get("agencies")) {
            String id = agency.get("agencyId").asText();
            if (wang.get("/api/agencies/" + id + "/reports/2023").status() == 200) {
                readable.add(id);
            }
        }
        assertThat(readable).contains("xiaoying").doesNotContain("chengguan");
        browser.go("/audit/reports/xiaoying/2023/charts");
        List<String> offered = browser.findAll(By.cssSelector("#agency-charts a[data-agency]")).stream()
                                      .map(a -> a.getAttribute("data-agency")).toList();
        assertThat(offered).containsExactlyInAnyOrderElementsOf(readable);
        assertThat(ChartsOnPage.data(browser, "agencies").get("keys")).extracting(JsonNode::asText)
                                                                       .containsExactlyInAnyOrderElementsOf(readable);
        browser.find(By.cssSelector("#agency-charts a[data-agency='xiaoying']")).click();
        ChartsOnPage.awaitDrawn(browser, 6);
        assertThat(browser.path()).isEqualTo("/audit/reports/xiaoying/2023/charts");
    }

    private static org.openqa.selenium.WebElement newTotal() {
        return browser.find(By.cssSelector("#table-三 a[data-cell='NEW/TOTAL']"));
    }

    private static String receive(Http clerk, String on) {
        Http.Response received = clerk.post("/api/applications", "{\"agencyId\":\"xiaoying\",\"receivedOn\":\"" + on
                + "\",\"channel\":\"MAIL\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"张三\"},"
                + "\"request\":\"2023年道路维修预算\"}");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return received.json().get("applicationId").asText();
    }

    private static void conclude(Http clerk, String id, String on) {
        Http.Response answered = clerk.post("/api/applications/" + id + "/conclusion",
                                            "{\"concludedOn\":\"" + on + "\",\"outcome\":\"DISCLOSED\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    private static void sleepPastTheSecond() {
        try {
            Thread.sleep(1100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
