package gongkai.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * An HTTP/1.1 client with Basic credentials, as a script of an agency would use gongkai: one kept-alive
 * connection per thread and port, written and read directly. The JDK's HttpClient cost 1.3–2.6 ms of CPU
 * per request here, CPU the services on this 2-core machine would not have had.
 */
final class Client {

    /** The header that says who is asking: Basic credentials for the sides, a session cookie for the pages. */
    private final String credentials;
    private final ThreadLocal<Map<Integer, Connection>> connections = ThreadLocal.withInitial(HashMap::new);

    Client(String username, String password) {
        this("Authorization: Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Client(String credentials) {
        this.credentials = credentials;
    }

    /** A person signed in to the pages: their session cookie on every request. */
    static Client signedIn(String cookieName, String sessionId) {
        return new Client("Cookie: " + cookieName + "=" + sessionId);
    }

    int post(int port, String path, String json) {
        return send(port, "POST", path, json.getBytes(StandardCharsets.UTF_8));
    }

    int get(int port, String path) {
        return send(port, "GET", path, null);
    }

    /** A GET on a kept-alive connection the server has meanwhile closed is tried once more; a POST never is. */
    private int send(int port, String method, String path, byte[] body) {
        int attempts = body == null ? 2 : 1;
        for (int attempt = 0; attempt < attempts; attempt++) {
            Connection connection = connections.get().get(port);
            try {
                if (connection == null) {
                    connection = new Connection(new Socket("localhost", port));
                    connections.get().put(port, connection);
                }
                int status = connection.exchange(method, path, credentials, body);
                if (connection.closedByServer) {
                    connections.get().remove(port);
                    connection.close();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                connections.get().remove(port);
                if (connection != null) {
                    connection.close();
                }
            }
        }
        return 599;
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private boolean closedByServer;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        }

        int exchange(String method, String path, String credentials, byte[] body) throws IOException {
            StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                    .append("Host: localhost\r\n").append(credentials).append("\r\n");
            if (body != null) {
                head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
            if (body == null) {
                out.write(headBytes);
            } else {
                byte[] request = new byte[headBytes.length + body.length];
                System.arraycopy(headBytes, 0, request, 0, headBytes.length);
                System.arraycopy(body, 0, request, headBytes.length, body.length);
                out.write(request);
            }
            out.flush();
            return readResponse();
        }

        private int readResponse() throws IOException {
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                line(); // the empty line after the last chunk
            } else if (length > 0) {
                skip(length);
            }
            closedByServer = close;
            return code;
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed in a body");
                    }
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
