package gongkai.query.access;

import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read of the query side (collected from Spring's request mappings, so a new endpoint is swept without
 * being listed here) against the scopes of docs/agencies.md: a county with two townships; the auditor of one
 * township reads nothing of the other (403 or 404, and no answer names it or its cases), the auditor of the county
 * reads both.
 */
class SubtreeScopeSweepTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    static String application;
    static String review;
    static String lawsuit;
    static String attachment;

    /**
     * Reads no auditor makes, of any scope: a file's content and a case's archive hold personal data, so they
     * go only to the clerks of the case's agency (docs/personal-data.md).
     */
    static final java.util.Set<String> CLERKS_ONLY = java.util.Set.of("/api/applications/{id}/attachments/{attachmentId}",
                                                                      "/api/applications/{id}/archive");

    /** One GET endpoint, with its path variables filled for the sibling township. */
    record Read(String pattern, String path, boolean scoped) {
    }

    @BeforeAll
    static void aCountyWithTwoTownshipsEachWithCases() {
        Http admin = system.commandSide().admin();
        for (String[] agency : new String[][]{{"county", null, "PEOPLES_GOVERNMENT"}, {"own", "county", "TOWNSHIP"},
                                              {"sibling", "county", "TOWNSHIP"}}) {
            Http.Response created = admin.post("/api/admin/agencies", "{\"agencyId\":\"" + agency[0] + "\",\"name\":\""
                    + agency[0] + "-name\",\"kind\":\"" + agency[2] + "\",\"createdOn\":\"2020-01-01\""
                    + (agency[1] == null ? "" : ",\"parentId\":\"" + agency[1] + "\"") + "}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        user(admin, "sibling-clerk", "CLERK", "sibling");
        user(admin, "own-auditor", "AUDITOR", "own");
        user(admin, "county-auditor", "AUDITOR", "county");
        Http clerk = system.commandSide().as("sibling-clerk", "sibling-clerk-password");
        application = clerk.post("/api/applications", "{\"agencyId\":\"sibling\",\"receivedOn\":\"2024-03-01\",\"channel\":"
                + "\"MAIL\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"张三\"},\"request\":\"预算\"}")
                            .json().get("applicationId").asText();
        review = clerk.post("/api/reviews", "{\"agencyId\":\"sibling\",\"filedOn\":\"2024-04-01\",\"applicationId\":\""
                                            + application + "\"}").json().get("reviewId").asText();
        lawsuit = clerk.post("/api/lawsuits", "{\"agencyId\":\"sibling\",\"filedOn\":\"2024-05-01\",\"route\":\"DIRECT\"}")
                       .json().get("lawsuitId").asText();
        Http.Response uploaded = clerk.sendFile("POST", "/api/applications/" + application + "/attachments", "来信.pdf",
                "application/octet-stream", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        attachment = uploaded.json().get("attachmentId").asText();
        RunningQuerySide.awaitProjections(system.querySide().as("admin", gongkai.command.testing.RunningCommandSide.ADMIN_PASSWORD));
    }

    @Test
    void theAuditorOfATownshipReadsNothingOfItsSiblingAndTheAuditorOfTheCountyReadsIt() {
        List<Read> reads = reads();
        assertThat(reads.stream().filter(Read::scoped)).hasSizeGreaterThan(15);
        Http own = system.querySide().as("own-auditor", "own-auditor-password");
        Http county = system.querySide().as("county-auditor", "county-auditor-password");
        List<String> leaks = new ArrayList<>();
        List<String> refusedToTheCounty = new ArrayList<>();
        for (Read read : reads) {
            Http.Response answer = own.get(read.path());
            if (read.scoped()) {
                if (answer.status() != 403 && answer.status() != 404) {
                    leaks.add(read.path() + " -> " + answer.status());
                }
                Http.Response supervised = county.get(read.path());
                if (CLERKS_ONLY.contains(read.pattern())) {
                    if (supervised.status() != 403) {
                        leaks.add(read.path() + " -> " + supervised.status() + " to the county's auditor");
                    }
                } else if (supervised.status() != 200) {
                    refusedToTheCounty.add(read.path() + " -> " + supervised.status() + " " + supervised.body());
                }
            } else if (answer.body().contains(application) || answer.body().contains("sibling")) {
                leaks.add(read.path() + " names the sibling: " + answer.body());
            }
        }
        assertThat(leaks).as("the township's auditor read its sibling").isEmpty();
        assertThat(refusedToTheCounty).as("the county's auditor was refused").isEmpty();
    }

    /** Every GET of the query side, its variables filled for the sibling (agency, case, year, a figure). */
    static List<Read> reads() {
        RequestMappingHandlerMapping mapping = system.querySide().context()
                                                     .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Read> reads = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (!info.getMethodsCondition().getMethods().isEmpty()
                && !info.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            boolean takesAgency = Arrays.stream(entry.getValue().getMethodParameters()).anyMatch(p -> {
                p.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
                return p.hasParameterAnnotation(RequestParam.class) && "agencyId".equals(p.getParameterName());
            });
            boolean rendered = info.getParamsCondition().getExpressions().stream().anyMatch(e -> e.getName().equals("format"));
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/") || pattern.startsWith("/api/admin/")) {
                    continue;
                }
                String path = pattern.replace("{agencyId}", "sibling").replace("{year}", "2024")
                                     .replace("{rowKey}", "NEW").replace("{columnKey}", "TOTAL")
                                     .replace("{globalIndex}", "1").replace("{attachmentId}", attachment);
                if (path.startsWith("/api/applications/")) {
                    path = path.replace("{id}", application);
                } else if (path.startsWith("/api/reviews/")) {
                    path = path.replace("{id}", review);
                } else if (path.startsWith("/api/lawsuits/")) {
                    path = path.replace("{id}", lawsuit);
                } else {
                    path = path.replace("{id}", "00000000-0000-4000-8000-000000000000");
                }
                boolean scoped = pattern.contains("{agencyId}") || (pattern.contains("{id}") && !pattern.startsWith("/api/audit/"));
                List<String> parameters = new ArrayList<>(List.of("from=2024-01-01T00:00:00Z"));
                if (rendered) {
                    parameters.add("format=html");
                }
                if (takesAgency && !pattern.contains("{agencyId}")) {
                    parameters.add("agencyId=sibling");
                    scoped = true;
                }
                reads.add(new Read(pattern, path + "?" + String.join("&", parameters), scoped));
            }
        }
        return reads;
    }

    static void user(Http admin, String username, String role, String agency) {
        Http.Response created = admin.post("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + username
                                           + "-password\",\"roles\":[\"" + role + "\"],\"agencyId\":\"" + agency + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }
}
