package gongkai.query.papers;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.Http.Part;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files an applicant attaches on the public form, over HTTP on both services (the pages' own account posts the
 * submission and its files as one multipart request, docs/http-api.md "The public page"): recorded with the
 * submission as the case's attachments, the applicant as their actor, and served to the agency's clerks byte for
 * byte; a forbidden type, a file over the size limit, too many files or a body over what the largest allowed set
 * needs is refused with a problem naming the field, and nothing at all is recorded, neither the submission nor a file.
 */
class PublicFormAttachmentsHttpTest {

    private static final String PAGES_PASSWORD = "pages-secret-12";
    private static final int MAX_BYTES = 1024 * 1024;
    private static final int MAX_FILES = 5;

    @RegisterExtension
    static final RunningSystem system = new RunningSystem("--gongkai.pages.password=" + PAGES_PASSWORD,
                                                          "--gongkai.attachments.max-size=1MB");

    private static Http pages;

    @BeforeAll
    static void anAgencyWithAClerk() {
        system.commandSide().agencyWithClerk("zhen", "zhou");
        pages = system.commandSide().as("pages", PAGES_PASSWORD);
    }

    @Test
    void theApplicantsFilesAreRecordedWithTheSubmissionAndTheClerksDownloadTheSameBytesMarkedAsTheApplicants() {
        byte[] pdf = pdf("身份证明", 200);
        byte[] png = png(300);
        Http.Response submitted = submit(application("11010519491231002X"),
                                         Part.file("files", "身份证明.pdf", pdf), Part.file("files", "现场照片.png", png));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("applicationId").asText();
        assertThat(submitted.json().get("queryCode").asText()).isNotBlank();

        Http clerk = system.querySide().as("zhou", "zhou-password");
        JsonNode files = clerk.get("/api/applications/" + id + "/attachments").json().get("files");
        assertThat(files).hasSize(2);
        assertThat(files.findValuesAsText("fileName")).containsExactly("身份证明.pdf", "现场照片.png");
        assertThat(files.findValuesAsText("contentType")).containsExactly("application/pdf", "image/png");
        assertThat(files.findValuesAsText("actor")).containsOnly("online-applicant");
        assertThat(files.findValues("byApplicant")).allSatisfy(b -> assertThat(b.asBoolean()).isTrue());
        assertThat(clerk.getBytes("/api/applications/" + id + "/attachments/" + files.get(0).get("attachmentId").asText())
                        .body()).isEqualTo(pdf);
        assertThat(clerk.getBytes("/api/applications/" + id + "/attachments/" + files.get(1).get("attachmentId").asText())
                        .body()).isEqualTo(png);
        assertThat(clerk.get("/api/applications/" + id + "/history").json().get("events").findValuesAsText("type"))
                .containsExactly("ApplicationSubmitted", "AttachmentAdded", "AttachmentAdded");
    }

