package gongkai.web.forms;

import java.util.List;

/**
 * One labelled field of a form, named as the API's JSON names it ({@code applicant.name} for a nested
 * one), so that the API's {@code errors} land beside the right field.
 */
public record Field(String name, String label, Kind kind, String hint, List<Option> options, boolean required) {

    public enum Kind { TEXT, TEXTAREA, DATE, NUMBER, SELECT, CHECKBOXES, GROUPED_SELECT }

    /** A choice of a select or a checkbox; {@code group} gathers choices under a heading. */
    public record Option(String value, String label, String group) {
    }

    public static Field text(String name, String label) {
        return new Field(name, label, Kind.TEXT, null, List.of(), true);
    }

    public static Field textarea(String name, String label) {
        return new Field(name, label, Kind.TEXTAREA, null, List.of(), true);
    }

    /** Typed as 2024-03-08: the API says, beside the field, when a date is impossible. */
    public static Field date(String name, String label) {
        return new Field(name, label, Kind.DATE, null, List.of(), true);
    }

    public static Field number(String name, String label) {
        return new Field(name, label, Kind.NUMBER, null, List.of(), true);
    }

    public static Field select(String name, String label, List<Option> options) {
        return new Field(name, label, Kind.SELECT, null, options, true);
    }

    public static Field groupedSelect(String name, String label, List<Option> options) {
        return new Field(name, label, Kind.GROUPED_SELECT, null, options, true);
    }

    public static Field checkboxes(String name, String label, List<Option> options) {
        return new Field(name, label, Kind.CHECKBOXES, null, options, false);
    }

    public Field optional() {
        return new Field(name, label, kind, hint, options, false);
    }

    public Field hint(String text) {
        return new Field(name, label, kind, text, options, required);
    }

    /** The groups of a grouped select, in order, each with its options. */
    public List<List<Option>> groups() {
        java.util.LinkedHashMap<String, List<Option>> grouped = new java.util.LinkedHashMap<>();
        options.forEach(o -> grouped.computeIfAbsent(o.group(), g -> new java.util.ArrayList<>()).add(o));
        return List.copyOf(grouped.values());
    }
}
