package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statutory clock through HTTP on both services: a clerk records on the command side, the due dates
 * are read on the query side, whose "today" is fixed at Wed 6 March 2024. Expected dates are counted
 * by {@link PersonCounting}, a person with docs/lifecycle.md's table of calendars (2024).
 */
class ReplyClockEndToEndTest extends BothSidesOnWednesday6March2024 {

    @Test
    void receivedOn5February2024ItIsDueWhenAPersonCountsAndMovesAfterASupplementAConsultationAndAnExtension() {
        Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
        Http reader = querySide.as("li", "li-password");
        String id = receive(clerk, "xiaoying", "2024-02-05");

        // Received: 20 working days after Mon 5 Feb, the day itself not counted.
        JsonNode received = application(reader, id);
        assertThat(received.get("dueOn").asText()).isEqualTo(person.nthWorkingDayAfter("2024-02-05", 20).toString())
                                                   .isEqualTo("2024-03-08");
        assertThat(received.get("dueExplanation").asText()).isEqualTo("20 个工作日自 2024-02-05 起算；答复期限至 2024-03-08");
        assertThat(received.get("supplementRequestDeadline").asText())
                .isEqualTo(person.nthWorkingDayAfter("2024-02-05", 7).toString());
        assertThat(received.get("lifecycleState").asText()).isEqualTo("IN_PROGRESS");
        assertThat(received.get("state").asText()).isEqualTo("DUE_SOON"); // Thu 7, Fri 8 Mar left
        assertThat(received.get("workingDaysLeft").asInt()).isEqualTo(2);

        // Supplement requested on Wed 7 Feb (within 7 working days: no warning): the clock stops.
        Http.Response request = clerk.post("/api/applications/" + id + "/supplement-request",
                                           "{\"requestedOn\":\"2024-02-07\",\"replyBy\":\"2024-02-21\"}");
        assertThat(request.status()).as(request.body()).isEqualTo(200);
        assertThat(request.json().get("warnings")).isEmpty();
        JsonNode awaiting = application(reader, id);
        assertThat(awaiting.get("state").asText()).isEqualTo("AWAITING_SUPPLEMENT");
        assertThat(awaiting.get("dueOn").isNull()).isTrue();
        assertThat(awaiting.get("workingDaysLeft").isNull()).isTrue();

        // Supplement received Mon 19 Feb: 20 working days from then, from zero.
        ok(clerk.post("/api/applications/" + id + "/supplement", "{\"receivedOn\":\"2024-02-19\"}"));
        JsonNode restarted = application(reader, id);
        assertThat(restarted.get("dueOn").asText()).isEqualTo(person.nthWorkingDayAfter("2024-02-19", 20).toString())
                                                    .isEqualTo("2024-03-18");
        assertThat(restarted.get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(restarted.get("workingDaysLeft").asInt())
                .isEqualTo(person.workingDaysAfterUpTo("2024-03-06", "2024-03-18").size());

        // Third party consulted from Mon 26 Feb: paused; 20–23, 26 Feb counted, 15 working days left.
        ok(clerk.post("/api/applications/" + id + "/consultation", "{\"startedOn\":\"2024-02-26\",\"party\":\"某建设公司\"}"));
        JsonNode paused = application(reader, id);
        assertThat(paused.get("state").asText()).isEqualTo("IN_CONSULTATION");
        assertThat(paused.get("dueOn").isNull()).isTrue();
        assertThat(paused.get("workingDaysLeft").asInt()).isEqualTo(20 - person.workingDaysAfterUpTo("2024-02-19", "2024-02-26").size());

        // The answer came on Mon 4 Mar: the working days after 26 Feb up to 4 Mar are not counted.
        ok(clerk.post("/api/applications/" + id + "/consultation/end", "{\"endedOn\":\"2024-03-04\"}"));
        Set<LocalDate> consulted = person.workingDaysAfterUpTo("2024-02-26", "2024-03-04");
        JsonNode resumed = application(reader, id);
        assertThat(resumed.get("dueOn").asText()).isEqualTo(person.nthWorkingDayAfter("2024-02-19", 20, consulted).toString())
                                                  .isEqualTo("2024-03-25");
        assertThat(resumed.get("pausedWorkingDays").asInt()).isEqualTo(consulted.size()).isEqualTo(5);

        // Extended by 15 working days on Tue 5 Mar, by the head of the office (第三十三条).
        Http head = commandSide.supervisorIn("xiaoying", "zhang");
        ok(head.post("/api/applications/" + id + "/extension",
                     "{\"extendedOn\":\"2024-03-05\",\"workingDays\":15,\"reason\":\"需要调取档案\"}"));
        JsonNode extended = application(reader, id);
        assertThat(extended.get("dueOn").asText()).isEqualTo(person.nthWorkingDayAfter("2024-02-19", 35, consulted).toString())
                                                   .isEqualTo("2024-04-16");
        assertThat(extended.get("dueExplanation").asText()).isEqualTo(
                "2024-02-07 要求补正，计时中止；20 个工作日自 2024-02-19（收到补正之日）重新起算；征求意见暂停 5 个工作日；"
                + "延期 15 个工作日；答复期限至 2024-04-16");

        // The history shows each move and what caused it.
        JsonNode changes = reader.get("/api/applications/" + id + "/due-history").json().get("changes");
        List<String> dueOns = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        changes.forEach(c -> {
            dueOns.add(c.get("dueOn").isNull() ? null : c.get("dueOn").asText());
            causes.add(c.get("cause").asText());
        });
        assertThat(dueOns).containsExactly("2024-03-08", null, "2024-03-18", null, "2024-03-25", "2024-04-16");
        assertThat(causes).containsExactly("收到申请 (ApplicationReceived)", "要求补正 (SupplementRequested)",
                                           "收到补正 (SupplementReceived)", "开始征求意见 (ConsultationStarted)",
                                           "征求意见结束 (ConsultationEnded)", "延长答复期限 (ReplyPeriodExtended)");
    }

    @Test
    void theWorklistSaysWhatIsGoingOnAndHowManyWorkingDaysAreLeft() {
        Http clerk = commandSide.agencyWithClerk("worklist", "wang");
        Http reader = querySide.as("wang", "wang-password");
        String overdue = receive(clerk, "worklist", "2024-01-02");              // due Tue 30 Jan
        String lateConsultation = receive(clerk, "worklist", "2024-01-02");     // due Tue 30 Jan, consulted after it
        ok(clerk.post("/api/applications/" + lateConsultation + "/consultation", "{\"startedOn\":\"2024-03-04\",\"party\":\"甲\"}"));
        String dueSoon = receive(clerk, "worklist", "2024-02-05");              // due Fri 8 Mar
        String running = receive(clerk, "worklist", "2024-03-01");              // due Fri 29 Mar
        String fee = receive(clerk, "worklist", "2024-02-20");
        ok(clerk.post("/api/applications/" + fee + "/fee-notice",
                      "{\"issuedOn\":\"2024-02-22\",\"amountYuan\":\"100.00\",\"payBy\":\"2024-03-21\"}"));
        String answered = receive(clerk, "worklist", "2024-02-05");
        ok(clerk.post("/api/applications/" + answered + "/conclusion", "{\"concludedOn\":\"2024-02-28\",\"outcome\":\"DISCLOSED\"}"));
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));

