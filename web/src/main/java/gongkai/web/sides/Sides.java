package gongkai.web.sides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.web.access.SignedIn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command side (every write) and the query side (every read), called over their JSON APIs. Calls
 * for a signed-in user go with the built-in {@code pages} account and the header
 * {@value #ON_BEHALF_OF}: each side then applies that user's roles and agency, exactly as if the
 * user had called it. The user's password is used once, to sign in ({@link #me}), and never kept.
 */
@Component
public class Sides {

    public static final String ON_BEHALF_OF = "Gongkai-On-Behalf-Of";
    public static final String PAGES_ACCOUNT = "pages";

    private final RestClient command;
    private final RestClient query;
    private final String pagesAuthorization;
    private final ObjectMapper json;

    public Sides(@Value("${gongkai.command-side.url}") String commandUrl,
                 @Value("${gongkai.query-side.url}") String queryUrl,
                 @Value("${gongkai.pages.password}") String pagesPassword, ObjectMapper json) {
        if (pagesPassword == null || pagesPassword.isBlank()) {
            throw new IllegalStateException("gongkai.pages.password (GONGKAI_PAGES_PASSWORD) must be set: "
                                            + "the pages call both sides with the built-in account 'pages'");
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(60));
        this.command = RestClient.builder().baseUrl(commandUrl).requestFactory(requests).build();
        this.query = RestClient.builder().baseUrl(queryUrl).requestFactory(requests).build();
        this.pagesAuthorization = basic(PAGES_ACCOUNT, pagesPassword);
        this.json = json;
    }

    /** Who the given credentials belong to ({@code GET /api/me} on the query side); empty if they are wrong. */
    public java.util.Optional<JsonNode> me(String username, String password) {
        return query.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, basic(username, password))
                    .accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> {
                        if (response.getStatusCode().value() == 401) {
                            return java.util.Optional.<JsonNode>empty();
                        }
                        return java.util.Optional.of(answer(response.getStatusCode(), response.getBody()));
                    });
    }

    /** A read from the query side, for the signed-in user. */
    public JsonNode read(String path, Object... uriVariables) {
        return query.get().uri(path, uriVariables).headers(this::onBehalf).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /**
     * A read from the query side with query parameters (null values left out), for the signed-in user.
     * The values go as URI variables, so that each is encoded whole.
     */
    public JsonNode read(String path, Map<String, ?> parameters) {
        StringBuilder template = new StringBuilder(path);
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                template.append(values.isEmpty() ? '?' : '&').append(name).append("={").append(name).append('}');
                values.put(name, value);
            }
        });
        return query.get().uri(template.toString(), values).headers(this::onBehalf).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** A file or page from the query side as it is (the report rendered), for the signed-in user. */
    public ResponseEntity<byte[]> fetch(String path, Object... uriVariables) {
        return query.get().uri(path, uriVariables).headers(this::onBehalf)
                    .exchange((request, response) -> {
                        byte[] body = response.getBody().readAllBytes();
                        if (!response.getStatusCode().is2xxSuccessful()) {
                            throw refused(response.getStatusCode(), body);
                        }
                        HttpHeaders kept = new HttpHeaders();
                        for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_DISPOSITION}) {
                            String value = response.getHeaders().getFirst(name);
                            if (value != null) {
                                kept.set(name, value);
                            }
                        }
                        return ResponseEntity.status(response.getStatusCode()).headers(kept).body(body);
                    });
    }

    /** A read from the command side (its admin lists: agencies, users), for the signed-in user. */
    public JsonNode readCommand(String path, Object... uriVariables) {
        return command.get().uri(path, uriVariables).headers(this::onBehalf).accept(MediaType.APPLICATION_JSON)
                      .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** A request that starts work on the query side (POST with a JSON body, e.g. a verification), for the signed-in user. */
    public JsonNode postToQuery(Object body, String path, Object... uriVariables) {
        return query.post().uri(path, uriVariables).headers(this::onBehalf)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** A command to the command side (POST with a JSON body), for the signed-in user. */
    public JsonNode post(Object body, String path, Object... uriVariables) {
        return command.post().uri(path, uriVariables).headers(this::onBehalf)
                      .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                      .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** A command to the command side (PUT with a JSON body), for the signed-in user. */
    public JsonNode put(Object body, String path, Object... uriVariables) {
        return command.put().uri(path, uriVariables).headers(this::onBehalf)
                      .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                      .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** An answer as maps and lists, for the templates. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> plain(JsonNode answer) {
        return json.convertValue(answer, Map.class);
    }

    private void onBehalf(HttpHeaders headers) {
        headers.set(HttpHeaders.AUTHORIZATION, pagesAuthorization);
        headers.set(ON_BEHALF_OF, SignedIn.current().username());
    }

    private JsonNode answer(HttpStatusCode status, InputStream body) throws IOException {
        byte[] bytes = body.readAllBytes();
        if (!status.is2xxSuccessful()) {
            throw refused(status, bytes);
        }
        return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
    }

    private Refused refused(HttpStatusCode status, byte[] body) {
        String detail = "请求未成功 (" + status.value() + ")";
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                detail = problem.get("detail").asText();
            }
            if (problem != null && problem.has("errors")) {
                for (JsonNode error : problem.get("errors")) {
                    errors.putIfAbsent(error.path("field").asText(), error.path("message").asText());
                }
            }
        } catch (IOException notJson) {
            // keep the generic detail: the answer was not a problem document
        }
        return new Refused(status.value(), detail, errors);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
