package gongkai.query.application;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class QuerySideSmokeTest {

    @Test
    void anApplicationReceivedOnTheCommandSideShowsOnTheQuerySide() {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
            String id = UUID.randomUUID().toString();
            Http.Response created = clerk.post("/api/applications", """
                    {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2023-12-28","channel":"MAIL",
                     "applicantType":"NATURAL_PERSON","applicant":{"name":"张三"},"request":"预算"}""".formatted(id));
            assertThat(created.status()).isEqualTo(201);
            Http reader = querySide.as("li", "li-password");
            Http.Response one = RunningQuerySide.await("the application readable", () -> reader.get("/api/applications/" + id),
                                                       r -> r.status() == 200, Duration.ofSeconds(10));
            assertThat(one.status()).as(one.body()).isEqualTo(200);
            Http.Response report = reader.get("/api/agencies/xiaoying/reports/2023");
            assertThat(report.status()).as(report.body()).isEqualTo(200);
            assertThat(report.json().at("/applications/NEW/NATURAL_PERSON").asInt()).isEqualTo(1);
            assertThat(report.json().at("/applications/CARRIED_FORWARD/TOTAL").asInt()).isEqualTo(1);
            System.out.println(report.body());
            System.out.println(reader.get("/api/projections").body());
        }
    }
}
