package gongkai.command.personal;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The master key at start: a wrong one stops the start with a message that says so (never garbage
 * written or read); with the previous one given too, every data key is wrapped again with the new one
 * and every case reads as before.
 */
class MasterKeyAtStartTest {

    private static final String KEY_A = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
    private static final String KEY_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

    private static String receipt(String id) {
        return """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"2024-01-05","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"王五","idNumber":"110101199001015555"},
                 "request":"道路维修预算"}""".formatted(id);
    }

    @Test
    void aWrongMasterKeyFailsTheStartWithAClearMessageAndARotationKeepsEveryCaseReadable() {
        String database = TestDatabase.newDatabase();
        List<String> ids = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        try (RunningCommandSide first = RunningCommandSide.on(database, "--gongkai.personal-data.master-key=" + KEY_A)) {
            Http clerk = first.agencyWithClerk("luanping", "li");
            ids.forEach(id -> assertThat(clerk.post("/api/applications", receipt(id)).status()).isEqualTo(201));
        }

        assertThatThrownBy(() -> RunningCommandSide.on(database, "--gongkai.personal-data.master-key=" + KEY_B))
                .rootCause().hasMessageContaining("does not open the data keys").hasMessageContaining("previous-master-key")
                .hasMessageNotContaining(KEY_B).hasMessageNotContaining(KEY_A);

        try (RunningCommandSide rotated = RunningCommandSide.on(database, "--gongkai.personal-data.master-key=" + KEY_B,
                                                                "--gongkai.personal-data.previous-master-key=" + KEY_A)) {
            Http clerk = rotated.as("li", "li-password");
            // A repeated receipt is compared with the stored one, decrypted: equal, so answered 200 and nothing recorded.
            ids.forEach(id -> assertThat(clerk.post("/api/applications", receipt(id)).status()).isEqualTo(200));
            JdbcTemplate jdbc = rotated.context().getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from data_key where wrapped_key is not null", Integer.class))
                    .isEqualTo(2);
        }

        assertThatThrownBy(() -> RunningCommandSide.on(database, "--gongkai.personal-data.master-key=" + KEY_A))
                .as("once rotated, the old key opens nothing").rootCause().hasMessageContaining("does not open the data keys");
        try (RunningCommandSide again = RunningCommandSide.on(database, "--gongkai.personal-data.master-key=" + KEY_B)) {
            Http clerk = again.as("li", "li-password");
            ids.forEach(id -> assertThat(clerk.post("/api/applications", receipt(id)).status()).isEqualTo(200));
            assertThat(clerk.post("/api/applications", receipt(ids.get(0)).replace("王五", "王六")).status())
                    .as("and a receipt that differs is still told apart").isEqualTo(409);
        }
    }
}
