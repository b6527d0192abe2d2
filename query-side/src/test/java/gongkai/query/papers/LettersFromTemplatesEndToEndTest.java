package gongkai.query.papers;

import gongkai.command.papers.DocxLetters;
import gongkai.command.papers.LegalBasis;
import gongkai.command.testing.Http;
import gongkai.events.application.Outcome;
import gongkai.query.testing.RunningSystem;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Letters from templates, through HTTP on both services: the 答复书 of every outcome, read back from the DOCX
 * kept as a file of the case, names the agency, the applicant, the dates and the article it rests on, and the
 * remedies; the letter of each step is owed only once the step is recorded; an administrator's template
 * replaces the built-in one for their agency only; the signed letter goes back as an upload.
 */
class LettersFromTemplatesEndToEndTest {

    private static final String CLERKS_WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    private static Http admin;
    private static Http clerk;
    private static Http reader;
    private static Http otherClerk;
    private static Http otherReader;

    @BeforeAll
    static void agencies() {
        admin = system.commandSide().admin();
        for (String[] agency : new String[][] {{"xiaoying", "小营镇人民政府", "li"}, {"dongfang", "东方街道办事处", "zhao"}}) {
            assertThat(admin.post("/api/admin/agencies", "{\"agencyId\":\"" + agency[0] + "\",\"name\":\"" + agency[1] + "\"}")
                            .status()).isEqualTo(201);
            assertThat(admin.post("/api/admin/users", "{\"username\":\"" + agency[2] + "\",\"password\":\"" + agency[2]
                                                       + "-password\",\"roles\":[\"CLERK\"],\"agencyId\":\"" + agency[0] + "\"}")
                            .status()).isEqualTo(201);
        }
        clerk = system.commandSide().as("li", "li-password");
        reader = system.querySide().as("li", "li-password");
        otherClerk = system.commandSide().as("zhao", "zhao-password");
        otherReader = system.querySide().as("zhao", "zhao-password");
    }

    @Test
    void theAnswerOfEveryOutcomeNamesTheAgencyTheDatesAndTheArticleItRestsOn() {
        for (Outcome outcome : Outcome.values()) {
            String application = received(clerk, "xiaoying", "2024-02-01");
            if (outcome == Outcome.OTHER_SUPPLEMENT_OVERDUE) {
                assertThat(clerk.post("/api/applications/" + application + "/supplement-request",
                                      "{\"requestedOn\":\"2024-02-02\",\"replyBy\":\"2024-02-09\"}").status()).isEqualTo(200);
            } else if (outcome == Outcome.OTHER_FEE_UNPAID) {
                assertThat(clerk.post("/api/applications/" + application + "/fee-notice",
                                      "{\"issuedOn\":\"2024-02-02\",\"amountYuan\":100,\"payBy\":\"2024-02-09\"}").status())
                        .isEqualTo(200);
            }
            String reasons = outcome == Outcome.PARTIALLY_DISCLOSED ? ",\"withheldReasons\":[\"WITHHELD_THIRD_PARTY_RIGHTS\"]" : "";
            Http.Response concluded = clerk.post("/api/applications/" + application + "/conclusion",
                                                 "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"" + outcome + "\"" + reasons + "}");
            assertThat(concluded.status()).as(outcome + ": " + concluded.body()).isEqualTo(200);

            String text = letter(clerk, reader, application, "ANSWER");
            assertThat(text).as(outcome.name())
                            .contains("政府信息公开申请答复书", "小营镇人民政府", "申请人甲", "2024年2月1日", "2024年2月20日",
                                      LegalBasis.of(outcome).article(), LegalBasis.of(outcome).decision(), outcome.label(),
                                      "六十日内", "六个月内", "行政复议", "行政诉讼")
                            .doesNotContain("{{");
            if (outcome == Outcome.PARTIALLY_DISCLOSED) {
                assertThat(text).contains("第十五条");
            }
        }
    }

    @Test
    void theLetterOfAStepIsOwedOnlyOnceTheStepIsRecorded() {
        String application = received(clerk, "xiaoying", "2024-04-01");
        String path = "/api/applications/" + application + "/letters";
        assertThat(clerk.post(path, "{\"kind\":\"SUPPLEMENT\"}").status()).isEqualTo(409);
        assertThat(clerk.post(path, "{\"kind\":\"ANSWER\"}").status()).isEqualTo(409);
        assertThat(clerk.post(path, "{\"kind\":\"NO_SUCH_LETTER\"}").status()).isEqualTo(400);
        assertThat(letter(clerk, reader, application, "RECEIPT")).contains("登记回执", "2024年4月1日", "20个工作日");

        assertThat(clerk.post("/api/applications/" + application + "/supplement-request",
                              "{\"requestedOn\":\"2024-04-03\",\"replyBy\":\"2024-04-18\",\"note\":\"请说明年份\"}").status())
                .isEqualTo(200);
        assertThat(letter(clerk, reader, application, "SUPPLEMENT"))
                .contains("补正告知书", "2024年4月3日", "2024年4月18日", "请说明年份", "第三十条");
        assertThat(clerk.post("/api/applications/" + application + "/supplement", "{\"receivedOn\":\"2024-04-08\"}").status())
                .isEqualTo(200);
        Http head = system.commandSide().supervisorIn("xiaoying", "zhang"); // 第三十三条: the head of the office extends
        assertThat(head.post("/api/applications/" + application + "/extension",
                              "{\"extendedOn\":\"2024-04-25\",\"workingDays\":15,\"reason\":\"需要调取档案\"}").status())
                .isEqualTo(200);
        assertThat(letter(clerk, reader, application, "EXTENSION"))
                .contains("延长答复期限告知书", "15个工作日", "需要调取档案", "第三十三条第二款");
        assertThat(otherClerk.post(path, "{\"kind\":\"RECEIPT\"}").status()).as("another agency's case").isEqualTo(404);
    }

