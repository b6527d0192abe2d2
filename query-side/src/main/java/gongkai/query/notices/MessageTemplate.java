package gongkai.query.notices;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message's subject and text with {@code {{placeholders}}} (docs/notices.md). The subject is the e-mail's; an
 * SMS carries the text alone. Plain Java.
 */
public record MessageTemplate(String subject, String body) {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 4000;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    /** The subject and text with each placeholder replaced by its value (a missing value gives an empty text). */
    public MessageTemplate render(Map<String, String> values) {
        return new MessageTemplate(fill(subject, values), fill(body, values));
    }

    /** What is wrong with this template for {@code kind}, in Chinese and English; empty when it may be used. */
    public Optional<String> problemFor(NoticeKind kind) {
        if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT) {
            return Optional.of("标题须为 1 至 " + MAX_SUBJECT + " 个字符 (subject: 1.." + MAX_SUBJECT + " characters)");
        }
        if (body == null || body.isBlank() || body.length() > MAX_BODY) {
            return Optional.of("正文须为 1 至 " + MAX_BODY + " 个字符 (body: 1.." + MAX_BODY + " characters)");
        }
        Set<String> unknown = new LinkedHashSet<>(placeholders(subject + "\n" + body));
        unknown.removeAll(kind.placeholders());
        if (!unknown.isEmpty()) {
            return Optional.of("未知的占位符 " + unknown + "，可用：" + kind.placeholders()
                               + " (unknown placeholders; these may be used)");
        }
        return Optional.empty();
    }

    static List<String> placeholders(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        List<String> names = new java.util.ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String fill(String text, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
