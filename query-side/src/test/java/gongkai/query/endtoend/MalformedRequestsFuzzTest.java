package gongkai.query.endtoend;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests of many shapes to every endpoint of both sides (collected from Spring's request
 * mappings, so a new endpoint is fuzzed without being listed here): broken and mistyped JSON, bodies
 * of the wrong media type, multipart without a boundary, bodies over the limit, unacceptable
 * {@code Accept}, junk path ids and parameters, wrong methods. Every answer is a 4xx problem, never a
 * 5xx, and no event is written. Seeded: the seed is printed, {@code -Dfuzz.seed=N} repeats a run.
 */
class MalformedRequestsFuzzTest {

    private static final int AT_LEAST = 2_000;
    private static final String CLERK = "li";
    private static final String AUDITOR = "zhou";

    private static final String PAGES_PASSWORD = "pages-secret-12";

    @RegisterExtension
    static final RunningSystem system = new RunningSystem("--gongkai.pages.password=" + PAGES_PASSWORD);

    private static String existingApplication;

    /** One endpoint: where it lives, how it is called, what its body is. */
    record Endpoint(String side, String baseUrl, String method, String pattern, List<String> consumes,
                    Type bodyType, boolean bodyOptional, List<String> parameters) {

        boolean writes() {
            return !method.equals("GET");
        }

        @Override
        public String toString() {
            return side + " " + method + " " + pattern;
        }
    }

    record Sent(String method, String path, String contentType, String accept, String body, int status,
                String answerType, String answer) {

        @Override
        public String toString() {
            return method + " " + path + " [Content-Type " + contentType + ", Accept " + accept + "] body "
                   + abbreviated(body) + " -> " + status + " " + answerType + " " + abbreviated(answer);
        }
    }

    @BeforeAll
    static void anAgencyWithAClerkAnAuditorAndOneApplication() {
        Http clerk = system.commandSide().agencyWithClerk("xiaoying", CLERK);
        Http.Response auditor = system.commandSide().admin().post("/api/admin/users", "{\"username\":\"" + AUDITOR
                + "\",\"password\":\"" + AUDITOR + "-password\",\"roles\":[\"AUDITOR\"],\"agencyId\":\"xiaoying\"}");
        assertThat(auditor.status()).as(auditor.body()).isEqualTo(201);
        Http.Response received = clerk.post("/api/applications", """
                {"agencyId":"xiaoying","receivedOn":"2024-03-01","channel":"MAIL","applicantType":"NATURAL_PERSON",
                 "applicant":{"name":"张三"},"request":"预算"}""");
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        existingApplication = received.json().get("applicationId").asText();
    }

    @Test
    void noMalformedRequestToAnyEndpointGetsA5xxOrWritesAnEvent() {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("MalformedRequestsFuzzTest seed: " + seed + " (repeat with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);

        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(endpoints("command", system.commandSide().baseUrl(), system.commandSide().context()));
        endpoints.addAll(endpoints("query", system.querySide().baseUrl(), system.querySide().context()));
        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(40);
        int perEndpoint = Math.max(30, (AT_LEAST + endpoints.size() - 1) / endpoints.size());

        long eventsBefore = events();
        List<Sent> serverErrors = new ArrayList<>();
        List<Sent> notProblems = new ArrayList<>();
        List<Sent> writesDone = new ArrayList<>();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        int sent = 0;
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < perEndpoint; i++) {
                Sent answer = send(malformed(endpoint, random));
                sent++;
                byStatus.merge(answer.status(), 1, Integer::sum);
                if (answer.status() < 300 && !answer.method().equals("GET")) {
                    writesDone.add(answer);
                }
                if (answer.status() >= 500) {
                    serverErrors.add(answer);
                } else if (answer.status() >= 400 && !answer.answerType().startsWith("application/problem+json")
                           && !answer.method().equals("HEAD")) {
                    notProblems.add(answer);
                }
            }
        }
        System.out.println("MalformedRequestsFuzzTest: " + sent + " requests over " + endpoints.size()
                           + " endpoints, by status " + byStatus);

