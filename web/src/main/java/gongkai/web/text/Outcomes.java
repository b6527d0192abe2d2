package gongkai.web.text;

import gongkai.events.application.Outcome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The 21 official outcomes grouped as the national form groups them (table 三: 予以公开, 部分公开,
 * 不予公开, 无法提供, 不予处理, 其他处理), each with its row's label.
 */
public final class Outcomes {

    public record Choice(String code, String label) {
    }

    public record Group(String label, List<Choice> choices) {
    }

    private static final Map<String, String> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("DISCLOSED", "（一）予以公开");
        GROUPS.put("PARTIALLY_DISCLOSED", "（二）部分公开");
        GROUPS.put("WITHHELD", "（三）不予公开");
        GROUPS.put("UNAVAILABLE", "（四）无法提供");
        GROUPS.put("NOT_PROCESSED", "（五）不予处理");
        GROUPS.put("OTHER", "（六）其他处理");
    }

    private Outcomes() {
    }

    public static List<Group> groups() {
        Map<String, List<Choice>> grouped = new LinkedHashMap<>();
        GROUPS.keySet().forEach(key -> grouped.put(key, new ArrayList<>()));
        for (Outcome outcome : Outcome.values()) {
            grouped.get(groupOf(outcome)).add(new Choice(outcome.name(), shortLabel(outcome)));
        }
        return grouped.entrySet().stream().map(e -> new Group(GROUPS.get(e.getKey()), e.getValue())).toList();
    }

    /** The reasons a partly disclosed answer may give for what it withholds (不予公开 and 无法提供). */
    public static List<Choice> withheldReasons() {
        List<Choice> reasons = new ArrayList<>();
        for (Outcome outcome : Outcome.values()) {
            if (outcome.isWithheldReason()) {
                reasons.add(new Choice(outcome.name(), GROUPS.get(groupOf(outcome)).substring(3) + "：" + shortLabel(outcome)));
            }
        }
        return reasons;
    }

    static String groupOf(Outcome outcome) {
        String name = outcome.name();
        if (name.equals("DISCLOSED") || name.equals("PARTIALLY_DISCLOSED")) {
            return name;
        }
        if (name.startsWith("NOT_PROCESSED")) {
            return "NOT_PROCESSED";
        }
        return name.substring(0, name.indexOf('_'));
    }

    /** The row's own label: "（三）不予公开 · 1.属于国家秘密" → "1.属于国家秘密". */
    static String shortLabel(Outcome outcome) {
        String label = outcome.label();
        int dot = label.indexOf(" · ");
        if (dot >= 0) {
            return label.substring(dot + 3);
        }
        return label.startsWith("（") ? label.substring(label.indexOf('）') + 1) : label;
    }
}
