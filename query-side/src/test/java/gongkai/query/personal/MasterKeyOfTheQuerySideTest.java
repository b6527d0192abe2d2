package gongkai.query.personal;

import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The query side decrypts with the command side's master key (docs/personal-data.md): started with another,
 * it stops at once with a message that says so, never reading garbage and never naming either key.
 */
class MasterKeyOfTheQuerySideTest {

    private static final String OTHER_KEY = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

    @Test
    void aQuerySideWithAnotherMasterKeyThanTheCommandSideFailsToStartAndSaysWhy() {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase()) {
            assertThatThrownBy(() -> RunningQuerySide.on(commandSide.databaseUrl(),
                                                         "--gongkai.personal-data.master-key=" + OTHER_KEY))
                    .rootCause().hasMessageContaining("start the query side with the master key the command side uses")
                    .hasMessageNotContaining(OTHER_KEY).hasMessageNotContaining(RunningCommandSide.MASTER_KEY);

            try (RunningQuerySide same = RunningQuerySide.on(commandSide.databaseUrl())) {
                assertThat(same.context().isRunning()).isTrue();
            }
        }
    }
}
