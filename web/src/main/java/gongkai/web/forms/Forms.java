package gongkai.web.forms;

import org.springframework.util.MultiValueMap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A posted form as the API's JSON body: each field under its name (a dotted name nested), blank fields
 * left out, checkboxes as a list. Values go as typed; the API decides whether they are valid, so that
 * the rules and their messages have one home.
 */
public final class Forms {

    private Forms() {
    }

    public static Map<String, Object> body(MultiValueMap<String, String> posted, List<Field> fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : fields) {
            Object value;
            if (field.kind() == Field.Kind.CHECKBOXES) {
                List<String> checked = posted.getOrDefault(field.name(), List.of());
                value = checked.isEmpty() ? null : new ArrayList<>(checked);
            } else {
                String typed = posted.getFirst(field.name());
                value = typed == null || typed.isBlank() ? null : typed.strip();
            }
            if (value != null) {
                put(body, field.name(), value);
            }
        }
        return body;
    }

    /** The values as posted, to show the form again as it was sent (single values by name, lists for checkboxes). */
    public static Map<String, Object> values(MultiValueMap<String, String> posted) {
        Map<String, Object> values = new LinkedHashMap<>();
        posted.forEach((name, list) -> values.put(name, list.size() == 1 ? list.get(0) : list));
        return values;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> body, String name, Object value) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            body.put(name, value);
            return;
        }
        Map<String, Object> nested = (Map<String, Object>) body.computeIfAbsent(name.substring(0, dot),
                                                                               key -> new LinkedHashMap<String, Object>());
        put(nested, name.substring(dot + 1), value);
    }
}
