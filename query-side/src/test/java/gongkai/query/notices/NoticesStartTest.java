package gongkai.query.notices;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the notices processor starts on a stream it has never read (docs/notices.md). */
class NoticesStartTest {

    @Test
    void itStartsJustAfterTheLastEventTooOldToOweANotice() {
        assertThat(NoticesStart.startPosition(400_000, 990_000)).isEqualTo(400_000);
    }

    @Test
    void itStartsNoLaterThanTheGapWindowBeforeTheHead() {
        assertThat(NoticesStart.startPosition(999_990, 990_000)).isEqualTo(990_000);
    }
}
