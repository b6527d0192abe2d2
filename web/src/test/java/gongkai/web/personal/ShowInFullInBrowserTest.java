package gongkai.web.personal;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.web.testing.Browser;
import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page masks the applicant's ID number and phone for the clerks until one of them asks to see them in
 * full, saying why; the showing is then in the access log the auditors list (个人信息保护法第五十一条,
 * docs/personal-data.md).
 */
class ShowInFullInBrowserTest {

    private static final String ID_NUMBER = "110105199001019876";
    private static final String PHONE = "13912345678";

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    @AutoClose
    private static Browser browser;

    @BeforeAll
    static void open() {
        browser = Browser.open(system.baseUrl());
    }

    @Test
    void aClerkSeesTheMaskedNumbersFirstAndInFullAfterStatingWhyAndTheAuditorsListTheShowing() {
        Http clerk = system.agencyWithClerk("xiaoying", "li");
        system.commandSide().admin().post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\","
                                                              + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"xiaoying\"}");
        String id = UUID.randomUUID().toString();
        assertThat(clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2026-11-20","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人","idNumber":"%s","phone":"%s"},
                 "request":"信息"}""".formatted(id, ID_NUMBER, PHONE)).status()).isEqualTo(201);
        system.awaitProjections();

        browser.signIn("li", "li-password");
        browser.go("/applications/" + id);
        assertThat(browser.text(By.id("id-number"))).isEqualTo("110***********9876");
        assertThat(browser.text(By.id("phone"))).isEqualTo("139****5678");
        assertThat(browser.driver().getPageSource()).doesNotContain(ID_NUMBER).doesNotContain(PHONE);

        browser.fill("#form-show-in-full", "查看理由（将记入个人信息查阅记录）", "电话联系申请人补正")
               .pressInPlace("#form-show-in-full", "显示完整信息");
        browser.await(d -> !d.findElements(By.id("shown-in-full")).isEmpty());
        assertThat(browser.text(By.id("id-number"))).isEqualTo(ID_NUMBER);
        assertThat(browser.text(By.id("phone"))).isEqualTo(PHONE);
        browser.screenshot("shown-in-full");

        browser.go("/applications/" + id);
        assertThat(browser.text(By.id("id-number"))).as("a reload masks again").isEqualTo("110***********9876");

        Http auditor = system.querySide().as("wang", "wang-password");
        JsonNode log = auditor.get("/api/audit/personal-data-access?caseId=" + id).json();
        assertThat(log.path("total").asInt()).isEqualTo(1);
        assertThat(log.at("/items/0/username").asText()).isEqualTo("li");
        assertThat(log.at("/items/0/reason").asText()).isEqualTo("电话联系申请人补正");
    }

    @Test
    void askingWithoutAReasonShowsNothingInFullAndLogsNothing() {
        Http clerk = system.agencyWithClerk("chengguan", "zhao");
        String id = UUID.randomUUID().toString();
        assertThat(clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"chengguan","receivedOn":"2026-11-20","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人","idNumber":"%s","phone":"%s"},
                 "request":"信息"}""".formatted(id, ID_NUMBER, PHONE)).status()).isEqualTo(201);
        system.awaitProjections();
        browser.driver().manage().deleteAllCookies();
        browser.signIn("zhao", "zhao-password");
        browser.go("/applications/" + id);
        // a blank reason passes the browser's own check of a required field, so the rule of the query side answers
        browser.fill("#form-show-in-full", "查看理由（将记入个人信息查阅记录）", "   ")
               .pressInPlace("#form-show-in-full", "显示完整信息");
        browser.await(d -> !d.findElements(By.id("show-in-full-error")).isEmpty());
        assertThat(browser.text(By.id("id-number"))).isEqualTo("110***********9876");
        assertThat(browser.driver().getPageSource()).doesNotContain(ID_NUMBER);
        system.commandSide().admin().post("/api/admin/users", "{\"username\":\"sun\",\"password\":\"sun-password\","
                                                              + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"chengguan\"}");
        JsonNode log = system.querySide().as("sun", "sun-password").get("/api/audit/personal-data-access?caseId=" + id).json();
        assertThat(log.path("total").asInt()).isZero();
    }
}