        assertThat(sent).isGreaterThanOrEqualTo(AT_LEAST);
        assertThat(writesDone).as("writes that succeeded (seed " + seed + ")").isEmpty();
        assertThat(serverErrors).as("5xx answers (seed " + seed + ")").isEmpty();
        assertThat(notProblems).as("4xx answers that are not problems (seed " + seed + ")").isEmpty();
        assertThat(events()).as("events written by malformed requests").isEqualTo(eventsBefore);
    }

    private static long events() {
        return system.commandSide().context().getBean(JdbcTemplate.class)
                     .queryForObject("select count(*) from command_side.domain_event_entry", Long.class);
    }

    private static List<Endpoint> endpoints(String side, String baseUrl, ConfigurableApplicationContext context) {
        RequestMappingHandlerMapping mapping = context.getBean("requestMappingHandlerMapping",
                                                               RequestMappingHandlerMapping.class);
        List<Endpoint> found = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            Type bodyType = null;
            boolean bodyOptional = false;
            List<String> parameters = new ArrayList<>();
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    bodyType = parameter.getGenericParameterType();
                    bodyOptional = !parameter.getParameterAnnotation(RequestBody.class).required();
                }
                parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
                if (param != null && (!param.name().isEmpty() || parameter.getParameterName() != null)) {
                    parameters.add(!param.name().isEmpty() ? param.name() : parameter.getParameterName());
                }
            }
            info.getParamsCondition().getExpressions().forEach(e -> parameters.add(e.getName()));
            List<String> consumes = info.getConsumesCondition().getConsumableMediaTypes().stream()
                                        .map(Object::toString).toList();
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(RequestMethod::name).toList();
            for (String pattern : info.getPatternValues()) {
                for (String method : methods) {
                    found.add(new Endpoint(side, baseUrl, method, pattern, consumes, bodyType, bodyOptional,
                                           List.copyOf(parameters)));
                }
            }
        }
        found.sort(Comparator.comparing(Endpoint::toString));
        return found;
    }

    // ---- malformed requests ----

    private static final List<String> JUNK = List.of(
            "not-a-uuid", "-1", "99999999999999999999999", "0x1F", "%E4%B8%AD%E6%96%87", "%00", "%2F", "%25",
            "%20%20", "null", "true", "%7Bid%7D", "'%20or%20'1'='1", "a".repeat(300), "%ZZ", "..%3B", "%C0%AF",
            "2024-13-45", "1e999", "%F0%9F%92%A9", "~", "NaN", "12345678-1234-1234-1234-12345678901Z");

    private static final List<String> ACCEPTS = List.of(
            "application/json", "application/xml", "image/png", "text/html", "garbage", "*/*;q=oops",
            "application/problem+json", "text/csv", "");

    private static final List<String> WRONG_CONTENT_TYPES = List.of(
            "text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png", "garbage",
            "application/json; charset=bogus-charset", "application/json; charset=", "multipart/mixed",
            "text/plain; charset=ISO-8859-1");

    record Request(Endpoint endpoint, String method, String path, String contentType, String accept,
                   byte[] body, boolean chunked, String user) {
    }

    private static Request malformed(Endpoint endpoint, Random random) {
        String method = endpoint.method();
        String contentType = null;
        byte[] body = null;
        boolean chunked = false;
        boolean guaranteed = !endpoint.writes(); // a read never writes; a write must carry a flaw that stops it
        boolean junkPath = endpoint.pattern().contains("{") && (random.nextInt(3) == 0 || !guaranteed && endpoint.bodyType() == null
                                                                                         && random.nextBoolean());
        if (junkPath && endpoint.writes()) {
            guaranteed = true; // an id that is no id, an agency that is not the user's, a year that is no year
        }
        int shape = random.nextInt(10);
        if (shape == 0) {
            method = random.nextBoolean() ? "DELETE" : "PATCH";
            guaranteed = true;
        } else if (shape == 1) {
            contentType = random.nextBoolean() ? "multipart/form-data" : "multipart/form-data; boundary=";
            body = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8);
            guaranteed = true;
        } else if (shape == 2 && random.nextInt(4) == 0) {
            contentType = "application/json";
            body = new byte[1024 * 1024 + 1 + random.nextInt(1024)];
            java.util.Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            // declared, it is refused unread; streamed, only when the endpoint reads its body
            chunked = endpoint.bodyType() != null && random.nextBoolean();
            guaranteed = true;
        } else if (endpoint.bodyType() != null && endpoint.consumes().stream().noneMatch(c -> c.startsWith("text/")) || shape == 3) {
            // a body the endpoint does not read stops nothing, nor does an empty one where a body is optional
            boolean read = endpoint.bodyType() != null && !endpoint.bodyOptional();
            if (random.nextInt(4) == 0) {
                contentType = WRONG_CONTENT_TYPES.get(random.nextInt(WRONG_CONTENT_TYPES.size()));
                body = (random.nextBoolean() ? "{\"a\":1}" : "a=1&b=2").getBytes(StandardCharsets.UTF_8);
                if (read && contentType.startsWith("application/json")) {
                    body = brokenJson(endpoint, random);
                }
                guaranteed = guaranteed || read;
            } else {
                contentType = random.nextInt(8) == 0 ? null : "application/json";
                body = brokenJson(endpoint, random);
                guaranteed = guaranteed || read;
            }
        } else if (endpoint.bodyType() != null) {
            contentType = endpoint.consumes().isEmpty() ? "text/plain" : endpoint.consumes().get(0);
            body = randomText(random).getBytes(StandardCharsets.UTF_8); // never a calendar
            guaranteed = true;
        }
        if (!guaranteed) { // a write without a body: only a flaw in its path or its form can stop it
            junkPath = endpoint.pattern().contains("{");
            if (!junkPath) {
                method = "PATCH";
            }
        }
        String path = path(endpoint, random, junkPath);
        String accept = random.nextInt(3) == 0 ? ACCEPTS.get(random.nextInt(ACCEPTS.size())) : null;
        String user = switch (random.nextInt(10)) {
            case 0 -> "admin";
            case 1 -> AUDITOR;
            case 2 -> null; // wrong passwords would soon throttle this address (SignInThrottle)
            // the public form's endpoints answer only the pages' own account: it is the one to send them malformed requests
            default -> endpoint.pattern().startsWith("/api/public") ? "pages"
                    : endpoint.pattern().startsWith("/api/admin") && random.nextBoolean() ? "admin" : CLERK;
        };
        return new Request(endpoint, method, path, contentType, accept, body, chunked, user);
    }

    private static String path(Endpoint endpoint, Random random, boolean junk) {
        Matcher variables = Pattern.compile("\\{([^}]+)}").matcher(endpoint.pattern());
        StringBuilder path = new StringBuilder();
        List<Integer> junkAt = new ArrayList<>();
        int count = (int) Pattern.compile("\\{").matcher(endpoint.pattern()).results().count();
        if (junk && count > 0) {
            junkAt.add(random.nextInt(count));
        }
        int index = 0;
        while (variables.find()) {
            String name = variables.group(1).replaceAll(":.*", "");
            String value = junkAt.contains(index) || random.nextInt(5) == 0 && junk
                    ? JUNK.get(random.nextInt(JUNK.size())) : plausible(name, random);
            variables.appendReplacement(path, Matcher.quoteReplacement(value));
            index++;
        }
        variables.appendTail(path);
        List<String> parameters = new ArrayList<>(endpoint.parameters());
        parameters.addAll(List.of("asOf", "page", "size", "from", "to", "zz"));
        StringBuilder query = new StringBuilder();
        for (String parameter : parameters) {
            if (random.nextInt(3) == 0) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter).append('=')
                     .append(random.nextBoolean() ? JUNK.get(random.nextInt(JUNK.size())) : plausible(parameter, random));
            }
        }
        return path.append(query).toString();
    }

    private static String plausible(String name, Random random) {
        return switch (name) {
            case "agencyId" -> random.nextInt(4) == 0 ? "luanping" : "xiaoying";
            case "year" -> String.valueOf(2022 + random.nextInt(3));
            case "id", "documentId" -> random.nextBoolean() ? existingApplication : UUID.randomUUID().toString();
            case "globalIndex", "page", "size" -> String.valueOf(random.nextInt(3));
            case "format" -> List.of("html", "csv", "xlsx", "docx", "pdf").get(random.nextInt(5));
            case "asOf", "from", "to" -> "2024-0" + (1 + random.nextInt(9)) + "-01T00:00:00Z";
            case "rowKey" -> List.of("NEW", "TOTAL", "REVIEW", "FEES").get(random.nextInt(4));
            case "columnKey" -> List.of("TOTAL", "issued", "UPHELD").get(random.nextInt(3));
            case "name" -> List.of("applications", "read-models", "chain").get(random.nextInt(3));
            default -> "x";
        };
    }

    /** A body that is never a valid command: not JSON, cut short, of the wrong shape, or one field mistyped. */
    private static byte[] brokenJson(Endpoint endpoint, Random random) {
        String plausible = endpoint.bodyType() == null ? "{\"a\":1}" : plausibleJson(endpoint.bodyType(), 0);
        String broken = switch (random.nextInt(9)) {
            case 0 -> plausible.substring(0, Math.max(1, random.nextInt(plausible.length())));
            case 1 -> "[" + plausible + "]";
            case 2 -> random.nextBoolean() ? "null" : "\"" + plausible.replace("\"", "'") + "\"";
            case 3 -> "[".repeat(2_000 + random.nextInt(20_000));
            case 4 -> plausible.replaceFirst("\\{", "{\"zzUnknownField\":1,");
            case 5 -> mistyped(plausible, random);
            case 6 -> randomText(random);
            case 7 -> "";
            default -> mistyped(plausible, random);
        };
        if (random.nextInt(20) == 0) {
            byte[] bytes = broken.getBytes(StandardCharsets.UTF_8);
            byte[] withInvalidUtf8 = java.util.Arrays.copyOf(bytes, bytes.length + 3);
            withInvalidUtf8[bytes.length] = (byte) 0xC3;
            withInvalidUtf8[bytes.length + 1] = (byte) 0x28;
            withInvalidUtf8[bytes.length + 2] = (byte) 0xFF;
            return withInvalidUtf8;
        }
        return broken.getBytes(StandardCharsets.UTF_8);
    }

    /** One field of the plausible body given a value of the wrong JSON shape (an object where a value is wanted). */
    private static String mistyped(String plausible, Random random) {
        Matcher fields = Pattern.compile("\"([A-Za-z]+)\":").matcher(plausible);
        List<Integer> starts = new ArrayList<>();
        while (fields.find()) {
            starts.add(fields.end());
        }
        if (starts.isEmpty()) {
            return plausible + "}";
        }
        int at = starts.get(random.nextInt(starts.size()));
        String value = List.of("{\"nested\":{\"deeper\":[1,2]}}", "{}", "{\"x\":null}").get(random.nextInt(3));
        // replace the value that starts here by the object: find its end at depth 0
        int depth = 0;
        int end = at;
        boolean inString = false;
        for (; end < plausible.length(); end++) {
            char c = plausible.charAt(end);
            if (inString) {
                if (c == '\\') {
                    end++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (depth == 0) {
                    break;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                break;
            }
        }
        String original = plausible.substring(at, end);
        if (original.startsWith("{")) {
            value = "12345"; // a nested object given a number
        }
        return plausible.substring(0, at) + value + plausible.substring(end);
    }

    private static String plausibleJson(Type type, int depth) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType()
                : type instanceof Class<?> c ? c : Object.class;
        if (raw == String.class || raw == Object.class) {
            return "\"x\"";
        }
        if (raw == LocalDate.class) {
            return "\"2024-01-10\"";
        }
        if (raw == Instant.class) {
            return "\"2024-01-10T00:00:00Z\"";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class
            || raw == BigDecimal.class || raw == short.class) {
            return "1";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true";
        }
        if (raw.isEnum()) {
            return "\"" + ((Enum<?>) raw.getEnumConstants()[0]).name() + "\"";
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return "[" + plausibleJson(p.getActualTypeArguments()[0], depth + 1) + "]";
        }
        if (Map.class.isAssignableFrom(raw)) {
            return "{\"k\":\"v\"}";
        }
        if (raw.isRecord() && depth < 4) {
            StringBuilder json = new StringBuilder("{");
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = component.getName();
                var property = component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                var onField = component.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (onField != null && !onField.value().isEmpty()) {
                    name = onField.value();
                } else if (property != null && !property.value().isEmpty()) {
                    name = property.value();
                }
                if (json.length() > 1) {
                    json.append(',');
                }
                json.append('"').append(name).append("\":").append(plausibleJson(component.getGenericType(), depth + 1));
            }
            return json.append('}').toString();
        }
        return "\"x\"";
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        String alphabet = "{}[]\":,ab 01\\\n中文\u0000\u202e-+eE.";
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    // ---- sending ----

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private static Sent send(Request request) {
        String uri = request.endpoint().baseUrl() + request.path();
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        } catch (IllegalArgumentException unsendable) { // a path the client itself refuses: sent encoded
            builder = HttpRequest.newBuilder(URI.create(request.endpoint().baseUrl()
                                                        + request.path().replace("%", "%25").replace(" ", "%20")))
                                 .timeout(Duration.ofSeconds(60));
        }
        if (request.user() != null) {
            String password = switch (request.user()) {
                case "admin" -> RunningCommandSide.ADMIN_PASSWORD;
                case "pages" -> PAGES_PASSWORD;
                case "nobody" -> "wrong-password";
                default -> request.user() + "-password";
            };
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (request.user() + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        if (request.accept() != null && !request.accept().isEmpty()) {
            builder.header("Accept", request.accept());
        }
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : request.chunked() ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
                : HttpRequest.BodyPublishers.ofByteArray(request.body());
        builder.method(request.method(), body);
        String shownBody = request.body() == null ? "" : new String(request.body(), 0, Math.min(200, request.body().length),
                                                                   StandardCharsets.UTF_8);
        try {
            HttpResponse<String> response = sendOnAFreshConnectionIfTheKeptOneDied(builder.build());
            return new Sent(request.method(), request.endpoint().side() + " " + request.path(), request.contentType(),
                            request.accept(), shownBody, response.statusCode(),
                            response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("no answer to " + request.method() + " " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A kept-alive connection that the server closed while idle (its keep-alive timeout) is found dead only when
     * the next request is written on it ("header parser received no bytes"); the JDK client retries only GET that
     * way. The request is then sent once more, on a new connection: a server that really cannot answer it fails
     * the second time too.
     */
    private static HttpResponse<String> sendOnAFreshConnectionIfTheKeptOneDied(HttpRequest request)
            throws IOException, InterruptedException {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException closedUnderUs) {
            if (closedUnderUs.getMessage() == null || !closedUnderUs.getMessage().contains("received no bytes")) {
                throw closedUnderUs;
            }
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String abbreviated(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 160 ? text : text.substring(0, 160) + "…";
    }
}