        JsonNode overdueOnes = list(reader, "state=OVERDUE");
        assertThat(ids(overdueOnes)).containsExactlyInAnyOrder(overdue, lateConsultation);
        overdueOnes.forEach(item -> {
            assertThat(item.get("state").asText()).isEqualTo("OVERDUE");
            assertThat(item.get("dueOn").asText()).isEqualTo(person.nthWorkingDayAfter("2024-01-02", 20).toString());
            assertThat(item.get("workingDaysLeft").asInt())
                    .isEqualTo(-person.workingDaysAfterUpTo("2024-01-30", "2024-03-06").size());
        });
        assertThat(item(overdueOnes, lateConsultation).get("lifecycleState").asText()).isEqualTo("IN_CONSULTATION");

        JsonNode soon = list(reader, "state=DUE_SOON");
        assertThat(ids(soon)).containsExactly(dueSoon);
        assertThat(soon.get(0).get("workingDaysLeft").asInt()).isEqualTo(2);

        // The states of the case still find every case in them, urgent or not.
        JsonNode inProgress = list(reader, "state=IN_PROGRESS");
        assertThat(ids(inProgress)).containsExactly(overdue, dueSoon, running);
        assertThat(item(inProgress, running).get("state").asText()).isEqualTo("IN_PROGRESS");
        assertThat(item(inProgress, running).get("workingDaysLeft").asInt())
                .isEqualTo(person.workingDaysAfterUpTo("2024-03-06", "2024-03-29").size());
        assertThat(ids(list(reader, "state=IN_CONSULTATION"))).containsExactly(lateConsultation);

        JsonNode awaitingFee = list(reader, "state=AWAITING_FEE");
        assertThat(ids(awaitingFee)).containsExactly(fee);
        assertThat(awaitingFee.get(0).get("dueOn").isNull()).isTrue();
        assertThat(awaitingFee.get(0).get("workingDaysLeft").asInt())
                .isEqualTo(20 - person.workingDaysAfterUpTo("2024-02-20", "2024-02-22").size());

        // Due before Sat 9 Mar: the open cases due by Fri 8 Mar, soonest first; not the answered one.
        JsonNode dueBefore = list(reader, "dueBefore=2024-03-09");
        assertThat(ids(dueBefore)).hasSize(3).endsWith(dueSoon).contains(overdue, lateConsultation);
        assertThat(ids(list(reader, "dueBefore=2024-03-08"))).containsExactlyInAnyOrder(overdue, lateConsultation);

        // Pages follow the order of receipt; the total counts every case, not the page.
        Http.Response second = reader.get("/api/applications?agencyId=worklist&page=1&size=2");
        assertThat(second.json().get("total").asInt()).isEqualTo(6);
        assertThat(ids(second.json().get("items"))).containsExactlyInAnyOrder(dueSoon, answered);
        assertThat(ids(reader.get("/api/applications?agencyId=worklist&page=2&size=2").json().get("items")))
                .containsExactlyInAnyOrder(fee, running);

        Http.Response badState = reader.get("/api/applications?agencyId=worklist&state=LATE");
        assertThat(badState.status()).isEqualTo(400);
        assertThat(badState.contentType()).startsWith("application/problem+json");
        assertThat(badState.json().at("/errors/0/field").asText()).isEqualTo("state");
        assertThat(reader.get("/api/applications?agencyId=worklist&dueBefore=2024-13-01").status()).isEqualTo(400);
    }

    // ---- test support ------------------------------------------------------------------------

    private static JsonNode list(Http reader, String query) {
        Http.Response page = reader.get("/api/applications?" + query);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items");
    }

    private static List<String> ids(JsonNode items) {
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("applicationId").asText()));
        return ids;
    }

    private static JsonNode item(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("applicationId").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }
}
