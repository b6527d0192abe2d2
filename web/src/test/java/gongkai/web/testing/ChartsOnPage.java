package gongkai.web.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The charts of a page as the browser has them: each chart's data read from its {@code data-chart} attribute
 * (what {@code /js/charts.js} drew), compared with the report's JSON, and its numbers behind the toggle.
 */
public final class ChartsOnPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChartsOnPage() {
    }

    /** Waits until {@code count} charts are drawn. */
    public static void awaitDrawn(Browser browser, int count) {
        browser.await(driver -> driver.findElements(By.cssSelector("[data-chart][data-drawn='true']")).size() == count);
    }

    /** One chart's data: {@code kind}, {@code keys}, {@code labels}, {@code values}. */
    public static JsonNode data(Browser browser, String id) {
        try {
            return JSON.readTree(browser.find(By.id("chart-" + id)).getAttribute("data-chart"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static long sum(JsonNode chart) {
        long sum = 0;
        for (JsonNode value : chart.get("values")) {
            sum += value.asLong();
        }
        return sum;
    }

    /**
     * The year's charts of one agency add up to its report: received per month to table 三's NEW, concluded
     * per month to RESULT_TOTAL, open cases by age to CARRIED_FORWARD; each outcome group to the rows of
     * the form's group (予以公开, 部分公开, then （三） to （六） by their row keys' prefix); on time and late to
     * the timeliness figures.
     */
    public static void assertEqualToReport(Browser browser, JsonNode report) {
        assertThat(sum(data(browser, "received"))).as("received per month").isEqualTo(report.at("/applications/NEW/TOTAL").asLong());
        assertThat(sum(data(browser, "concluded"))).as("concluded per month")
                                                   .isEqualTo(report.at("/applications/RESULT_TOTAL/TOTAL").asLong());
        assertThat(sum(data(browser, "openByAge"))).as("open by age")
                                                   .isEqualTo(report.at("/applications/CARRIED_FORWARD/TOTAL").asLong());
        JsonNode outcomes = data(browser, "outcomes");
        assertThat(outcomes.get("keys")).hasSize(6);
        for (int i = 0; i < outcomes.get("keys").size(); i++) {
            String group = outcomes.at("/keys/" + i).asText();
            long rows = 0;
            Iterator<Map.Entry<String, JsonNode>> row = report.get("applications").fields();
            while (row.hasNext()) {
                Map.Entry<String, JsonNode> r = row.next();
                boolean inGroup = group.equals("DISCLOSED") || group.equals("PARTIALLY_DISCLOSED")
                                  ? r.getKey().equals(group) : r.getKey().startsWith(group + "_");
                if (inGroup) {
                    rows += r.getValue().get("TOTAL").asLong();
                }
            }
            assertThat(outcomes.at("/values/" + i).asLong()).as("outcome group " + group).isEqualTo(rows);
        }
        JsonNode timeliness = data(browser, "timeliness");
        assertThat(timeliness.at("/values/0").asLong()).as("on time").isEqualTo(report.at("/timeliness/answeredOnTime").asLong());
        assertThat(timeliness.at("/values/1").asLong()).as("late").isEqualTo(report.at("/timeliness/answeredLate").asLong());
        assertThat(timeliness.at("/values/4").asLong()).as("paused days")
                                                       .isEqualTo(report.at("/timeliness/workingDaysPaused").asLong());
    }

    /** The chart's numbers are hidden until its toggle is pressed, then shown; their text. */
    public static String numbersBehindTheToggle(Browser browser, String id) {
        WebElement numbers = browser.find(By.cssSelector("table[data-numbers='" + id + "']"));
        assertThat(numbers.isDisplayed()).as("behind the toggle").isFalse();
        browser.find(By.cssSelector("#chart-box-" + id + " summary")).click();
        assertThat(numbers.isDisplayed()).isTrue();
        return numbers.getText();
    }
}
