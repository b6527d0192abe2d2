package gongkai.query.report.rendering;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The renderings of the annual report ({@code ?format=} of docs/http-api.md, "The annual report"). */
public enum ReportFormat {
    HTML("html", "text/html;charset=UTF-8", true),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false),
    DOCX("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", false),
    CSV("csv", "text/csv;charset=UTF-8", false);

    private final String extension;
    private final String contentType;
    private final boolean inline;

    ReportFormat(String extension, String contentType, boolean inline) {
        this.extension = extension;
        this.contentType = contentType;
        this.inline = inline;
    }

    /** The format named by {@code ?format=} (case ignored), if it is one. */
    public static Optional<ReportFormat> named(String name) {
        return Arrays.stream(values()).filter(format -> format.extension.equalsIgnoreCase(name == null ? "" : name.strip()))
                     .findFirst();
    }

    /** "html, xlsx, docx, csv" */
    public static String names() {
        return Arrays.stream(values()).map(ReportFormat::extension).collect(Collectors.joining(", "));
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** Whether a browser should show it (the page) rather than save it (the files). */
    public boolean inline() {
        return inline;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
