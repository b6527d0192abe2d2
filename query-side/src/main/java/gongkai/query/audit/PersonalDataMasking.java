package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.PersonalData;
import gongkai.events.personal.PersonalFields;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.serialization.UnknownSerializedType;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An event's content as JSON for people to read, with its personal fields ({@link PersonalFields}: the
 * applicant, the request, notes, reasons, a consulted party) as the reader may see them
 * (docs/personal-data.md): withheld from everyone but the clerks of the case's agency; for them the ID
 * number and the phone masked ({@code 110***********1234}) unless they asked to see them in full, which is
 * logged. Events of a type this side does not know (stored by a newer release) are shown from their stored
 * JSON, with the fields known to hold personal data withheld.
 */
public final class PersonalDataMasking {

    /** How much of the personal data a reader sees. */
    public enum Visibility {
        WITHHELD, MASKED, FULL
    }

    public static final String WITHHELD = "［个人信息不予显示 (personal data withheld)］";
    /** Fields that hold personal data in events whose class is unknown here. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("applicant", "applicantName", "idNumber", "phone",
                                                              "email", "address", "request", "note", "reason",
                                                              "consultedParty", "fileName");
    /** The parts of a {@link PersonalData} value masked even for the clerks. */
    private static final Set<String> MASKED_PARTS = Set.of("idNumber", "phone");

    private static final ObjectMapper JSON = StoredEventFormat.objectMapper();

    private PersonalDataMasking() {
    }

    public static JsonNode content(Object payload, boolean showPersonalData) {
        return content(payload, showPersonalData ? Visibility.MASKED : Visibility.WITHHELD);
    }

    public static JsonNode content(Object payload, Visibility visibility) {
        if (payload instanceof UnknownSerializedType unknown) {
            return stored(unknown.readData(JsonNode.class), visibility != Visibility.WITHHELD);
        }
        JsonNode tree = JSON.valueToTree(payload);
        if (payload == null || !(tree instanceof ObjectNode object) || visibility == Visibility.FULL) {
            return tree;
        }
        for (RecordComponent field : PersonalFields.of(payload.getClass())) {
            JsonNode value = object.get(field.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (visibility == Visibility.WITHHELD) {
                object.put(field.getName(), WITHHELD);
            } else if (value instanceof ObjectNode parts) {
                MASKED_PARTS.stream().filter(part -> parts.path(part).isTextual())
                            .forEach(part -> parts.put(part, masked(parts.get(part).textValue())));
            }
        }
        return object;
    }

    /**
     * The event as a reader who may not see personal data reads it: each personal text field withheld,
     * any other personal value removed. What is described in words from it ({@link EventDescriptions})
     * then holds none. The copy is made by the record's own constructor, as reading the event does.
     */
    public static Object withheld(Object payload) {
        if (payload == null || PersonalFields.of(payload.getClass()).isEmpty()) {
            return payload;
        }
        Shape shape = SHAPES.get(payload.getClass());
        Object[] values = new Object[shape.components().length];
        try {
            for (int i = 0; i < values.length; i++) {
                Object value = shape.components()[i].getAccessor().invoke(payload);
                if (value != null && shape.personal()[i]) {
                    value = shape.components()[i].getType() == String.class ? WITHHELD : null;
                }
                values[i] = value;
            }
            return shape.canonical().newInstance(values);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("an event of type " + payload.getClass().getSimpleName()
                                            + " could not be made with its personal data withheld");
        }
    }

    /** A record type as {@link #withheld} copies it: its components, which of them are personal, its canonical constructor. */
    private record Shape(RecordComponent[] components, boolean[] personal, Constructor<?> canonical) {
    }

    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Set<String> personal = PersonalFields.of(type).stream().map(RecordComponent::getName).collect(Collectors.toSet());
            boolean[] isPersonal = new boolean[components.length];
            for (int i = 0; i < components.length; i++) {
                isPersonal[i] = personal.contains(components[i].getName());
            }
            try {
                return new Shape(components, isPersonal, type.getDeclaredConstructor(
                        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new)));
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type.getName(), e);
            }
        }
    };

    /**
     * An ID number or phone as the clerks see it by default: the first three and the last four characters,
     * the rest as {@code *} ({@code 110***********1234}); a short one entirely as {@code *}; erased stays 已删除.
     */
    public static String masked(String value) {
        if (value == null || value.equals(PersonalFields.ERASED)) {
            return value;
        }
        int length = value.codePointCount(0, value.length());
        if (length <= 7) {
            return "*".repeat(length);
        }
        int keepEnd = value.offsetByCodePoints(0, length - 4);
        int keepStart = value.offsetByCodePoints(0, 3);
        return value.substring(0, keepStart) + "*".repeat(length - 7) + value.substring(keepEnd);
    }

    /** An event's payload as stored (JSON), with the fields known to hold personal data withheld unless shown. */
    public static JsonNode stored(JsonNode stored, boolean showPersonalData) {
        if (!showPersonalData && stored instanceof ObjectNode object) {
            ObjectNode copy = object.deepCopy();
            PERSONAL_FIELDS.stream().filter(copy::has).forEach(field -> copy.put(field, WITHHELD));
            return copy;
        }
        return stored;
    }
}
