package gongkai.web.testing;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium at 1280×800, driven like a person would: open a page, fill a labelled field,
 * press a button. Missing chromium or chromedriver skips the test, except on CI ({@code CI=true}), where
 * it fails.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static Browser open(String baseUrl) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but Debian's chromium and chromium-driver are not installed");
        }
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                             "--disable-dev-shm-usage", "--window-size=1280,800", "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                                                                       .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), baseUrl);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
    }

    public String title() {
        return driver.getTitle();
    }

    public WebElement find(By by) {
        return driver.findElement(by);
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    /** The input, select or textarea whose label reads {@code label}, within {@code scope} (a CSS selector). */
    public WebElement field(String scope, String label) {
        WebElement labelElement = driver.findElement(By.xpath(
                xpathOf(scope) + "//label[normalize-space(.)='" + label + "']"));
        return driver.findElement(By.id(labelElement.getAttribute("for")));
    }

    public Browser fill(String scope, String label, String value) {
        WebElement input = field(scope, label);
        if ("select".equals(input.getTagName())) {
            new org.openqa.selenium.support.ui.Select(input).selectByValue(value);
        } else {
            input.clear();
            input.sendKeys(value);
        }
        return this;
    }

    /** Fills the sign-in page with these and presses 登录; the page that answers is the caller's to check. */
    public Browser signIn(String username, String password) {
        return go("/signin").fill("", "用户名", username).fill("", "密码", password).press("", "登录");
    }

    /** Presses a button that sends its form and waits for the page that answers. */
    public Browser press(String scope, String button) {
        WebElement page = driver.findElement(By.tagName("html"));
        driver.findElement(By.xpath(xpathOf(scope) + "//button[normalize-space(.)='" + button + "']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> detached(page));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(
                d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Presses a button whose answer replaces part of the page (htmx): the caller waits for what it expects. */
    public Browser pressInPlace(String scope, String button) {
        driver.findElement(By.xpath(xpathOf(scope) + "//button[normalize-space(.)='" + button + "']")).click();
        return this;
    }

    /**
     * Waits until {@code condition} holds. A page that replaces itself while it is read (a job's progress
     * refreshing) detaches the element being read: Chromium says so as a stale element or as a node that
     * "does not belong to the document"; either is a reason to look again, not a failure.
     */
    public <T> T await(Function<org.openqa.selenium.WebDriver, T> condition) {
        return await(Duration.ofSeconds(20), condition);
    }

    /** {@link #await(Function)} for what takes as long as the machine makes it (a replay of every projection). */
    public <T> T await(Duration patience, Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, patience)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    try {
                        return condition.apply(d);
                    } catch (org.openqa.selenium.WebDriverException e) {
                        if (saysDetached(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /** Whether the page that held {@code element} has gone (the old page of a navigation). */
    public static boolean detached(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException gone) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (saysDetached(e)) {
                return true;
            }
            throw e;
        }
    }

    /** Chromium says an element left the document either as a stale element or in these words. */
    private static boolean saysDetached(org.openqa.selenium.WebDriverException e) {
        return String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    public Object script(String javascript, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(javascript, args);
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path png = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), png, StandardCopyOption.REPLACE_EXISTING);
            return png;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xpathOf(String scope) {
        if (scope == null || scope.isEmpty()) {
            return "";
        }
        if (scope.startsWith("#")) {
            return "//*[@id='" + scope.substring(1) + "']";
        }
        throw new IllegalArgumentException("scope is an id selector (#…): " + scope);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
