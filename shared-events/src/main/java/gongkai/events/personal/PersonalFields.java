package gongkai.events.personal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.Personal;
import gongkai.events.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of an event type that hold personal data: the components marked {@link Personal} and
 * those whose type is {@link PersonalData} (so that a new event carrying an {@code Applicant} is
 * covered without anyone remembering to mark it).
 */
public final class PersonalFields {

    /** What a reader sees where personal data was before it was erased (第四十七条). */
    public static final String ERASED = "已删除";

    private static final ClassValue<List<RecordComponent>> FIELDS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return List.of();
            }
            return Arrays.stream(type.getRecordComponents())
                         .filter(c -> c.isAnnotationPresent(Personal.class) || PersonalData.class.isAssignableFrom(c.getType()))
                         .toList();
        }
    };

    private PersonalFields() {
    }

    public static List<RecordComponent> of(Class<?> type) {
        return type == null ? List.of() : FIELDS.get(type);
    }

    /** What an erased field of {@code type} reads as: 已删除 in every text of it, so that a page shows where the data was. */
    public static JsonNode erasedValue(Class<?> type) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (type == String.class) {
            return nodes.textNode(ERASED);
        }
        if (type.isRecord()) {
            ObjectNode object = nodes.objectNode();
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getType() == String.class) {
                    object.put(component.getName(), ERASED);
                }
            }
            return object;
        }
        return nodes.nullNode();
    }
}
