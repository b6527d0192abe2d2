package gongkai.query.papers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The files of a case, through HTTP on both services: an upload is an event carrying the file's SHA-256; the
 * download checks it and refuses a file altered in storage, while the verification keeps the event chain intact
 * and names the damaged file; erased bytes are gone, not damaged; the files are served only to the clerks of the
 * case's agency; bad files record nothing; the archive ZIP holds every event, letter and attachment with their
 * hashes; an agency's stream comes as JSON lines.
 */
class CaseFilesEndToEndTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem("--gongkai.attachments.max-size=1MB");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Http clerk;
    private static Http reader;
    private static Http auditor;
    private static Http otherClerk;

    @BeforeAll
    static void agencies() {
        clerk = system.commandSide().agencyWithClerk("xiaoying", "li");
        system.commandSide().agencyWithClerk("dongfang", "zhao");
        Http admin = system.commandSide().admin();
        assertThat(admin.post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\",\"roles\":[\"AUDITOR\"],"
                                                   + "\"agencyId\":\"xiaoying\"}").status()).isEqualTo(201);
        reader = system.querySide().as("li", "li-password");
        auditor = system.querySide().as("wang", "wang-password");
        otherClerk = system.querySide().as("zhao", "zhao-password");
    }

    @Test
    void aFileAlteredInStorageIsRefusedAtDownloadAndNamedByVerificationWhileTheEventChainStaysIntact() {
        String application = application("2024-03-01");
        byte[] pdf = pdf("申请书原件");
        JsonNode added = upload(application, "申请书.pdf", pdf);
        String attachment = added.get("attachmentId").asText();
        assertThat(added.get("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(added.get("contentType").asText()).isEqualTo("application/pdf");

        Http.BytesResponse download = reader.getBytes(file(application, attachment));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.headers().firstValue("Repr-Digest").orElseThrow())
                .isEqualTo("sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256(pdf))) + ":");
        assertThat(reader.get("/api/applications/" + application + "/history").body()).contains("AttachmentAdded");

        byte[] altered = pdf.clone();
        altered[altered.length - 3] ^= 0x01;
        jdbc().update("update command_side.attachment_content set content = ? where attachment_id = ?", altered, attachment);

        Http.Response refused = reader.get(file(application, attachment));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("文件已损坏");

        RunningQuerySide.awaitCaughtUp(auditor, Duration.ofSeconds(30));
        JsonNode verification = auditor.get("/api/audit/verification").json();
        assertThat(verification.get("intact").asBoolean()).as("the event chain is intact: only the file's bytes changed").isTrue();
        assertThat(verification.get("filesIntact").asBoolean()).isFalse();
        JsonNode damaged = verification.at("/files/damaged");
        assertThat(damaged).hasSize(1);
        assertThat(damaged.get(0).get("attachmentId").asText()).isEqualTo(attachment);
        assertThat(damaged.get(0).get("applicationId").asText()).isEqualTo(application);
        assertThat(damaged.get(0).get("damage").asText()).isEqualTo("ALTERED");
        assertThat(damaged.get(0).get("recordedSha256").asText()).isEqualTo(sha256(pdf));
        assertThat(damaged.get(0).get("storedSha256").asText()).isEqualTo(sha256(altered));

        // Erasure of the applicant's personal data takes the bytes away: the file is gone, not damaged.
        Http.Response erasure = clerk.post("/api/applications/" + application + "/personal-data/erasure",
                                           "{\"basis\":\"PURPOSE_ACHIEVED\",\"note\":\"办结\"}");
        assertThat(erasure.status()).as(erasure.body()).isEqualTo(200);
        RunningQuerySide.awaitCaughtUp(auditor, Duration.ofSeconds(30));
        assertThat(reader.get(file(application, attachment)).status()).isEqualTo(410);
        JsonNode afterErasure = auditor.get("/api/audit/verification").json();
        assertThat(afterErasure.get("intact").asBoolean()).isTrue();
        assertThat(afterErasure.at("/files/damaged")).isEmpty();
        assertThat(afterErasure.at("/files/filesErased").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void filesAreServedOnlyToTheClerksOfTheCasesOwnAgency() {
        String application = application("2024-03-02");
        String attachment = upload(application, "身份证复印件.png", png()).get("attachmentId").asText();

        JsonNode ownClerk = reader.get("/api/applications/" + application + "/attachments").json();
        assertThat(ownClerk.at("/files/0/fileName").asText()).isEqualTo("身份证复印件.png");
        assertThat(ownClerk.get("contentServed").asBoolean()).isTrue();

        Http.Response listedForAuditor = auditor.get("/api/applications/" + application + "/attachments");
        assertThat(listedForAuditor.status()).isEqualTo(200);
        assertThat(listedForAuditor.body()).doesNotContain("身份证复印件");
        assertThat(listedForAuditor.json().at("/files/0/sha256").asText()).hasSize(64);
        assertThat(auditor.get(file(application, attachment)).status()).isEqualTo(403);
        assertThat(auditor.get("/api/applications/" + application + "/archive").status()).isEqualTo(403);

        assertThat(otherClerk.get("/api/applications/" + application + "/attachments").status()).isEqualTo(404);
        assertThat(otherClerk.get(file(application, attachment)).status()).isEqualTo(404);
        Http otherClerkCommands = system.commandSide().as("zhao", "zhao-password");
        assertThat(otherClerkCommands.sendFile("POST", "/api/applications/" + application + "/attachments", "x.pdf",
                                               "application/pdf", pdf("x")).status()).isEqualTo(404);
    }

    @Test
    void aFileThatIsNoPdfImageOrWordDocumentEmptyOrOverTheLimitRecordsNothing() {
        String application = application("2024-03-03");
        String path = "/api/applications/" + application + "/attachments";
        Http.Response exe = clerk.sendFile("POST", path, "setup.pdf", "application/pdf", "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(exe.status()).isEqualTo(400);
        assertThat(exe.contentType()).startsWith("application/problem+json");
        assertThat(clerk.sendFile("POST", path, "empty.pdf", "application/pdf", new byte[0]).status()).isEqualTo(400);
        byte[] big = new byte[2 * 1024 * 1024];
        System.arraycopy(pdf("x"), 0, big, 0, 8);
        assertThat(clerk.sendFile("POST", path, "big.pdf", "application/pdf", big).status()).isEqualTo(413);
        assertThat(clerk.sendFile("POST", "/api/applications/not-a-uuid/attachments", "a.pdf", "application/pdf", pdf("a"))
                        .status()).isEqualTo(400);
        assertThat(clerk.sendFile("POST", "/api/applications/" + UUID.randomUUID() + "/attachments", "a.pdf",
                                  "application/pdf", pdf("a")).status()).isEqualTo(404);

        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(30));
        assertThat(reader.get(path).json().get("files")).isEmpty();
        assertThat(jdbc().queryForObject("select count(*) from command_side.attachment_content where application_id = ?",
                                         Long.class, application)).isZero();
    }

    @Test
    void theArchiveOfACaseHoldsEveryEventLetterAndAttachmentWithTheirHashes() throws IOException {
        String application = application("2024-03-04");
        byte[] pdf = pdf("补充材料");
        String attachment = upload(application, "补充材料.pdf", pdf).get("attachmentId").asText();
        assertThat(clerk.post("/api/applications/" + application + "/conclusion",
                              "{\"concludedOn\":\"2024-03-20\",\"outcome\":\"DISCLOSED\"}").status()).isEqualTo(200);
        Http.Response letter = clerk.post("/api/applications/" + application + "/letters", "{\"kind\":\"ANSWER\"}");
        assertThat(letter.status()).isEqualTo(201);
        String letterId = letter.json().get("attachmentId").asText();
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(30));

        Http.BytesResponse zip = reader.getBytes("/api/applications/" + application + "/archive");
        assertThat(zip.status()).isEqualTo(200);
        Map<String, byte[]> entries = unzip(zip.body());
        JsonNode history = reader.get("/api/applications/" + application + "/history").json();
        JsonNode hashes = JSON.readTree(entries.get("hashes.json"));

        assertThat(hashes.get("events")).hasSize(history.get("events").size()).hasSize(4);
        hashes.get("events").forEach(e -> assertThat(e.get("chainLink").asText()).as("chain link of " + e).hasSize(64));
        String words = new String(entries.get("events.txt"), StandardCharsets.UTF_8);
        assertThat(words).contains("收到申请").contains("AttachmentAdded").contains("ApplicationConcluded");
        assertThat(JSON.readTree(entries.get("events.json")).get("events")).hasSize(4);

        String attachmentPath = "attachments/" + attachment + "-补充材料.pdf";
        assertThat(entries.get(attachmentPath)).isEqualTo(pdf);
        String letterPath = entries.keySet().stream().filter(p -> p.startsWith("letters/" + letterId)).findFirst().orElseThrow();
        assertThat(gongkai.command.papers.DocxLetters.text(entries.get(letterPath))).contains("答复书");
        for (JsonNode f : hashes.get("files")) {
            assertThat(sha256(entries.get(f.get("path").asText()))).as(f.toString()).isEqualTo(f.get("sha256").asText());
        }
        assertThat(hashes.get("files")).hasSize(2);
        String sums = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8);
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            if (!entry.getKey().equals("SHA256SUMS")) {
                assertThat(sums).contains(sha256(entry.getValue()) + "  " + entry.getKey());
            }
        }
    }

    @Test
    void anAgencysWholeEventStreamComesAsJsonLinesEachWithItsChainLink() throws IOException {
        String application = application("2024-03-05");
        upload(application, "a.pdf", pdf("a"));
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(30));
        Http.BytesResponse stream = reader.getBytes("/api/agencies/xiaoying/events");
        assertThat(stream.status()).isEqualTo(200);
        String[] lines = stream.text().split("\n");
        long stored = jdbc().queryForObject("select count(*) from command_side.domain_event_entry"
                                            + " where convert_from(meta_data, 'UTF8')::jsonb ->> 'agencyId' = 'xiaoying'", Long.class);
        assertThat(lines).hasSize((int) stored);
        long previous = -1;
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertThat(event.get("globalIndex").asLong()).isGreaterThan(previous);
            previous = event.get("globalIndex").asLong();
            assertThat(event.get("chainLink").asText()).hasSize(64);
            assertThat(event.at("/metaData/agencyId").asText()).isEqualTo("xiaoying");
        }
        String auditorsStream = auditor.getBytes("/api/agencies/xiaoying/events").text();
        assertThat(auditorsStream).contains("personal data withheld").doesNotContain("申请人甲");
        assertThat(otherClerk.get("/api/agencies/xiaoying/events").status()).isEqualTo(403);
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static String application(String receivedOn) {
        String id = UUID.randomUUID().toString();
        Http.Response received = clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"%s","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人甲"},"request":"2023年道路维修预算"}"""
                .formatted(id, receivedOn));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return id;
    }

    private static JsonNode upload(String application, String name, byte[] content) {
        Http.Response response = clerk.sendFile("POST", "/api/applications/" + application + "/attachments", name,
                                                "application/octet-stream", content);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private static String file(String application, String attachment) {
        return "/api/applications/" + application + "/attachments/" + attachment;
    }

    private static JdbcTemplate jdbc() {
        return system.querySide().context().getBean(JdbcTemplate.class);
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n% gongkai test\n1 0 obj << /Title (" + text + ") >> endobj\ntrailer << >>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        byte[] png = new byte[64];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
        System.arraycopy(signature, 0, png, 0, signature.length);
        return png;
    }

    static String sha256(byte[] bytes) {
        return CaseFiles.sha256(bytes);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
