package gongkai.events.personal;

import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Channel;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ExtensionRefused;
import gongkai.events.application.ExtensionRequested;
import gongkai.events.application.FeePaid;
import gongkai.events.application.SubmissionReturned;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored form of personal fields: encrypted per case, read back decrypted, 已删除 once the key is gone. */
class PersonalDataEncryptionTest {

    private static final String SENTINEL_NAME = "哨兵姓名七七七";
    private static final String SENTINEL_ID = "110101199001017777";
    private static final String SENTINEL_REQUEST = "哨兵申请内容七七七";

    private final MasterKey master = MasterKey.of(java.util.Base64.getEncoder().encodeToString(
            PersonalDataCipher.newKey().getEncoded()), "the test");
    private final MemoryKeyStore store = new MemoryKeyStore();
    private final DataKeyRing ring = new DataKeyRing(() -> master, store, Duration.ZERO);
    private final Serializer serializer = StoredEventFormat.serializer(ring);

    private static ApplicationReceived received(String id) {
        return new ApplicationReceived(id, "luanping", LocalDate.of(2024, 1, 5), Channel.MAIL, ApplicantType.NATURAL_PERSON,
                                       new Applicant(SENTINEL_NAME, SENTINEL_ID, "13800007777", null, null), SENTINEL_REQUEST);
    }

    @Test
    void theApplicantAndTheRequestAreStoredEncryptedAndReadBackAsTheyWere() {
        ApplicationReceived event = received("case-1");
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        String text = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(text).doesNotContain(SENTINEL_NAME).doesNotContain(SENTINEL_ID).doesNotContain(SENTINEL_REQUEST)
                        .doesNotContain("13800007777").contains("\"receivedOn\":\"2024-01-05\"").contains("pd1:");
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);
    }

    @Test
    void theFreeTextReasonsOfATransferAnExtensionAndAReturnAreStoredEncryptedAndAReasonStoredInClearStillReads() {
        String reason = "哨兵理由：申请人王七七的亲属";
        LocalDate day = LocalDate.of(2024, 3, 5);
        List<Object> events = List.of(new ApplicationTransferred("case-1", "luanping", "xiaoying", day, reason),
                                      new ExtensionRequested("case-1", day, 10, reason),
                                      new ExtensionRefused("case-1", day, reason),
                                      new SubmissionReturned("case-1", day, reason));
        for (Object event : events) {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).as(event.getClass().getSimpleName())
                    .doesNotContain("王七七").contains("pd1:");
            assertThat((Object) serializer.deserialize(stored)).isEqualTo(event);

            SerializedObject<byte[]> inClear = StoredEventFormat.serializer().serialize(event, byte[].class);
            assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(inClear.getData(), byte[].class, inClear.getType())))
                    .as("stored in clear at revision 1").isEqualTo(event);
        }
    }

    @Test
    void twoCasesHaveTwoKeysAndAnEventWithoutPersonalFieldsIsStoredAsBefore() {
        serializer.serialize(received("case-1"), byte[].class);
        serializer.serialize(received("case-2"), byte[].class);
        SerializedObject<byte[]> paid = serializer.serialize(new FeePaid("case-3", LocalDate.of(2024, 2, 1)), byte[].class);

        assertThat(store.rows).containsOnlyKeys("case-1", "case-2");
        assertThat(new String(paid.getData(), StandardCharsets.UTF_8))
                .isEqualTo(new String(StoredEventFormat.serializer().serialize(new FeePaid("case-3", LocalDate.of(2024, 2, 1)),
                                                                                 byte[].class).getData(), StandardCharsets.UTF_8));
    }

    @Test
    void onceTheKeyIsDestroyedEveryPersonalFieldReadsErasedAndEverythingElseStays() {
        SerializedObject<byte[]> stored = serializer.serialize(received("case-1"), byte[].class);
        store.rows.put("case-1", DataKeyRing.Wrapped.ERASED);
        ring.forget("case-1");

        ApplicationReceived read = serializer.deserialize(stored);

        assertThat(read.applicant().name()).isEqualTo(PersonalFields.ERASED);
        assertThat(read.applicant().idNumber()).isEqualTo(PersonalFields.ERASED);
        assertThat(read.request()).isEqualTo(PersonalFields.ERASED);
        assertThat(read.receivedOn()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(read.channel()).isEqualTo(Channel.MAIL);
    }

    @Test
    void aValueCopiedIntoAnotherCaseOrAlteredDoesNotDecrypt() {
        SecretKey key = ring.forWriting("case-1");
        String stored = PersonalDataCipher.encrypt(key, "case-1", "\"x\"".getBytes(StandardCharsets.UTF_8));
        String moved = "pd1:" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("case-2".getBytes())
                       + stored.substring(stored.lastIndexOf(':'));
        byte[] sealed = java.util.Base64.getDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
        sealed[sealed.length - 1] ^= 1; // one bit of the tag
        String altered = stored.substring(0, stored.lastIndexOf(':') + 1) + java.util.Base64.getEncoder().encodeToString(sealed);

        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, moved)).hasMessageContaining("does not decrypt");
        assertThatThrownBy(() -> PersonalDataCipher.decrypt(key, altered)).hasMessageContaining("does not decrypt")
                                                                             .hasMessageNotContaining("x");
    }

    @Test
    void anEventStoredInPlainTextBeforeEncryptionStillReads() {
        SerializedObject<byte[]> plain = StoredEventFormat.serializer().serialize(received("case-9"), byte[].class);

        assertThat((Object) serializer.deserialize(new SimpleSerializedObject<>(plain.getData(), byte[].class, plain.getType())))
                .isEqualTo(received("case-9"));
    }

    @Test
    void aDataKeyWrappedWithOneMasterKeyDoesNotOpenWithAnother() {
        byte[] wrapped = master.wrap(PersonalDataCipher.newKey(), "case-1");
        MasterKey other = MasterKey.of(java.util.Base64.getEncoder().encodeToString(PersonalDataCipher.newKey().getEncoded()),
                                       "another");

        assertThat(master.opens(master.check())).isTrue();
        assertThat(other.opens(master.check())).isFalse();
        assertThatThrownBy(() -> other.unwrap(wrapped, "case-1")).isInstanceOf(MasterKey.WrongMasterKey.class);
        assertThatThrownBy(() -> master.unwrap(wrapped, "case-2")).isInstanceOf(MasterKey.WrongMasterKey.class);
    }

    @Test
    void aMasterKeyThatIsNotThirtyTwoBytesOfBase64IsRefusedWithoutShowingIt() {
        assertThatThrownBy(() -> MasterKey.of("c2hvcnQ=", "GONGKAI_PERSONAL_DATA_MASTER_KEY"))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> MasterKey.of("not base64 at all!", "GONGKAI_PERSONAL_DATA_MASTER_KEY"))
                .hasMessageContaining("not base64").hasMessageNotContaining("at all");
    }

    @Test
    void aGeneratedKeyFileReadsAsTheSameKey() throws Exception {
        Path file = Files.createTempDirectory("gongkai-key").resolve("master.key");
        MasterKey generated = MasterKey.generate(file);

        assertThat(MasterKey.read(file).sameAs(generated)).isTrue();
        assertThat(generated.toString()).contains(file.toString()).doesNotContain(Files.readString(file).strip());
    }
}