    @Test
    void anAdministratorsTemplateReplacesTheBuiltInOneForTheirAgencyOnlyAndTheSignedLetterGoesBackAsAnUpload() throws IOException {
        String template = "/api/admin/agencies/xiaoying/letter-templates/ANSWER";
        assertThat(admin.sendFile("PUT", template, "t.docx", CLERKS_WORD_TYPE, "not a word file".getBytes()).status())
                .isEqualTo(400);
        assertThat(admin.sendFile("PUT", "/api/admin/agencies/xiaoying/letter-templates/NOPE", "t.docx", CLERKS_WORD_TYPE,
                                  ownTemplate()).status()).isEqualTo(400);
        assertThat(clerk.sendFile("PUT", template, "t.docx", CLERKS_WORD_TYPE, ownTemplate()).status()).isEqualTo(403);
        Http.Response replaced = admin.sendFile("PUT", template, "t.docx", CLERKS_WORD_TYPE, ownTemplate());
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(DocxLetters.text(admin.getBytes(template).body())).contains("小营镇专用答复模板");

        String ours = received(clerk, "xiaoying", "2024-05-06");
        assertThat(clerk.post("/api/applications/" + ours + "/conclusion",
                              "{\"concludedOn\":\"2024-05-20\",\"outcome\":\"WITHHELD_STATE_SECRET\"}").status()).isEqualTo(200);
        String text = letter(clerk, reader, ours, "ANSWER");
        assertThat(text).contains("小营镇专用答复模板", "致申请人甲", "机关：小营镇人民政府", "《中华人民共和国政府信息公开条例》第十四条",
                                  "2024年5月20日");

        String theirs = received(otherClerk, "dongfang", "2024-05-06");
        assertThat(otherClerk.post("/api/applications/" + theirs + "/conclusion",
                                   "{\"concludedOn\":\"2024-05-20\",\"outcome\":\"DISCLOSED\"}").status()).isEqualTo(200);
        assertThat(letter(otherClerk, otherReader, theirs, "ANSWER")).doesNotContain("小营镇专用答复模板")
                                                                       .contains("东方街道办事处", "政府信息公开申请答复书");

        // Signed and scanned, or edited outside and saved: the clerk uploads the letter again, as a new file.
        byte[] signed = DocxLetters.fill(ownTemplate(), java.util.Map.of("agency", "小营镇人民政府（已盖章）"));
        Http.Response uploaded = clerk.sendFile("POST", "/api/applications/" + ours + "/attachments", "答复书-已签章.docx",
                                                CLERKS_WORD_TYPE, signed);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);

        assertThat(admin.delete(template).status()).isEqualTo(200);
        assertThat(DocxLetters.text(admin.getBytes(template).body())).doesNotContain("小营镇专用答复模板");
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private static String received(Http clerk, String agency, String receivedOn) {
        String id = UUID.randomUUID().toString();
        Http.Response received = clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"%s","receivedOn":"%s","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人甲"},"request":"2023年道路维修预算"}"""
                .formatted(id, agency, receivedOn));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return id;
    }

    /** Generates the letter, then reads it back as the clerk downloads it: the DOCX kept as a file of the case. */
    private static String letter(Http clerk, Http reader, String application, String kind) {
        Http.Response generated = clerk.post("/api/applications/" + application + "/letters", "{\"kind\":\"" + kind + "\"}");
        assertThat(generated.status()).as(kind + ": " + generated.body()).isEqualTo(201);
        String file = "/api/applications/" + application + "/attachments/" + generated.json().get("attachmentId").asText();
        // Read from the event store, as the command's answer left it: no projection to wait for.
        Http.BytesResponse docx = reader.getBytes(file);
        assertThat(docx.status()).as(kind + ": " + docx.text()).isEqualTo(200);
        assertThat(docx.contentType()).isEqualTo(CLERKS_WORD_TYPE);
        assertThat(docx.headers().firstValue("Repr-Digest")).isPresent();
        return DocxLetters.text(docx.body());
    }

    /** An agency's own template, a placeholder split over runs as Word writes it. */
    private static byte[] ownTemplate() throws IOException {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("小营镇专用答复模板");
            XWPFParagraph to = document.createParagraph();
            to.createRun().setText("致{{appli");
            to.createRun().setText("cant}}");
            XWPFParagraph agency = document.createParagraph();
            agency.createRun().setText("机关：{{");
            agency.createRun().setText("agency}}");
            document.createParagraph().createRun().setText("{{article}}，{{date}}");
            document.write(out);
            return out.toByteArray();
        }
    }
}
