package gongkai.query.papers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.access.Actor;
import gongkai.events.store.StoredEventFormat;
import gongkai.http.Problems;
import gongkai.query.audit.CaseHistory;
import gongkai.query.chain.ChainHead;
import gongkai.query.chain.EventChain;
import org.springframework.stereotype.Service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A case's complete file for 归档 as one ZIP: every event in words ({@code events.txt}) and as data
 * ({@code events.json}), every letter ({@code letters/}) and attachment ({@code attachments/}), each file with the
 * SHA-256 its event recorded, each event with its link of the hash chain ({@code hashes.json}), and the SHA-256 of
 * every entry ({@code SHA256SUMS}, the format of {@code sha256sum -c}). Only for the readers who may download
 * the case's files; a damaged file refuses the archive (an archive must not keep a file that is not what was
 * recorded).
 */
@Service
public class CaseArchive {

    private static final ObjectMapper JSON = StoredEventFormat.objectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CaseHistory histories;
    private final CaseFiles files;
    private final EventChain chain;

    public CaseArchive(CaseHistory histories, CaseFiles files, EventChain chain) {
        this.histories = histories;
        this.files = files;
        this.chain = chain;
    }

    public byte[] zip(String applicationId, Actor reader) {
        CaseHistory.View history = histories.of(applicationId, reader).orElseThrow(() -> CaseFiles.notFound(applicationId));
        CaseFiles.Listing listing = files.of(applicationId, reader).orElseThrow(() -> CaseFiles.notFound(applicationId));
        if (!listing.contentServed()) {
            throw Problems.Refused.forbidden("案卷含个人信息，仅本机关经办人员可以导出 (the archive holds personal data:"
                                             + " only the clerks of the case's agency export it)");
        }
        Map<String, byte[]> entries = new LinkedHashMap<>();
        ObjectNode hashes = JSON.createObjectNode();
        hashes.put("applicationId", applicationId);
        hashes.put("agencyId", listing.agencyId());
        ArrayNode events = hashes.putArray("events");
        StringBuilder words = new StringBuilder("案卷 " + applicationId + " 的全部记录（按记录顺序）\n\n");
        for (CaseHistory.Event e : history.events()) {
            words.append('#').append(e.sequence()).append("  业务日期 ").append(e.businessDate())
                 .append("  记录于 ").append(e.recordedAt()).append("  经办人 ").append(e.actor())
                 .append("  ").append(e.type()).append('\n').append("    ").append(e.summary()).append('\n');
            ObjectNode event = events.addObject();
            event.put("sequence", e.sequence());
            event.put("eventId", e.eventId());
            event.put("type", e.type());
            if (e.globalIndex() != null) {
                event.put("globalIndex", e.globalIndex());
                chain.linkAt(e.globalIndex()).map(ChainHead::hash).ifPresent(link -> event.put("chainLink", link));
            }
        }
        entries.put("events.txt", words.toString().getBytes(StandardCharsets.UTF_8));
        entries.put("events.json", json(history));
        ArrayNode fileHashes = hashes.putArray("files");
        for (CaseFiles.FileEntry f : listing.files()) {
            CaseFiles.Content content = files.content(applicationId, f.attachmentId(), reader);
            String path = (f.letter() != null ? "letters/" : "attachments/") + f.attachmentId() + "-"
                          + safeName(content.fileName());
            entries.put(path, content.bytes());
            ObjectNode file = fileHashes.addObject();
            file.put("path", path);
            file.put("attachmentId", f.attachmentId());
            file.put("letter", f.letter());
            file.put("eventId", f.eventId());
            file.put("sha256", f.sha256());
            file.put("size", f.size());
        }
        entries.put("hashes.json", json(hashes));
        StringBuilder sums = new StringBuilder();
        entries.forEach((path, bytes) -> sums.append(CaseFiles.sha256(bytes)).append("  ").append(path).append('\n'));
        entries.put("SHA256SUMS", sums.toString().getBytes(StandardCharsets.UTF_8));
        return zip(entries);
    }

    /** A file name safe as a ZIP entry: no directories, no control characters. */
    static String safeName(String name) {
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = base.replaceAll("[\\p{Cntrl}:*?\"<>|]", "_").strip();
        return cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..") ? "file" : cleaned;
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
