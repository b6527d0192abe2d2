package gongkai.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.PersonalData;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.serialization.UnknownSerializedType;

import java.io.IOException;
import java.util.Set;

/**
 * An event's content as JSON for people to read, with every {@link PersonalData} value withheld
 * unless the reader needs it. Events of a type this side does not know (stored by a newer release)
 * are shown from their stored JSON, with the fields known to hold personal data withheld.
 */
public final class PersonalDataMasking {

    public static final String WITHHELD = "［个人信息不予显示 (personal data withheld)］";
    /** Fields that hold personal data in events whose class is unknown here. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("applicant", "applicantName", "idNumber", "phone",
                                                              "email", "address", "fileName");

    private static final ObjectMapper SHOWN = StoredEventFormat.objectMapper();
    private static final ObjectMapper WITHHOLDING = StoredEventFormat.objectMapper()
            .registerModule(new SimpleModule("withhold-personal-data").addSerializer(PersonalData.class, new JsonSerializer<>() {
                @Override
                public void serialize(PersonalData value, JsonGenerator json, SerializerProvider provider) throws IOException {
                    json.writeString(WITHHELD);
                }
            }));

    private PersonalDataMasking() {
    }

    public static JsonNode content(Object payload, boolean showPersonalData) {
        if (payload instanceof UnknownSerializedType unknown) {
            return stored(unknown.readData(JsonNode.class), showPersonalData);
        }
        return (showPersonalData ? SHOWN : WITHHOLDING).valueToTree(payload);
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
