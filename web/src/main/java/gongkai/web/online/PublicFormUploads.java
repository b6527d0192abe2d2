package gongkai.web.online;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.util.Locale;

/**
 * How large a submission of the public form may be on its way through the pages: its files are checked by the
 * command side alone (count, size, type: docs/http-api.md, "The public page"), the pages only take a body that can
 * hold the largest set the command side accepts ({@code gongkai.public.max-files} files of
 * {@code gongkai.attachments.max-size}, the same settings as the command side's) and the form's fields. A larger
 * body is answered with the form and a reason beside the files, not a broken connection: it is read to its end
 * (a body up to twice the limit) before the answer, and needs no CSRF token, since it is refused unread and records nothing.
 */
@Configuration(proxyBeanMethods = false)
public class PublicFormUploads {

    /** Room for the form's own fields (the request's text, the applicant's) and the parts' headers beside the files. */
    static final long FIELDS = DataSize.ofMegabytes(1).toBytes();

    private final int maxFiles;
    private final long maxFileBytes;

    public PublicFormUploads(@Value("${gongkai.public.max-files}") int maxFiles,
                             @Value("${gongkai.attachments.max-size}") DataSize maxFileSize) {
        this.maxFiles = maxFiles;
        this.maxFileBytes = maxFileSize.toBytes();
    }

    public int maxFiles() {
        return maxFiles;
    }

    /** The size limit of one file in MB, for the form's hint. */
    public long maxFileMegabytes() {
        return Math.max(1, maxFileBytes / DataSize.ofMegabytes(1).toBytes());
    }

    long maxRequestBytes() {
        return maxFiles * maxFileBytes + FIELDS;
    }

    /** A multipart body declared larger than any the form may send. */
    public boolean overTheLimit(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
               && request.getContentLengthLong() > maxRequestBytes();
    }

    /** Spring's multipart parsing: no limit of its own per file (the command side's), the whole body within the form's. */
    @Bean
    public MultipartConfigElement multipartConfig() {
        return new MultipartConfigElement("", -1, maxRequestBytes(), 0);
    }

    /** A body refused for its size (up to twice the limit) is read to its end, so that the browser gets the answer. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> readRefusedBodies() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxSwallowSize((int) Math.min(Integer.MAX_VALUE, 2 * maxRequestBytes()));
            }
        });
    }
}
