package gongkai.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** An HTTP client with Basic credentials, as a script of an agency would use gongkai. */
final class Client {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String authorization;

    Client(String username, String password) {
        authorization = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    int post(int port, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                               .header("Authorization", authorization).header("Content-Type", "application/json")
                               .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    int get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                               .header("Authorization", authorization).GET().build());
    }

    private int send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 599;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 599;
        }
    }
}
