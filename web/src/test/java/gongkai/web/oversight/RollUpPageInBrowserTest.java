package gongkai.web.oversight;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The county's auditor opens last year's 汇总 from the oversight board in a real browser: the page is labelled a
 * summary, not a statutory report (条例第五十条), lists the three agencies summed, shows every figure the query side
 * answers for the roll-up, and a figure drills down to each agency's part and from there to that agency's cases
 * (docs/agencies.md, "Roll-ups").
 */
@Timeout(600)
class RollUpPageInBrowserTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    private static final int LAST_YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;

    @AutoClose
    private static Browser browser;
    private static Http queryAuditor;

    @BeforeAll
    static void aCountyWithATownshipAndADepartmentThatReceivedApplications() {
        Http admin = system.commandSide().admin();
        agency(admin, "luanping", "滦平县人民政府", null, "PEOPLES_GOVERNMENT");
        agency(admin, "xiaoying", "小营满族乡人民政府", "luanping", "TOWNSHIP");
        agency(admin, "jiaoyu", "滦平县教育局", "luanping", "DEPARTMENT");
        for (String[] user : new String[][]{{"li", "CLERK", "xiaoying"}, {"zhao", "CLERK", "jiaoyu"}, {"zhou", "AUDITOR", "luanping"}}) {
            created(admin.post("/api/admin/users", "{\"username\":\"" + user[0] + "\",\"password\":\"" + user[0]
                                                   + "-password\",\"roles\":[\"" + user[1] + "\"],\"agencyId\":\"" + user[2] + "\"}"));
        }
        Http township = system.commandSide().as("li", "li-password");
        Http department = system.commandSide().as("zhao", "zhao-password");
        concluded(township, received(township, "xiaoying", "03-02"), "03-10", "DISCLOSED");
        concluded(township, received(township, "xiaoying", "04-06"), "04-20", "UNAVAILABLE_NOT_HELD");
        received(township, "xiaoying", "12-28");
        concluded(department, received(department, "jiaoyu", "05-11"), "05-20", "DISCLOSED");
        system.awaitProjections();
        queryAuditor = system.querySide().as("zhou", "zhou-password");
        browser = Browser.open(system.baseUrl());
        browser.signIn("zhou", "zhou-password");
        browser.await(driver -> !browser.path().startsWith("/signin"));
    }

    @Test
    void theRollUpPageShowsTheSummedFiguresOfTheApiWithTheAgenciesAndDrillsDownToEachAgencysCases() {
        JsonNode api = ok(queryAuditor.get("/api/agencies/luanping/reports/" + LAST_YEAR + "?scope=subtree"));
        browser.go("/oversight/" + LAST_YEAR);
        browser.find(By.id("rollup-link")).click();
        browser.await(driver -> browser.path().startsWith("/oversight/" + LAST_YEAR + "/rollup"));

        assertThat(browser.text(By.id("rollup-label"))).contains("汇总").contains("不是法定的年度报告");
        assertThat(browser.findAll(By.cssSelector("#rollup-agencies li")).stream().map(li -> li.getAttribute("data-agency")))
                .containsExactlyInAnyOrder("luanping", "xiaoying", "jiaoyu");
        List<WebElement> figures = browser.findAll(By.cssSelector("td.figure"));
        assertThat(figures).hasSizeGreaterThan(100);
        int compared = 0;
        for (WebElement figure : figures) {
            String table = figure.findElement(By.xpath("ancestor::table")).getAttribute("data-table");
            JsonNode expected = api.path(table).path(figure.getAttribute("data-row")).path(figure.getAttribute("data-column"));
            if (expected.isNumber()) {
                assertThat(new BigDecimal(figure.getText())).as(table + " " + figure.getAttribute("data-row") + " "
                                                                + figure.getAttribute("data-column"))
                        .isEqualByComparingTo(expected.decimalValue());
                compared++;
            }
        }
        assertThat(compared).as("the figures of tables 二, 三 and 四").isGreaterThan(100);
        browser.screenshot("rollup");

        // the largest figure of table 三 (4 applications, the county's) drills down to the agencies' parts
        WebElement largest = null;
        for (WebElement figure : browser.findAll(By.cssSelector("table[data-table='applications'] td.figure"))) {
            if (!figure.getText().isEmpty()
                && (largest == null || new BigDecimal(figure.getText()).compareTo(new BigDecimal(largest.getText())) > 0)) {
                largest = figure;
            }
        }
        String row = largest.getAttribute("data-row");
        String column = largest.getAttribute("data-column");
        assertThat(largest.getText()).isEqualTo("4");
        largest.findElement(By.tagName("a")).click();
        browser.await(driver -> browser.path().contains("/rollup/cells/"));
        JsonNode drill = ok(queryAuditor.get("/api/agencies/luanping/reports/" + LAST_YEAR + "/cells/" + row + "/" + column
                                             + "?scope=subtree"));
        assertThat(browser.text(By.id("rollup-figure"))).isEqualTo(drill.get("figure").asText()).isEqualTo("4");
        List<String> parts = new ArrayList<>();
        browser.findAll(By.cssSelector("#rollup-parts tbody tr"))
               .forEach(tr -> parts.add(tr.getAttribute("data-agency") + "=" + tr.findElement(By.cssSelector("a.figure")).getText()));
        List<String> apiParts = new ArrayList<>();
        drill.get("agencies").forEach(p -> apiParts.add(p.get("agencyId").asText() + "=" + p.get("figure").asText()));
        assertThat(parts).isEqualTo(apiParts).contains("xiaoying=3", "jiaoyu=1", "luanping=0");

        browser.find(By.cssSelector("#rollup-parts tr[data-agency='xiaoying'] a.figure")).click();
        browser.await(driver -> browser.path().startsWith("/audit/reports/xiaoying/"));
        assertThat(browser.text(By.id("cell-count"))).isEqualTo("3");
        assertThat(browser.findAll(By.cssSelector("a.case"))).hasSize(3);
    }

    private static void agency(Http admin, String id, String name, String parent, String kind) {
        created(admin.post("/api/admin/agencies", "{\"agencyId\":\"" + id + "\",\"name\":\"" + name + "\",\"kind\":\"" + kind
                                                  + "\",\"createdOn\":\"2020-01-01\""
                                                  + (parent == null ? "" : ",\"parentId\":\"" + parent + "\"") + "}"));
    }

    private static String received(Http clerk, String agency, String monthDay) {
        Http.Response r = created(clerk.post("/api/applications", "{\"agencyId\":\"" + agency + "\",\"receivedOn\":\""
                + LAST_YEAR + "-" + monthDay + "\",\"channel\":\"MAIL\",\"applicantType\":\"NATURAL_PERSON\","
                + "\"applicant\":{\"name\":\"张三\"},\"request\":\"预算\"}"));
        return r.json().get("applicationId").asText();
    }

    private static void concluded(Http clerk, String id, String monthDay, String outcome) {
        ok(clerk.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"" + LAST_YEAR + "-" + monthDay
                                                                 + "\",\"outcome\":\"" + outcome + "\"}"));
    }

    private static Http.Response created(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }
}
