package gongkai.query.report.rendering;

import java.util.Arrays;
import java.util.List;

/** A narrative as the renderings lay it out: one paragraph per non-blank line. */
final class Paragraphs {

    private Paragraphs() {
    }

    static List<String> of(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
