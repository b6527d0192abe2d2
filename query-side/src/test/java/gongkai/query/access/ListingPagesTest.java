package gongkai.query.access;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every paged listing numbers its pages from 0 and holds 1 to its most items a page; else a problem names the field. */
class ListingPagesTest {

    private static final List<String> LISTINGS = List.of("/api/applications?agencyId=xiaoying&", "/api/audit/events?",
                                                         "/api/audit/verifications?", "/api/audit/personal-data-access?agencyId=xiaoying&",
                                                         "/api/notices/messages?agencyId=xiaoying&");

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void aNegativePageOrASizeOutsideItsBoundsIsRefusedNamingTheField() {
        commandSide.agencyWithClerk("xiaoying", "li");
        Http admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        for (String listing : LISTINGS) {
            assertThat(admin.get(listing + "page=0&size=1").status()).as(listing).isEqualTo(200);
            refused(admin.get(listing + "page=-1"), "page", listing);
            refused(admin.get(listing + "size=0"), "size", listing);
            refused(admin.get(listing + "size=100000"), "size", listing);
        }
    }

    private static void refused(Http.Response response, String field, String listing) {
        assertThat(response.status()).as(listing + " " + response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).as(listing).contains(field);
    }
}
