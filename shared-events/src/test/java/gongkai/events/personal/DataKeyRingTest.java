package gongkai.events.personal;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The data keys kept in memory: a few, briefly; never more than the ring's bound, however many cases it meets. */
class DataKeyRingTest {

    private final MasterKey master = MasterKey.of(Base64.getEncoder().encodeToString(PersonalDataCipher.newKey().getEncoded()),
                                                  "the test");
    private final MemoryKeyStore store = new MemoryKeyStore();

    @Test
    void aRingThatMeetsMoreCasesThanItKeepsHoldsNoMoreThanItsBoundAndStillReadsEveryCasesOwnKey() {
        DataKeyRing ring = new DataKeyRing(() -> master, store, Duration.ofHours(1));
        int cases = DataKeyRing.AT_MOST * 3;
        Map<String, SecretKey> written = new HashMap<>();
        for (int i = 0; i < cases; i++) {
            written.put("case-" + i, ring.forWriting("case-" + i));
            assertThat(ring.keptCases()).isLessThanOrEqualTo(DataKeyRing.AT_MOST);
        }
        DataKeyRing reader = new DataKeyRing(() -> master, store, Duration.ofHours(1));
        for (int i = 0; i < cases; i += 997) {
            assertThat(reader.forReading("case-" + i).getEncoded()).isEqualTo(written.get("case-" + i).getEncoded());
        }
    }

    @Test
    void aKeyReadAgainWhileKeptIsNotLookedUpAgain() {
        DataKeyRing ring = new DataKeyRing(() -> master, store, Duration.ofHours(1));
        ring.forWriting("case-1");
        int finds = store.finds;
        ring.forReading("case-1");
        ring.forWriting("case-1");
        assertThat(store.finds).isEqualTo(finds);
    }

    @Test
    void anErasedKeyLetGoWithTheOthersIsStillErasedWhenReadAgain() {
        DataKeyRing ring = new DataKeyRing(() -> master, store, Duration.ofHours(1));
        ring.forWriting("erased-case");
        store.rows.put("erased-case", DataKeyRing.Wrapped.ERASED);
        ring.forget("erased-case");
        for (int i = 0; i < DataKeyRing.AT_MOST * 2; i++) {
            ring.forWriting("case-" + i);
        }
        assertThat(ring.forReading("erased-case")).isNull();
        assertThat(ring.forWriting("erased-case")).as("an erased case gets no new key").isNull();
    }

    @Test
    void keysReadAheadInOneGoAreNotLookedUpAgainOneByOneAndAnErasedOneStaysErased() {
        DataKeyRing writer = new DataKeyRing(() -> master, store, Duration.ofHours(1));
        javax.crypto.SecretKey first = writer.forWriting("case-1");
        writer.forWriting("case-2");
        writer.forWriting("erased-case");
        store.rows.put("erased-case", DataKeyRing.Wrapped.ERASED);

        DataKeyRing reader = new DataKeyRing(() -> master, store, Duration.ofHours(1));
        reader.readAhead(java.util.List.of("case-1", "case-2", "erased-case", "case-1"));
        int finds = store.finds;
        assertThat(reader.forReading("case-1")).isEqualTo(first);
        assertThat(reader.forReading("case-2")).isNotNull();
        assertThat(reader.forReading("erased-case")).isNull();
        assertThat(store.finds).as("no key looked up again").isEqualTo(finds);
        assertThat(store.findAlls).isEqualTo(1);

        reader.readAhead(java.util.List.of("case-1", "case-2"));
        assertThat(store.findAlls).as("nothing to read ahead: all kept").isEqualTo(1);
    }
}
