package gongkai.web.online;

import gongkai.web.testing.RunningPages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robots at the public page, over plain HTTP with a session and its CSRF token as a browser has them: one address
 * sending 100 submissions within a minute, with files attached or not, is refused after the limit (10 a minute),
 * whatever it sends; a wrong CAPTCHA records nothing; a query code that does not exist, or a real one with wrong phone digits, shows nothing.
 */
class PublicFormRobotsTest {

    @RegisterExtension
    static final RunningPages system = new RunningPages();

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void aHundredSubmissionsFromOneAddressWithinAMinuteAreRefusedAfterTheLimit() throws Exception {
        system.agencyWithClerk("zhen", "zhou");
        String csrf = csrfOf(get("/apply").body());
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Map<String, String> form = Map.of("_csrf", csrf, "agencyId", "zhen", "applicantType", "NATURAL_PERSON",
                                              "applicant.name", "机器人" + i, "applicant.idNumber", "11010519491231002X",
                                              "applicant.phone", "13912345678", "request", "全部信息", "captcha", "AAAAA");
            // every other one as the form sends it with a file attached: the same limit counts both
            statuses.add((i % 2 == 0 ? post("/apply", form) : postWithFile("/apply", form)).statusCode());
        }
        assertThat(statuses.subList(0, 10)).as("within the limit: refused for the wrong CAPTCHA").containsOnly(400);
        assertThat(statuses.subList(10, 100)).as("beyond the limit").containsOnly(429);
        assertThat(system.querySide().as("zhou", "zhou-password").get("/api/submissions").json().get("items"))
                .as("nothing recorded").isEmpty();
    }

    @Test
    void aWrongQueryCodeOrWrongPhoneDigitsShowNothing() throws Exception {
        String csrf = csrfOf(get("/track").body());
        HttpResponse<String> unknown = post("/track", Map.of("_csrf", csrf, "queryCode", "2222-3333-4444", "phoneLast4", "5678"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("未找到").doesNotContain("id=\"status\"");
        HttpResponse<String> junk = post("/track", Map.of("_csrf", csrf, "queryCode", "' or 1=1 --", "phoneLast4", "x"));
        assertThat(junk.statusCode()).isEqualTo(404);
        assertThat(junk.body()).doesNotContain("id=\"status\"");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path)).GET().build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                          .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                          .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                                      .header("Content-Type", "application/x-www-form-urlencoded")
                                      .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postWithFile(String path, Map<String, String> form) throws IOException, InterruptedException {
        String boundary = "robot-" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                                          .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.pdf\"\r\n")
            .append("Content-Type: application/pdf\r\n\r\n%PDF-1.4\r\n--").append(boundary).append("--\r\n");
        return client.send(HttpRequest.newBuilder(URI.create(system.baseUrl() + path))
                                      .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                      .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                           HttpResponse.BodyHandlers.ofString());
    }

    private static String csrfOf(String page) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("a CSRF token on the form").isTrue();
        return m.group(1);
    }
}
