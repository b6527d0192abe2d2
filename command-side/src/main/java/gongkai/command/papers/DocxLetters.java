package gongkai.command.papers;

import gongkai.command.Refusal;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Letters as Word documents (DOCX, Apache POI): a template is any DOCX whose text holds placeholders
 * {@code {{name}}}; filling replaces each with the case's fact of that name. Word splits a paragraph's text
 * into runs at will, so a paragraph holding a placeholder is rewritten into its first run (keeping that run's
 * font); the other paragraphs are left exactly as the administrator wrote them.
 */
public final class DocxLetters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z]+)\\s*}}");

    private DocxLetters() {
    }

    /** The built-in template of a letter: one paragraph per line of its text, the first line its title. */
    public static byte[] fromText(String text) {
        try (XWPFDocument document = new XWPFDocument()) {
            boolean first = true;
            for (String line : text.split("\n", -1)) {
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                run.setFontFamily("宋体");
                run.setFontSize(first ? 18 : 12);
                if (first) {
                    paragraph.setAlignment(ParagraphAlignment.CENTER);
                    run.setBold(true);
                } else if (line.startsWith(">")) {
                    paragraph.setAlignment(ParagraphAlignment.RIGHT);
                    line = line.substring(1);
                }
                run.setText(line);
                first = false;
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template with every known placeholder replaced by its value. */
    public static byte[] fill(byte[] template, Map<String, String> fields) {
        try (XWPFDocument document = open(template)) {
            List<XWPFParagraph> paragraphs = new ArrayList<>(document.getParagraphs());
            for (XWPFTable table : document.getTables()) {
                for (XWPFTableRow row : table.getRows()) {
                    for (XWPFTableCell cell : row.getTableCells()) {
                        paragraphs.addAll(cell.getParagraphs());
                    }
                }
            }
            document.getHeaderList().forEach(h -> paragraphs.addAll(h.getParagraphs()));
            document.getFooterList().forEach(f -> paragraphs.addAll(f.getParagraphs()));
            for (XWPFParagraph paragraph : paragraphs) {
                fill(paragraph, fields);
            }
            return bytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Refuses what is not a Word document (DOCX) an administrator offers as a template. */
    public static void requireTemplate(byte[] content) {
        try (XWPFDocument ignored = open(content)) {
            // opened: a DOCX
        } catch (IOException | RuntimeException e) {
            throw Refusal.invalid("file", "模板须为 Word 文档（DOCX） (a template must be a DOCX file)");
        }
    }

    /** All the text of a DOCX, paragraph by paragraph (tables included), for reading a letter back. */
    public static String text(byte[] docx) {
        try (XWPFDocument document = open(docx)) {
            StringBuilder text = new StringBuilder();
            document.getParagraphs().forEach(p -> text.append(p.getText()).append('\n'));
            for (XWPFTable table : document.getTables()) {
                text.append(table.getText()).append('\n');
            }
            return text.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void fill(XWPFParagraph paragraph, Map<String, String> fields) {
        String text = paragraph.getText();
        if (text == null || !text.contains("{{")) {
            return;
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (m.find()) {
            String value = fields.get(m.group(1));
            m.appendReplacement(filled, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(filled);
        List<XWPFRun> runs = paragraph.getRuns();
        if (runs.isEmpty()) {
            paragraph.createRun().setText(filled.toString());
            return;
        }
        runs.get(0).setText(filled.toString(), 0);
        for (int i = runs.size() - 1; i > 0; i--) {
            paragraph.removeRun(i);
        }
    }

    private static XWPFDocument open(byte[] docx) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(docx));
    }

    private static byte[] bytes(XWPFDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.write(out);
        return out.toByteArray();
    }
}
