package gongkai.command.papers;

import gongkai.command.Refusal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case accepts PDFs, images and Word documents, told by their content; nothing empty, unnamed or too large. */
class AttachmentFilesTest {

    private static final long LIMIT = 1024;

    @Test
    void aFilesTypeIsToldByItsContentNotByItsName() {
        assertThat(AttachmentFiles.contentType("scan.png", "%PDF-1.7 ...".getBytes(StandardCharsets.US_ASCII), LIMIT))
                .isEqualTo("application/pdf");
        assertThat(AttachmentFiles.contentType("photo", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 0}, LIMIT))
                .isEqualTo("image/jpeg");
        assertThat(AttachmentFiles.contentType("a.tif", new byte[] {'I', 'I', 42, 0, 8}, LIMIT)).isEqualTo("image/tiff");
        assertThat(AttachmentFiles.contentType("答复书.DOCX", new byte[] {'P', 'K', 3, 4, 0}, LIMIT)).isEqualTo(AttachmentFiles.DOCX);
    }

    @Test
    void aProgramAScriptOrAZipThatIsNoWordDocumentIsRefused() {
        assertRefused("setup.pdf", new byte[] {'M', 'Z', 0, 0});
        assertRefused("notes.pdf", "<script>".getBytes(StandardCharsets.US_ASCII));
        assertRefused("archive.zip", new byte[] {'P', 'K', 3, 4, 0});
    }

    @Test
    void anEmptyFileAFileOverTheLimitAndAFileWithoutANameAreRefused() {
        assertRefused("a.pdf", new byte[0]);
        byte[] big = new byte[(int) LIMIT + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        assertRefused("a.pdf", big);
        assertRefused(" ", "%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertRefused("a".repeat(256) + ".pdf", "%PDF-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void filesSentTogetherAreEachCheckedAndARefusalNamesTheFileByItsPlaceNotItsName() {
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        assertThat(AttachmentFiles.contentTypes("files", List.of(new AttachmentFiles.Upload("张三身份证.pdf", pdf),
                                                                 new AttachmentFiles.Upload("b.gif", "GIF89a".getBytes(StandardCharsets.US_ASCII))),
                                                2, LIMIT))
                .containsExactly("application/pdf", "image/gif");
        assertThatThrownBy(() -> AttachmentFiles.contentTypes("files", List.of(new AttachmentFiles.Upload("张三身份证.pdf", pdf),
                                                                               new AttachmentFiles.Upload("张三.exe", new byte[] {'M', 'Z'})),
                                                              2, LIMIT))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.field()).isEqualTo("files[1]");
                    assertThat(r.getMessage()).startsWith("第 2 个附件：只接受").doesNotContain("张三");
                });
    }

    @Test
    void moreFilesThanTheMaximumAreRefusedAsAWhole() {
        byte[] pdf = "%PDF-1.7".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> AttachmentFiles.contentTypes("files", java.util.Collections.nCopies(3, new AttachmentFiles.Upload("a.pdf", pdf)),
                                                              2, LIMIT))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.field()).isEqualTo("files");
                    assertThat(r.getMessage()).contains("最多 2 个");
                });
        assertThat(AttachmentFiles.contentTypes("files", List.of(), 2, LIMIT)).as("attaching nothing is fine").isEmpty();
    }

    @Test
    void theHashIsTheSha256OfTheContentInHex() {
        assertThat(AttachmentFiles.sha256("test".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
    }

    private static void assertRefused(String name, byte[] content) {
        assertThatThrownBy(() -> AttachmentFiles.contentType(name, content, LIMIT))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID);
                    assertThat(r.field()).isEqualTo("file");
                });
    }
}
