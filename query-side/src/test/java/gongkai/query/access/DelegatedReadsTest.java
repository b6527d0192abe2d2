package gongkai.query.access;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.http.access.OnBehalfOf;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages read the query side on a user's behalf with the same header as on the command side: the
 * reads are that user's (their agency, their roles); the pages account alone reads nothing. Real HTTP.
 */
class DelegatedReadsTest {

    private static final String PAGES_PASSWORD = "pages-secret-12";

    @RegisterExtension
    static final RunningSystem system = new RunningSystem("--gongkai.pages.password=" + PAGES_PASSWORD);

    private static RunningQuerySide querySide;
    private static Http pages;

    @BeforeAll
    static void clerksOfTwoAgencies() {
        system.commandSide().agencyWithClerk("xiaoying", "li");
        system.commandSide().agencyWithClerk("luanping", "wang");
        querySide = system.querySide();
        pages = querySide.as("pages", PAGES_PASSWORD);
    }

    @Test
    void onBehalfOfAClerkThePagesReadThatClerksAgencyOnly() {
        Http pagesForLi = pages.withHeader(OnBehalfOf.HEADER, "li");
        assertThat(pagesForLi.get("/api/agencies/xiaoying/reports/2024").status()).isEqualTo(200);
        assertThat(pagesForLi.get("/api/agencies/luanping/reports/2024").status()).isEqualTo(403);
        Http.Response me = pagesForLi.get("/api/me");
        assertThat(me.json().get("username").asText()).isEqualTo("li");
        assertThat(me.json().get("agencyId").asText()).isEqualTo("xiaoying");
    }

    @Test
    void thePagesAccountAloneReadsNothingButItself() {
        assertThat(pages.get("/api/agencies/xiaoying/reports/2024").status()).isEqualTo(403);
        assertThat(pages.get("/api/projections").status()).isEqualTo(403);
        assertThat(pages.get("/api/calendars").status()).isEqualTo(403);
        assertThat(pages.get("/api/me").json().get("username").asText()).isEqualTo("pages");
    }

    @Test
    void theHeaderFromAClerkIsRefused() {
        Http.Response refused = querySide.as("li", "li-password").withHeader(OnBehalfOf.HEADER, "wang")
                                         .get("/api/agencies/luanping/reports/2024");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theMeEndpointAnswersEveryUserWithTheirOwnCredentials() {
        assertThat(querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD).get("/api/me").json().get("roles").toString())
                .isEqualTo("[\"ADMIN\"]");
        assertThat(querySide.as("wang", "wrong").get("/api/me").status()).isEqualTo(401);
    }
}
