package gongkai.events.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.CaseEvent;
import gongkai.events.personal.DataKeys;
import gongkai.events.personal.PersonalDataCipher;
import gongkai.events.personal.PersonalFields;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stored JSON of events with their personal fields ({@link PersonalFields}) encrypted under the
 * data key of their case, at the one boundary every event crosses: whatever writes an event (an
 * aggregate, a migration, a benchmark) stores it encrypted, whatever reads one (an aggregate, a
 * processor, a history) gets it decrypted, or {@link PersonalFields#ERASED} where the key is gone.
 * Only the personal fields change, so the report's facts, the upcasters and the hash chain (which
 * hashes the stored bytes) work on the stored form as before (docs/personal-data.md).
 */
public final class PersonalDataSerializer implements Serializer {

    private final JacksonSerializer json;
    private final ObjectMapper mapper;
    private final DataKeys keys;
    private final boolean encrypt;
    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    PersonalDataSerializer(JacksonSerializer json, DataKeys keys, boolean encrypt) {
        this.json = json;
        this.mapper = json.getObjectMapper();
        this.keys = keys;
        this.encrypt = encrypt;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!encrypt || !(object instanceof CaseEvent event) || PersonalFields.of(object.getClass()).isEmpty()) {
            return json.serialize(object, expectedRepresentation);
        }
        ObjectNode tree = mapper.valueToTree(object);
        SecretKey key = null;
        for (RecordComponent field : PersonalFields.of(object.getClass())) {
            JsonNode value = tree.get(field.getName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (key == null) {
                key = keys.forWriting(event.caseId());
            }
            // After erasure nothing personal of the case is stored again: the field is written erased.
            tree.set(field.getName(), key == null ? PersonalFields.erasedValue(field.getType())
                                                  : mapper.getNodeFactory().textNode(
                                                          PersonalDataCipher.encrypt(key, event.caseId(), bytes(value))));
        }
        SerializedObject<JsonNode> serialized = new SimpleSerializedObject<>(tree, JsonNode.class,
                                                                             json.typeForClass(object.getClass()));
        return json.getConverter().convert(serialized, expectedRepresentation);
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = classForType(serializedObject.getType());
        if (PersonalFields.of(type).isEmpty()) {
            return json.deserialize(serializedObject);
        }
        JsonNode tree = json.getConverter().convert(serializedObject, JsonNode.class).getData();
        if (!(tree instanceof ObjectNode object)) {
            return json.deserialize(serializedObject);
        }
        ObjectNode plain = null;
        for (RecordComponent field : PersonalFields.of(type)) {
            JsonNode value = object.get(field.getName());
            if (value == null || !value.isTextual() || !PersonalDataCipher.isEncrypted(value.textValue())) {
                continue; // stored before encryption (docs/personal-data.md: migration), or null
            }
            if (plain == null) {
                plain = object.deepCopy();
            }
            String caseId = PersonalDataCipher.caseOf(value.textValue());
            SecretKey key = keys.forReading(caseId);
            plain.set(field.getName(), key == null ? PersonalFields.erasedValue(field.getType())
                                                   : parse(PersonalDataCipher.decrypt(key, value.textValue())));
        }
        if (plain == null) {
            return json.deserialize(serializedObject);
        }
        return json.deserialize(new SimpleSerializedObject<>(plain, JsonNode.class, serializedObject.getType()));
    }

    private byte[] bytes(JsonNode value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a personal field could not be written as JSON", e);
        }
    }

    private JsonNode parse(byte[] plain) {
        try {
            return mapper.readTree(plain);
        } catch (IOException e) {
            throw new UncheckedIOException("a decrypted personal field is not JSON", e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return json.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        // asked for every event read (its payload's type, before and while deserializing it): the class loader's
        // lookup, done once per name
        return classes.computeIfAbsent(type.getName(), name -> json.classForType(type));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return json.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return json.getConverter();
    }
}
