package gongkai.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signing in to the pages as a person does (the form, its CSRF token), and finding a case to open. */
final class Pages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("GONGKAI_SESSION=([^;]+)");
    private static final Pattern APPLICATION = Pattern.compile("\"applicationId\":\"([^\"]+)\"");
    private static final Pattern TOTAL = Pattern.compile("\"total\":(\\d+)");

    private Pages() {
    }

    /** Signs in through the sign-in form; the session cookie's value. */
    static String signIn(int port, String username, String password) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin")).build(),
                                              HttpResponse.BodyHandlers.ofString());
        String session = find(SESSION, form.headers().firstValue("set-cookie").orElse(""), "a session cookie");
        String token = find(CSRF, form.body(), "the sign-in form's CSRF token");
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                      + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/signin"))
                           .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "GONGKAI_SESSION=" + session)
                           .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("location").orElse("").contains("error")) {
            throw new IllegalStateException("could not sign in to the pages: " + signedIn.statusCode());
        }
        return find(SESSION, signedIn.headers().firstValue("set-cookie").orElse("GONGKAI_SESSION=" + session), "a session cookie");
    }

    /**
     * An application of the agency from the middle of its case list (at a small size an agency may have fewer
     * than a few pages of them).
     */
    static String someApplication(int queryPort, String username, String password, String agency)
            throws IOException, InterruptedException {
        String total = find(TOTAL, applications(queryPort, username, password, agency, 0), "the applications' total of " + agency);
        int middle = Integer.parseInt(total) / 2;
        return find(APPLICATION, applications(queryPort, username, password, agency, middle), "an application of " + agency);
    }

    /** One application of the agency's case list, the {@code index}-th, as the query side answers it. */
    private static String applications(int queryPort, String username, String password, String agency, int index)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + queryPort + "/api/applications?agencyId=" + agency
                                                  + "&page=" + index + "&size=1"))
                           .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                   (username + ":" + password).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String find(Pattern pattern, String text, String what) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + what);
        }
        return matcher.group(1);
    }
}
