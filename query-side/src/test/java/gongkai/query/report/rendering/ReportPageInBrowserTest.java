package gongkai.query.report.rendering;

import gongkai.query.testing.MachineTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The HTML report as a person sees it, in Debian's headless Chromium: the official labels are
 * visible, the merged headers stand over the right columns, the page prints. Leaves a screenshot
 * and the printed PDF in /tmp. Skipped where chromium or chromedriver is not on PATH, except in CI
 * ({@code CI=true}), where that fails ({@link MachineTools}).
 */
@Timeout(120)
class ReportPageInBrowserTest {

    private static ChromeDriver browser;
    private static Path page;

    @BeforeAll
    static void open() throws IOException {
        Path chromium = MachineTools.required("chromium", "apt-get install chromium; .ci/run installs it");
        Path chromedriver = MachineTools.required("chromedriver", "apt-get install chromium-driver; .ci/run installs it");
        page = Files.createTempFile("report-xiaoying-2023-", ".html");
        Files.write(page, ReportRenderingTest.RENDERER.render(ReportRenderingTest.fullReport(), ReportFormat.HTML));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-dev-shm-usage", "--window-size=1000,4400", "--hide-scrollbars");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
                                                                       .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.get(page.toUri().toString());
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (page != null) {
            Files.deleteIfExists(page);
        }
    }

    @Test
    void theTitleTheSixSectionsAndTheOfficialLabelsAreVisible() {
        assertVisible(browser.findElement(By.tagName("h1")), "小营镇人民政府2023年政府信息公开工作年度报告");
        List<WebElement> headings = browser.findElements(By.tagName("h2"));
        assertThat(headings).extracting(WebElement::getText).containsExactlyElementsOf(OfficialForm.SECTIONS);
        headings.forEach(heading -> assertVisible(heading, heading.getText()));
        for (String label : List.of("第二十条第（一）项", "本年制发件数", "现行有效件数", "本年收费金额（单位：万元）", "申请人情况",
                                    "法人或其他组织", "社会公益组织", "三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”",
                                    "四、结转下年度继续办理", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "尚未审结")) {
            List<WebElement> cells = browser.findElements(By.xpath("//th[normalize-space(.)='" + label + "']"));
            assertThat(cells).as(label).isNotEmpty();
            cells.forEach(cell -> assertVisible(cell, label));
        }
        WebElement signature = browser.findElement(By.cssSelector("footer.signature"));
        assertVisible(signature, "小营镇人民政府\n2024年1月26日");
        assertThat(signature.getRect().getY()).isGreaterThan(browser.findElement(By.id("other")).getRect().getY());
    }

    @Test
    void theMergedHeadersStandExactlyOverTheirColumns() {
        Rectangle organisations = header("table-applications", "法人或其他组织");
        Rectangle first = header("table-applications", "商业企业");
        Rectangle last = header("table-applications", "其他");
        // (within a pixel: the browser rounds each box on its own)
        assertThat(organisations.getX()).isCloseTo(first.getX(), within(1));
        assertThat(organisations.getX() + organisations.getWidth()).isCloseTo(last.getX() + last.getWidth(), within(1));
        assertThat(organisations.getY()).isLessThan(first.getY());

        Rectangle lawsuits = header("table-reviews-and-lawsuits", "行政诉讼");
        Rectangle direct = header("table-reviews-and-lawsuits", "未经复议直接起诉");
        Rectangle afterReview = header("table-reviews-and-lawsuits", "复议后起诉");
        assertThat(lawsuits.getX()).isCloseTo(direct.getX(), within(1));
        assertThat(lawsuits.getX() + lawsuits.getWidth()).isCloseTo(afterReview.getX() + afterReview.getWidth(), within(1));
        // The figure under 复议后起诉 · 尚未审结 is the JSON's.
        WebElement pending = browser.findElement(By.cssSelector(
                "#table-reviews-and-lawsuits td[data-row=LAWSUIT_AFTER_REVIEW][data-column=PENDING]"));
        assertThat(pending.getText()).isEqualTo(ReportRenderingTest.json(ReportRenderingTest.fullReport())
                                                                   .at("/reviewsAndLawsuits/LAWSUIT_AFTER_REVIEW/PENDING").asText());
        Rectangle cell = pending.getRect();
        assertThat(cell.getX()).isGreaterThanOrEqualTo(afterReview.getX() - 1);
        assertThat(cell.getX() + cell.getWidth()).isLessThanOrEqualTo(afterReview.getX() + afterReview.getWidth() + 1);
    }

    @Test
    void thePagePrintsOnA4AndLeavesAScreenshot() throws IOException {
        File screenshot = browser.getScreenshotAs(OutputType.FILE);
        Path png = Path.of("/tmp/gongkai-report-page.png");
        Files.copy(screenshot.toPath(), png, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(png)).isGreaterThan(10_000);

        PrintOptions a4 = new PrintOptions();
        a4.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0)); // height, width in cm: A4 portrait
        Pdf pdf = browser.print(a4);
        byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
        Files.write(Path.of("/tmp/gongkai-report-print.pdf"), bytes);
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    private static Rectangle header(String table, String label) {
        List<WebElement> cells = browser.findElements(By.xpath("//table[@id='" + table + "']//th[normalize-space(.)='" + label + "']"));
        assertThat(cells).as(label).hasSize(1);
        return cells.get(0).getRect();
    }

    private static void assertVisible(WebElement element, String text) {
        assertThat(element.isDisplayed()).as(text + " displayed").isTrue();
        assertThat(element.getText()).isEqualTo(text);
        assertThat(element.getRect().getWidth()).as(text + " width").isPositive();
        assertThat(element.getRect().getHeight()).as(text + " height").isPositive();
    }
}
