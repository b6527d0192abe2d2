package gongkai.query.reads;

import java.util.List;

/** The SQL condition "the column is one of these values", one placeholder each (the values go as arguments). */
public final class InList {

    private InList() {
    }

    public static String of(String column, List<?> values) {
        return values.size() == 1 ? column + " = ?"
                                  : column + " in (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
    }
}
