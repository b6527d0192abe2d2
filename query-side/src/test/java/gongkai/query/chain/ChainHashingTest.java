package gongkai.query.chain;

import gongkai.events.personal.RewrittenPayload;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration of personal data records its rewrites' digests with {@code RewrittenPayload.columnDigest}, and the
 * verification checks them with {@link ChainHashing#digest}: written twice so that the command-line verification
 * runs on the query side's classes alone, they must stay one function (docs/personal-data.md).
 */
class ChainHashingTest {

    @Test
    void theMigrationsDigestOfAStoredColumnIsTheChainsForNullEmptyAndAnyBytes() {
        assertThat(RewrittenPayload.columnDigest(null)).isEqualTo(ChainHashing.digest(null));
        assertThat(RewrittenPayload.columnDigest(new byte[0])).isEqualTo(ChainHashing.digest(new byte[0]));
        assertThat(ChainHashing.digest(null)).isNotEqualTo(ChainHashing.digest(new byte[0]));
        byte[] payload = "{\"request\":\"gk1:…\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(RewrittenPayload.columnDigest(payload)).isEqualTo(ChainHashing.digest(payload));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int i = 0; i < 100; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            assertThat(RewrittenPayload.columnDigest(bytes)).as("seed " + seed).isEqualTo(ChainHashing.digest(bytes));
        }
    }
}
