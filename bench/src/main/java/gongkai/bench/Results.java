package gongkai.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one run: printed as one table, and written as JSON so that runs can be compared. */
final class Results {

    record Figure(String name, double value, String unit, String target, Boolean met) {
    }

    private final List<Figure> figures = new ArrayList<>();

    void add(String name, double value, String unit) {
        figures.add(new Figure(name, value, unit, "", null));
        System.out.printf(Locale.ROOT, "  %-58s %14.2f %s%n", name, value, unit);
    }

    void target(String name, double value, String unit, String target, boolean met) {
        figures.add(new Figure(name, value, unit, target, met));
        System.out.printf(Locale.ROOT, "  %-58s %14.2f %s   target %s: %s%n", name, value, unit, target, met ? "MET" : "NOT MET");
    }

    void print() {
        System.out.println();
        System.out.println("=== gongkai benchmark ===");
        System.out.printf(Locale.ROOT, "%-60s %14s %-8s %-16s %s%n", "figure", "value", "unit", "target", "");
        for (Figure f : figures) {
            System.out.printf(Locale.ROOT, "%-60s %14.2f %-8s %-16s %s%n", f.name(), f.value(), f.unit(), f.target(),
                              f.met() == null ? "" : f.met() ? "met" : "NOT met");
        }
    }

    void writeJson(Path file, String header) throws IOException {
        StringBuilder json = new StringBuilder("{").append(header).append(",\"figures\":[");
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"name\":\"%s\",\"value\":%.3f,\"unit\":\"%s\",\"target\":\"%s\",\"met\":%s}",
                    f.name(), f.value(), f.unit(), f.target(), f.met()));
        }
        json.append("]}\n");
        Files.createDirectories(file.getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
