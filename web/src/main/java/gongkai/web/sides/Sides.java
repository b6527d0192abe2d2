package gongkai.web.sides;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.web.access.SignedIn;
import gongkai.web.forms.FormKeys;
import gongkai.web.text.Zh;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

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
    private static final Duration READ_YOUR_WRITES = Duration.ofSeconds(3);

    /** Calls of one page that do not depend on each other go out at once, each as the page's user. */
    private final ExecutorService parallel = new DelegatingSecurityContextExecutorService(
            Executors.newFixedThreadPool(16, runnable -> {
                Thread thread = new Thread(runnable, "sides-call");
                thread.setDaemon(true);
                return thread;
            }));

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
        Map<String, Object> values = new LinkedHashMap<>();
        String template = withParameters(path, parameters, values);
        return query.get().uri(template, values).headers(this::onBehalf).accept(MediaType.APPLICATION_JSON)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** {@code path} with a URI variable for each parameter that has a value, those values put in {@code values}. */
    private static String withParameters(String path, Map<String, ?> parameters, Map<String, Object> values) {
        StringBuilder template = new StringBuilder(path);
        parameters.forEach((name, value) -> {
            if (value != null && !value.toString().isEmpty()) {
                template.append(values.isEmpty() ? '?' : '&').append(name).append("={").append(name).append('}');
                values.put(name, value);
            }
        });
        return template.toString();
    }

    /** A call made beside the caller's other calls, on the signed-in user's behalf like them. */
    public <T> CompletableFuture<T> beside(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, parallel);
    }

    /** The answer of a call made {@link #beside}: its own failure (a refusal) as if it had been made here. */
    public static <T> T answerOf(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw e;
        }
    }

    /** A file or page from the query side as it is (the report rendered), for the signed-in user. */
    public ResponseEntity<byte[]> fetch(String path, Object... uriVariables) {
        return query.get().uri(path, uriVariables).headers(this::onBehalf)
                    .exchange((request, response) -> file(response));
    }

    /** A file answered by a side: its bytes with its type and disposition, or the side's refusal. */
    private ResponseEntity<byte[]> file(org.springframework.http.client.ClientHttpResponse response) throws java.io.IOException {
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
    }

    /** A file from the query side with query parameters (null values left out), each encoded whole. */
    public ResponseEntity<byte[]> fetch(String path, Map<String, ?> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        String template = withParameters(path, parameters, values);
        return fetch(template, values.values().toArray());
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

    /** A change of the query side's own settings (PUT with a JSON body, e.g. a notice template), for the signed-in user. */
    public JsonNode putToQuery(Object body, String path, Object... uriVariables) {
        return query.put().uri(path, uriVariables).headers(this::onBehalf)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /**
     * A command to the command side (POST with a JSON body), for the signed-in user. Once it is recorded,
     * the query side is given time to follow it ({@link #awaitReads}), so that the page shown next shows it.
     */
    public JsonNode post(Object body, String path, Object... uriVariables) {
        JsonNode answer = command.post().uri(path, uriVariables).headers(this::onBehalf).headers(Sides::formKey)
                                 .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                                 .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
        awaitReads();
        return answer;
    }

    /** A command to the command side (PUT with a JSON body), for the signed-in user; then as {@link #post}. */
    public JsonNode put(Object body, String path, Object... uriVariables) {
        JsonNode answer = command.put().uri(path, uriVariables).headers(this::onBehalf).headers(Sides::formKey)
                                 .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                                 .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
        awaitReads();
        return answer;
    }

    /**
     * Waits (at most {@link #READ_YOUR_WRITES}) until every projection of the query side has read the event
     * stream up to its head as it is now, which includes what this user just recorded: the read models
     * follow the event store within milliseconds, but a page read at once could miss the user's own change.
     * A query side that is slower (replaying, say) is not waited for longer: the page then shows what it has.
     */
    private void awaitReads() {
        long deadline = System.nanoTime() + READ_YOUR_WRITES.toNanos();
        long head = -1;
        while (true) {
            JsonNode status = read("/api/projections");
            if (head < 0) {
                head = status.path("head").asLong();
            }
            boolean caughtUp = true;
            for (JsonNode projection : status.path("projections")) {
                if (projection.path("replayable").asBoolean(true)
                    && (projection.path("position").isNull() || projection.path("position").asLong() < head)) {
                    caughtUp = false;
                }
            }
            if (caughtUp || System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * A read from the command side for the public page, with the pages' own account (no user is signed in):
     * only {@code /api/public/**} answers it.
     */
    public JsonNode readPublic(String path) {
        return command.get().uri(path).header(HttpHeaders.AUTHORIZATION, pagesAuthorization)
                      .accept(MediaType.APPLICATION_JSON)
                      .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** A submission of the public page to the command side, with the pages' own account. */
    public JsonNode postPublic(Object body, String path) {
        return command.post().uri(path).header(HttpHeaders.AUTHORIZATION, pagesAuthorization)
                      .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                      .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /**
     * A submission of the public page with the files the applicant attached, to the command side with the pages' own
     * account, as one request: part {@code application} (the JSON of {@link #postPublic}) and a part {@code files}
     * for each file. Streamed from where the pages keep the upload, its length declared, so that a body over the
     * command side's limit is refused before it is read.
     */
    public JsonNode postPublicWithFiles(Object application, List<MultipartFile> files, String path) throws IOException {
        String boundary = "gongkai-" + UUID.randomUUID();
        List<byte[]> heads = new ArrayList<>();
        heads.add(partHead(boundary, "name=\"application\"", MediaType.APPLICATION_JSON_VALUE));
        for (MultipartFile file : files) {
            heads.add(partHead(boundary, "name=\"files\"; filename=\"" + quoted(file.getOriginalFilename()) + "\"",
                               MediaType.APPLICATION_OCTET_STREAM_VALUE));
        }
        byte[] first = json.writeValueAsBytes(application);
        byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        long length = end.length + heads.stream().mapToLong(h -> h.length + CRLF.length).sum() + first.length
                      + files.stream().mapToLong(MultipartFile::getSize).sum();
        return command.post().uri(path).header(HttpHeaders.AUTHORIZATION, pagesAuthorization)
                      .contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
                      .contentLength(length).accept(MediaType.APPLICATION_JSON)
                      .body(out -> {
                          out.write(heads.get(0));
                          out.write(first);
                          out.write(CRLF);
                          for (int i = 0; i < files.size(); i++) {
                              out.write(heads.get(i + 1));
                              try (InputStream in = files.get(i).getInputStream()) {
                                  in.transferTo(out);
                              }
                              out.write(CRLF);
                          }
                          out.write(end);
                      })
                      .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    private static final byte[] CRLF = {'\r', '\n'};

    private static byte[] partHead(String boundary, String disposition, String type) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; " + disposition + "\r\nContent-Type: " + type
                + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A file name inside a quoted header value, escaped as browsers escape it (HTML, multipart/form-data encoding). */
    private static String quoted(String name) {
        return name == null ? "" : name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** A look-up of the public page on the query side (an applicant's status), with the pages' own account. */
    public JsonNode postPublicToQuery(Object body, String path) {
        return query.post().uri(path).header(HttpHeaders.AUTHORIZATION, pagesAuthorization)
                    .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> answer(response.getStatusCode(), response.getBody()));
    }

    /** A file for the public page from the query side (the applicant's answer letter), with the pages' own account. */
    public ResponseEntity<byte[]> postPublicToQueryForFile(Object body, String path) {
        return query.post().uri(path).header(HttpHeaders.AUTHORIZATION, pagesAuthorization)
                    .contentType(MediaType.APPLICATION_JSON).body(body)
                    .exchange((request, response) -> file(response));
    }

    /** An answer that is a list, as maps, for the templates. */
    @SuppressWarnings("unchecked")
    public java.util.List<Map<String, Object>> plainList(JsonNode answer) {
        return json.convertValue(answer, java.util.List.class);
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

    /** The form's idempotency key for this command, where a form sent it ({@link FormKeys}). */
    private static void formKey(HttpHeaders headers) {
        FormKeys.next().ifPresent(key -> headers.set("Idempotency-Key", key));
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
                    // withheldReasons[0] is the field withheldReasons: the form has one field for the list
                    errors.putIfAbsent(error.path("field").asText().replaceAll("\\[.*$", ""),
                                       Zh.chinese(error.path("message").asText()));
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
