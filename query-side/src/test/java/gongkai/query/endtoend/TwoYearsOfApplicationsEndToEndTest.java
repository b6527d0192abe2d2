package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Outcome;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both applications on the embedded PostgreSQL: a clerk logs 60 applications with mixed lifecycles
 * over 2023 and 2024 through HTTP; the report must equal a table computed here, independently, by
 * comparing dates (not by the production code's year ranges).
 */
class TwoYearsOfApplicationsEndToEndTest {

    record Case(LocalDate receivedOn, ApplicantType type, LocalDate concludedOn, Outcome outcome) {
    }

    @Test
    void theReportOfTwoYearsEqualsATableComputedIndependentlyFromWhatTheClerkRecorded() {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http clerk = commandSide.agencyWithClerk("luanping", "zhao");
            Http head = commandSide.supervisorIn("luanping", "qian");
            Random random = new Random(20231228);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                cases.add(logOne(clerk, head, random));
            }

            Http reader = querySide.as("zhao", "zhao-password");
            awaitCaughtUp(reader);
            for (int year : new int[]{2023, 2024}) {
                JsonNode report = reader.get("/api/agencies/luanping/reports/" + year).json();
                Map<String, Integer> expected = expectedTable(cases, year);
                for (String row : List.of("NEW", "CARRIED_OVER", "RESULT_TOTAL", "CARRIED_FORWARD")) {
                    for (ApplicantType type : ApplicantType.values()) {
                        assertThat(report.at("/applications/" + row + "/" + type.name()).asInt())
                                .as(year + " " + row + " " + type).isEqualTo(expected.getOrDefault(row + "/" + type, 0));
                    }
                }
                for (Outcome outcome : Outcome.values()) {
                    assertThat(report.at("/applications/" + outcome.name() + "/TOTAL").asInt()).as(year + " " + outcome)
                            .isEqualTo(expected.getOrDefault(outcome.name() + "/TOTAL", 0));
                }
                assertThat(report.get("checks").size()).isEqualTo(6);
                report.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue());
            }
            JsonNode drill = reader.get("/api/agencies/luanping/reports/2024/cells/CARRIED_OVER/TOTAL").json();
            assertThat(drill.get("count").asInt()).isEqualTo(expectedTable(cases, 2024).getOrDefault("CARRIED_OVER/TOTAL", 0));

            theErrorContractHolds(clerk, head, reader);
        }
    }

    /**
     * The errors of docs/http-api.md ("Errors"), on the same running system: problem+json, the right status, nothing
     * written, still serving.
     */
    private static void theErrorContractHolds(Http clerk, Http supervisor, Http reader) {
        long head = reader.get("/api/projections").json().get("head").asLong();
        String id = UUID.randomUUID().toString();
        String receipt = """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"%s","channel":"ONLINE",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人"},"request":"信息"}""";
        problem(clerk.post("/api/applications", "{\"applicationId\":"), 400);
        problem(clerk.post("/api/applications", receipt.formatted(id, "2024-02-30")), 400);
        problem(clerk.post("/api/applications", receipt.formatted(id, "2099-01-01")), 400);
        problem(clerk.post("/api/applications", receipt.formatted(id, "2024-02-05").replace("ONLINE", "CARRIER_PIGEON")), 400);
        problem(clerk.post("/api/applications", receipt.formatted(id, "2024-02-05").replace("\"channel\":\"ONLINE\",", "")), 400);
        problem(clerk.post("/api/applications/" + UUID.randomUUID() + "/withdrawal", "{\"withdrawnOn\":\"2024-02-06\"}"), 404);
        ok(clerk.post("/api/applications", receipt.formatted(id, "2024-02-05")), 201);
        // 第三十三条: a clerk alone cannot extend; the head of the office can, once.
        problem(clerk.post("/api/applications/" + id + "/extension", "{\"extendedOn\":\"2024-02-06\",\"workingDays\":5,\"reason\":\"复杂\"}"), 403);
        ok(supervisor.post("/api/applications/" + id + "/extension", "{\"extendedOn\":\"2024-02-06\",\"workingDays\":5,\"reason\":\"复杂\"}"), 200);
        problem(supervisor.post("/api/applications/" + id + "/extension", "{\"extendedOn\":\"2024-02-07\",\"workingDays\":5,\"reason\":\"复杂\"}"), 409);
        problem(reader.get("/api/agencies/luanping/reports/abc"), 400);
        awaitCaughtUp(reader);
        assertThat(reader.get("/api/projections").json().get("head").asLong())
                .as("only the receipt and the one extension were written").isEqualTo(head + 2);
    }

    private static void problem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    /** Logs one application through HTTP with a random lifecycle, and returns what a person would count. */
    private static Case logOne(Http clerk, Http head, Random random) {
        String id = UUID.randomUUID().toString();
        LocalDate received = LocalDate.of(2023, 1, 2).plusDays(random.nextInt(700));
        ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
        ok(clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"%s","channel":"ONLINE",
                 "applicantType":"%s","applicant":{"name":"申请人"},"request":"信息"}""".formatted(id, received, type)), 201);
        String path = "/api/applications/" + id;
        LocalDate day = received;
        boolean supplementPending = false;
        boolean feeUnpaid = false;
        if (random.nextInt(4) == 0) {
            day = day.plusDays(2);
            ok(clerk.post(path + "/supplement-request", "{\"requestedOn\":\"%s\",\"replyBy\":\"%s\"}".formatted(day, day.plusDays(15))), 200);
            supplementPending = true;
            if (random.nextBoolean()) {
                day = day.plusDays(5);
                ok(clerk.post(path + "/supplement", "{\"receivedOn\":\"%s\"}".formatted(day)), 200);
                supplementPending = false;
            }
        }
        if (!supplementPending && random.nextInt(5) == 0) {
            day = day.plusDays(1);
            ok(clerk.post(path + "/consultation", "{\"startedOn\":\"%s\",\"party\":\"第三方\"}".formatted(day)), 200);
            day = day.plusDays(10);
            ok(clerk.post(path + "/consultation/end", "{\"endedOn\":\"%s\"}".formatted(day)), 200);
        }
        if (!supplementPending && random.nextInt(5) == 0) {
            day = day.plusDays(1);
            ok(clerk.post(path + "/extension-request", "{\"requestedOn\":\"%s\",\"workingDays\":%d,\"reason\":\"复杂\"}"
                    .formatted(day, 1 + random.nextInt(20))), 200);
            ok(head.post(path + "/extension-request/approval", "{\"approvedOn\":\"%s\"}".formatted(day)), 200);
        }
        if (!supplementPending && random.nextInt(6) == 0) {
            day = day.plusDays(1);
            ok(clerk.post(path + "/fee-notice", "{\"issuedOn\":\"%s\",\"amountYuan\":\"100.00\",\"payBy\":\"%s\"}"
                    .formatted(day, day.plusDays(28))), 200);
            feeUnpaid = true;
            if (random.nextBoolean()) {
                day = day.plusDays(3);
                ok(clerk.post(path + "/fee-payment", "{\"paidOn\":\"%s\"}".formatted(day)), 200);
                feeUnpaid = false;
            }
        }
        ApplicantType counted = type;
        if (random.nextInt(8) == 0) {
            counted = ApplicantType.values()[(type.ordinal() + 1) % ApplicantType.values().length];
            ok(clerk.post(path + "/correction", "{\"field\":\"applicantType\",\"value\":\"%s\",\"reason\":\"录入错误\"}"
                    .formatted(counted)), 200);
        }
        int fate = random.nextInt(10);
        LocalDate answered = day.plusDays(3 + random.nextInt(40));
        if (fate < 2 || answered.isAfter(LocalDate.of(2024, 12, 31))) {
            return new Case(received, counted, null, null); // still open
        }
        if (fate == 2) {
            ok(clerk.post(path + "/withdrawal", "{\"withdrawnOn\":\"%s\"}".formatted(answered)), 200);
            return new Case(received, counted, answered, Outcome.OTHER_OTHER);
        }
        Outcome outcome;
        String reasons = "";
        if (supplementPending) {
            outcome = Outcome.OTHER_SUPPLEMENT_OVERDUE;
        } else if (feeUnpaid) {
            outcome = Outcome.OTHER_FEE_UNPAID;
        } else {
            do {
                outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
            } while (outcome == Outcome.OTHER_SUPPLEMENT_OVERDUE || outcome == Outcome.OTHER_FEE_UNPAID);
            if (outcome == Outcome.PARTIALLY_DISCLOSED) {
                reasons = ",\"withheldReasons\":[\"WITHHELD_PROCESS_INFORMATION\",\"UNAVAILABLE_NOT_HELD\"]";
            }
        }
        ok(clerk.post(path + "/conclusion", "{\"concludedOn\":\"%s\",\"outcome\":\"%s\"%s}".formatted(answered, outcome, reasons)), 200);
        return new Case(received, counted, answered, outcome);
    }

    /** docs/annual-report.md's counting rules 2–6 of table 三, stated with dates. */
    private static Map<String, Integer> expectedTable(List<Case> cases, int year) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        Map<String, Integer> table = new HashMap<>();
        for (Case c : cases) {
            boolean openAtStart = c.receivedOn().isBefore(firstDay) && (c.concludedOn() == null || !c.concludedOn().isBefore(firstDay));
            boolean openAtEnd = !c.receivedOn().isAfter(lastDay) && (c.concludedOn() == null || c.concludedOn().isAfter(lastDay));
            if (c.receivedOn().getYear() == year) {
                count(table, "NEW", c.type());
            }
            if (openAtStart) {
                count(table, "CARRIED_OVER", c.type());
            }
            if (c.concludedOn() != null && c.concludedOn().getYear() == year) {
                count(table, c.outcome().name(), c.type());
                count(table, "RESULT_TOTAL", c.type());
            }
            if (openAtEnd) {
                count(table, "CARRIED_FORWARD", c.type());
            }
        }
        return table;
    }

    private static void count(Map<String, Integer> table, String row, ApplicantType type) {
        table.merge(row + "/" + type, 1, Integer::sum);
        table.merge(row + "/TOTAL", 1, Integer::sum);
    }

    private static void awaitCaughtUp(Http reader) {
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(30));
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
