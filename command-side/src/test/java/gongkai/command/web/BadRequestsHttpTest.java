package gongkai.command.web;

import gongkai.command.testing.RunningCommandSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad requests are 4xx problems, whatever their shape (the fuzz test sends thousands; these are the named cases). */
class BadRequestsHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static RunningCommandSide commandSide;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.http.max-body=2KB");
        commandSide.agencyWithClerk("xiaoying", "li");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void aMultipartPostWithoutBoundaryIsBadRequest() throws Exception {
        assertProblem(send("POST", "/api/applications", "multipart/form-data", null, "--x\r\n\r\n1\r\n--x--", false), 400);
    }

    @Test
    void aBodyOfAnotherMediaTypeIsUnsupported() throws Exception {
        assertProblem(send("POST", "/api/applications", "application/xml", null, "<a/>", false), 415);
    }

    @Test
    void anAnswerTheClientDoesNotAcceptIsStillAProblem() throws Exception {
        assertProblem(send("POST", "/api/applications", "application/json", "image/png", "{", false), 400);
        assertProblem(send("POST", "/api/applications", "application/json", "garbage", "{", false), 400);
    }

    @Test
    void aBodyOverTheConfiguredLimitIsTooLargeWhetherItsLengthIsDeclaredOrNot() throws Exception {
        String large = "{\"request\":\"" + "a".repeat(3000) + "\"}";
        assertProblem(send("POST", "/api/applications", "application/json", null, large, false), 413);
        assertProblem(send("POST", "/api/applications", "application/json", null, large, true), 413);
    }

    @Test
    void anEncodedSlashOrNullByteInThePathIsBadRequest() throws Exception {
        assertProblem(send("POST", "/api/applications/%2F/withdrawal", "application/json", null, "{}", false), 400);
        assertProblem(send("POST", "/api/applications/%00/withdrawal", "application/json", null, "{}", false), 400);
    }

    @Test
    void aWrongMethodIsNotAllowedAndTheErrorPathIsNotAResource() throws Exception {
        assertProblem(send("DELETE", "/api/applications", null, null, null, false), 405);
        assertProblem(send("GET", "/error", null, null, null, false), 404);
    }

    private static HttpResponse<String> send(String method, String path, String contentType, String accept, String body,
                                             boolean chunked) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(commandSide.baseUrl() + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "li:li-password".getBytes(StandardCharsets.UTF_8)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))
                : HttpRequest.BodyPublishers.ofByteArray(bytes));
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status);
    }
}
