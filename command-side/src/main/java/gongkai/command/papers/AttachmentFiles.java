package gongkai.command.papers;

import gongkai.command.Refusal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a case accepts as a file: a PDF, an image (PNG, JPEG, GIF, TIFF) or a Word document (DOCX), told by
 * its content (its first bytes), not by the name or the type the browser declared; not empty, not over the
 * configured size; a name of at most 255 characters. Plain Java, tested without a database.
 */
public final class AttachmentFiles {

    public static final int MAX_NAME_LENGTH = 255;

    private AttachmentFiles() {
    }

    /** A file as it was sent: the name it came with (personal data: never printed) and its bytes. */
    public record Upload(String name, byte[] content) {

        @Override
        public String toString() {
            return "Upload[" + (content == null ? 0 : content.length) + " bytes]";
        }
    }

    /** The file's content type, told by its content; refused, naming the field {@code file}, when it is none of the accepted kinds. */
    public static String contentType(String name, byte[] content, long maxBytes) {
        return contentType("file", "", name, content, maxBytes);
    }

    /**
     * Files sent together (the public application form's): at most {@code maxCount}, each checked as a single file
     * is, every one before any is recorded. A refusal names the field ({@code files}, or {@code files[1]} for the
     * second file) and the file by its place, never by its name (a name may be personal data). Returns their
     * content types, in order.
     */
    public static List<String> contentTypes(String field, List<Upload> uploads, int maxCount, long maxBytes) {
        if (uploads.size() > maxCount) {
            throw Refusal.invalid(field, "附件最多 " + maxCount + " 个 (at most " + maxCount + " files)");
        }
        List<String> types = new ArrayList<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            types.add(contentType(field + "[" + i + "]", "第 " + (i + 1) + " 个附件：", upload.name(), upload.content(),
                                  maxBytes));
        }
        return types;
    }

    private static String contentType(String field, String which, String name, byte[] content, long maxBytes) {
        if (name == null || name.isBlank()) {
            throw Refusal.invalid(field, which + "文件须有文件名 (the file needs a name)");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Refusal.invalid(field, which + "文件名过长，最多 " + MAX_NAME_LENGTH + " 个字符 (the file name is too long)");
        }
        if (content == null || content.length == 0) {
            throw Refusal.invalid(field, which + "文件为空 (the file is empty)");
        }
        if (content.length > maxBytes) {
            throw Refusal.invalid(field, which + "文件超过大小上限 " + megabytes(maxBytes) + " MB (the file is over the limit)");
        }
        String type = sniff(name, content);
        if (type == null) {
            throw Refusal.invalid(field, which + "只接受 PDF、图片（PNG、JPEG、GIF、TIFF）和 Word 文档（DOCX）"
                                         + " (only PDF, images and DOCX are accepted)");
        }
        return type;
    }

    /** The limit in MB as people read it: whole where it is, else with one decimal (a limit under 1 MB is not 0). */
    private static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sniff(String name, byte[] c) {
        if (startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(c, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (startsWith(c, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        if (startsWith(c, "GIF87a".getBytes(StandardCharsets.US_ASCII))
            || startsWith(c, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return "image/gif";
        }
        if (startsWith(c, new byte[] {'I', 'I', 42, 0}) || startsWith(c, new byte[] {'M', 'M', 0, 42})) {
            return "image/tiff";
        }
        // A DOCX is a ZIP package; of ZIP files only those named .docx are taken (an .xlsx or a plain archive is not a letter).
        if (startsWith(c, new byte[] {'P', 'K', 3, 4}) && name.toLowerCase(Locale.ROOT).endsWith(".docx")) {
            return DOCX;
        }
        return null;
    }

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