    @Test
    void theLargestAllowedSetOfFilesPasses() {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < MAX_FILES; i++) {
            parts.add(Part.file("files", "材料" + i + ".pdf", pdf("材料", MAX_BYTES)));
        }
        Http.Response submitted = submit(application("11010519491231002X"), parts.toArray(Part[]::new));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    }

    @Test
    void aFileOfAForbiddenTypeIsRefusedNamingItsFieldAndNothingIsRecorded() {
        long[] before = recorded();
        Http.Response refused = submit(application("11010519491231002X"), Part.file("files", "身份证明.pdf", pdf("证明", 100)),
                                       Part.file("files", "张三的照片.pdf", "MZ not a pdf".getBytes(StandardCharsets.US_ASCII)));
        assertRefused(refused, 400, "files[1]", "只接受");
        assertThat(refused.body()).as("no file's name in the answer").doesNotContain("张三的照片");
        assertThat(recorded()).as("events and stored files").containsExactly(before);
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedNamingItsFieldAndNothingIsRecorded() {
        long[] before = recorded();
        Http.Response refused = submit(application("11010519491231002X"), Part.file("files", "扫描件.pdf", pdf("扫描", MAX_BYTES + 1)));
        assertRefused(refused, 400, "files[0]", "大小上限 1 MB");
        assertThat(recorded()).containsExactly(before);
    }

    @Test
    void moreFilesThanTheMaximumAreRefusedAndNothingIsRecorded() {
        long[] before = recorded();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i <= MAX_FILES; i++) {
            parts.add(Part.file("files", "材料" + i + ".pdf", pdf("材料", 100)));
        }
        assertRefused(submit(application("11010519491231002X"), parts.toArray(Part[]::new)), 400, "files", "最多 5 个");
        assertThat(recorded()).containsExactly(before);
    }

    @Test
    void aBodyOverWhatTheLargestAllowedSetNeedsIsRefusedUnreadAnd413() {
        long[] before = recorded();
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < MAX_FILES; i++) {
            parts.add(Part.file("files", "材料" + i + ".pdf", pdf("材料", MAX_BYTES)));
        }
        parts.add(Part.file("files", "多余.pdf", pdf("多余", 100 * 1024)));
        Http.Response refused = submit(application("11010519491231002X"), parts.toArray(Part[]::new));
        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(recorded()).containsExactly(before);
    }

    @Test
    void goodFilesWithABadIdNumberRecordNeitherTheSubmissionNorTheFiles() {
        long[] before = recorded();
        assertRefused(submit(application("110105194912310021"), Part.file("files", "身份证明.pdf", pdf("证明", 100))),
                      400, "applicant.idNumber", "校验位");
        assertThat(recorded()).containsExactly(before);
    }

    @Test
    void theFormIsNotOpenToAClerkNorWithoutTheApplicationPart() {
        Http.Response clerk = system.commandSide().as("zhou", "zhou-password")
                                    .sendParts("POST", "/api/public/applications",
                                               List.of(application("11010519491231002X"), Part.file("files", "a.pdf", pdf("a", 10))));
        assertThat(clerk.status()).isEqualTo(403);
        Http.Response noApplication = pages.sendParts("POST", "/api/public/applications",
                                                      List.of(Part.file("files", "a.pdf", pdf("a", 10))));
        assertThat(noApplication.status()).as(noApplication.body()).isEqualTo(400);
        assertThat(noApplication.contentType()).startsWith("application/problem+json");
    }

    private static Part application(String idNumber) {
        return Part.json("application", """
                {"agencyId":"zhen","applicantType":"NATURAL_PERSON",
                 "applicant":{"name":"张三","idNumber":"%s","phone":"13912345678"},"request":"2025年道路维修预算"}"""
                .formatted(idNumber));
    }

    private static Http.Response submit(Part application, Part... files) {
        List<Part> parts = new ArrayList<>();
        parts.add(application);
        parts.addAll(Arrays.asList(files));
        return pages.sendParts("POST", "/api/public/applications", parts);
    }

    private static void assertRefused(Http.Response refused, int status, String field, String reason) {
        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(reason);
    }

    /** How many events are stored and how many files' bytes. */
    private static long[] recorded() {
        JdbcTemplate jdbc = system.commandSide().context().getBean(JdbcTemplate.class);
        return new long[] {jdbc.queryForObject("select count(*) from command_side.domain_event_entry", Long.class),
                           jdbc.queryForObject("select count(*) from command_side.attachment_content", Long.class)};
    }

    /** A PDF's first bytes and {@code size} bytes in all. */
    private static byte[] pdf(String text, int size) {
        byte[] head = ("%PDF-1.4\n% " + text + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] pdf = new byte[Math.max(size, head.length)];
        Arrays.fill(pdf, (byte) ' ');
        System.arraycopy(head, 0, pdf, 0, head.length);
        return pdf;
    }

    private static byte[] png(int size) {
        byte[] png = new byte[size];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        for (int i = signature.length; i < size; i++) {
            png[i] = (byte) i;
        }
        return png;
    }
}
