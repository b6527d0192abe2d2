package gongkai.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Refuses a request body larger than {@code gongkai.http.max-body} (default 1 MB; no command needs
 * more) with 413, before anything reads it: at once when the declared length says so, else as soon
 * as reading passes the limit ({@link TooLarge}, answered 413 by {@link ErrorAnswers}).
 */
public class BodyLimit extends OncePerRequestFilter {

    /** Thrown by the body's stream past the limit; an IOException so that every reader lets it through. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("request body over the limit", null);
        }
    }

    public static final String DETAIL = "请求内容过大 (the request body is over the limit)";

    /** Room for a multipart form's own parts (boundaries, headers, small fields) beside the file it carries. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;

    /**
     * An endpoint that takes several files in one {@code multipart/form-data} request (the public application form
     * with its attachments): its body may carry {@code files} uploads of the upload limit each. A side declares it
     * as a bean beside the endpoint; every other multipart request carries one file.
     */
    public record SeveralFiles(String path, int files) {
    }

    private final long maxBytes;
    private final long maxUploadBytes;
    private final Map<String, Long> severalFilesBytes;
    private final ObjectMapper json;

    public BodyLimit(DataSize max, ObjectMapper json) {
        this(max, max, List.of(), json);
    }

    /**
     * {@code maxUpload}: the limit of a file sent as {@code multipart/form-data} (an attachment), instead of {@code max};
     * {@code severalFiles}: the endpoints that take several such files at once.
     */
    public BodyLimit(DataSize max, DataSize maxUpload, List<SeveralFiles> severalFiles, ObjectMapper json) {
        this.maxBytes = max.toBytes();
        this.maxUploadBytes = Math.max(maxBytes, maxUpload.toBytes() + MULTIPART_OVERHEAD);
        this.severalFilesBytes = severalFiles.stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                SeveralFiles::path, s -> Math.max(maxBytes, s.files() * maxUpload.toBytes() + MULTIPART_OVERHEAD)));
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        long limit = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")
                     ? severalFilesBytes.getOrDefault(request.getRequestURI(), maxUploadBytes) : maxBytes;
        if (request.getContentLengthLong() > limit) {
            Problems.write(response, json, HttpStatus.PAYLOAD_TOO_LARGE, DETAIL, Map.of());
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
