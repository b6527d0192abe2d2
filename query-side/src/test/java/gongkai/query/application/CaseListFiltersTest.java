package gongkai.query.application;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist's filters and search over real HTTP: open cases by due date, receipt-date range, channel,
 * applicant type, and words of the request or the applicant's name within the reader's own agency only;
 * the dashboard's counts.
 */
class CaseListFiltersTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    private static Http li;
    private static String roads;
    private static String budget;
    private static String answered;

    @BeforeAll
    static void applicationsOfTwoAgencies() {
        Http liCommands = system.commandSide().agencyWithClerk("xiaoying", "li");
        Http wangCommands = system.commandSide().agencyWithClerk("luanping", "wang");
        roads = receive(liCommands, "xiaoying", "2024-03-04", "MAIL", "NATURAL_PERSON", "王小明", "道路维修预算");
        budget = receive(liCommands, "xiaoying", "2024-03-11", "ONLINE", "COMMERCIAL_ENTERPRISE", "某某科技有限公司", "企业补贴名单");
        answered = receive(liCommands, "xiaoying", "2024-02-01", "IN_PERSON", "NATURAL_PERSON", "张三", "道路照明");
        expect(liCommands.post("/api/applications/" + answered + "/conclusion",
                               "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}"), 200);
        receive(wangCommands, "luanping", "2024-03-05", "MAIL", "NATURAL_PERSON", "王小明", "道路维修预算");
        li = system.querySide().as("li", "li-password");
        RunningQuerySide.awaitProjections(li);
    }

    @Test
    void theWorklistHoldsTheOpenCasesSoonestDueFirst() {
        assertThat(ids("open=true")).containsExactly(roads, budget);
    }

    @Test
    void theReceiptDateRangeChannelAndApplicantTypeNarrowIt() {
        assertThat(ids("receivedFrom=2024-03-01&receivedTo=2024-03-10")).containsExactly(roads);
        assertThat(ids("channel=ONLINE")).containsExactly(budget);
        assertThat(ids("applicantType=NATURAL_PERSON")).containsExactly(answered, roads);
    }

    @Test
    void theSearchFindsWordsOfTheRequestOrTheApplicantsNameInTheReadersOwnAgencyOnly() {
        assertThat(ids("q=王小明")).containsExactly(roads);
        assertThat(ids("q=道路")).containsExactly(answered, roads);
        assertThat(ids("q=科技")).containsExactly(budget);
        assertThat(ids("q=李四")).isEmpty();
        assertThat(ids("q=%25")).as("a percent sign is a character, not a wildcard").isEmpty();
    }

    @Test
    void aSearchOfMoreThan200CharactersIsABadRequestThatDoesNotRepeatIt() {
        Http.Response refused = li.get("/api/applications?q=" + "长".repeat(201));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("长长长");
    }

    @Test
    void theCountsAreOfTheAgencysOpenCases() {
        JsonNode counts = li.get("/api/applications/counts").json();
        assertThat(counts.get("open").asInt()).isEqualTo(2);
        assertThat(counts.get("inProgress").asInt()).isEqualTo(2);
        assertThat(counts.get("awaitingSupplement").asInt()).isZero();
        assertThat(counts.get("overdue").asInt() + counts.get("dueSoon").asInt()).isLessThanOrEqualTo(2);
    }

    private static List<String> ids(String query) {
        Http.Response response = li.get("/api/applications?" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("applicationId").asText()));
        return ids;
    }

    private static String receive(Http clerk, String agency, String receivedOn, String channel, String applicantType,
                                  String name, String request) {
        Http.Response received = clerk.post("/api/applications", "{\"agencyId\":\"" + agency + "\",\"receivedOn\":\""
                + receivedOn + "\",\"channel\":\"" + channel + "\",\"applicantType\":\"" + applicantType
                + "\",\"applicant\":{\"name\":\"" + name + "\"},\"request\":\"" + request + "\"}");
        expect(received, 201);
        return received.json().get("applicationId").asText();
    }

    private static void expect(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
