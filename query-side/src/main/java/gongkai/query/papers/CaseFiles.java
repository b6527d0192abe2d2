package gongkai.query.papers;

import gongkai.events.MetaDataKeys;
import gongkai.events.access.Actor;
import gongkai.events.papers.AttachmentAdded;
import gongkai.http.Problems;
import gongkai.query.access.ReadAccess;
import gongkai.query.audit.CaseHistory;
import gongkai.query.audit.PersonalDataMasking;
import gongkai.query.chain.AttachedFiles;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The files of an application's case: listed from their events (read from the event store, like the case's
 * history), served from {@code command_side.attachment_content} only after their bytes were checked against the
 * SHA-256 their event recorded. A file's content is personal data where the case's is: only the readers who see
 * the case's personal data ({@link CaseHistory#seesPersonalData}) get it; the others see the list, names withheld.
 */
@Service
public class CaseFiles {

    /**
     * One file as its event recorded it; {@code fileName} is withheld from readers without personal data;
     * {@code byApplicant}: attached by the applicant on the public form (its actor is {@link Actor#ONLINE_APPLICANT}).
     */
    public record FileEntry(String attachmentId, String fileName, String contentType, long size, String sha256,
                            String letter, LocalDate addedOn, Instant recordedAt, String actor, String eventId,
                            boolean byApplicant) {
    }

    public record Listing(String applicationId, String agencyId, boolean contentServed, List<FileEntry> files) {
    }

    /** A file's checked content, with its name (for the download's file name) and its entry. */
    public record Content(FileEntry entry, String fileName, byte[] bytes) {
    }

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public CaseFiles(EventStore eventStore, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
    }

    /** The case's files as {@code reader} may see them; empty when there is no such case they may read. */
    public Optional<Listing> of(String applicationId, Actor reader) {
        return read(applicationId, reader).map(c -> new Listing(applicationId, c.agencyId, c.personal, c.entries(c.personal)));
    }

    /** The file's bytes, checked against its recorded SHA-256: refused when damaged, gone when erased. */
    public Content content(String applicationId, String attachmentId, Actor reader) {
        CaseEvents events = read(applicationId, reader).orElseThrow(() -> notFound(applicationId));
        if (!events.personal) {
            throw Problems.Refused.forbidden("文件内容属于个人信息，仅本机关经办人员可以下载"
                                             + " (a file's content is personal data: only the clerks of the case's agency download it)");
        }
        DomainEventMessage<?> message = events.messages.stream()
                .filter(m -> m.getPayload() instanceof AttachmentAdded a && a.attachmentId().equals(attachmentId))
                .findFirst().orElseThrow(() -> Problems.Refused.notFound("该案件没有此附件 (no attachment " + attachmentId + " on this case)"));
        return checked(applicationId, message);
    }

    /**
     * The latest answer letter (答复书, a letter of kind {@code ANSWER}) of an answered application, for the applicant
     * who proved who they are with the query code and their phone's digits; empty when the application has none yet,
     * or its personal data is sealed (个人信息保护法第四十七条第二款: kept, no longer processed).
     */
    public Optional<Content> answerLetter(String applicationId) {
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(applicationId, 0).asStream().toList();
        boolean answered = false;
        boolean sealed = false;
        DomainEventMessage<?> letter = null;
        for (DomainEventMessage<?> m : messages) {
            Object payload = m.getPayload();
            answered |= payload instanceof ApplicationConcluded;
            if (payload instanceof PersonalDataSealed) {
                sealed = true;
            } else if (payload instanceof PersonalDataUnsealed) {
                sealed = false;
            } else if (payload instanceof AttachmentAdded a && ANSWER_LETTER.equals(a.letter())) {
                letter = m;
            }
        }
        if (!answered || sealed || letter == null) {
            return Optional.empty();
        }
        return Optional.of(checked(applicationId, letter));
    }

    /** The kind of letter that is the answer (the command side's {@code LetterKind.ANSWER}). */
    static final String ANSWER_LETTER = "ANSWER";

    private Content checked(String applicationId, DomainEventMessage<?> message) {
        String attachmentId = ((AttachmentAdded) message.getPayload()).attachmentId();
        AttachmentAdded added = (AttachmentAdded) message.getPayload();
        List<byte[]> rows = jdbc.query("select content from " + AttachedFiles.TABLE + " where attachment_id = ? and application_id = ?",
                                       (rs, n) -> rs.getBytes(1), attachmentId, applicationId);
        if (rows.isEmpty()) {
            throw damaged("文件内容缺失 (the file's bytes are missing from storage)");
        }
        byte[] bytes = rows.get(0);
        if (bytes == null) {
            throw new Problems.Refused(HttpStatus.GONE, null, "文件内容已按规定删除 (the file's content was erased)");
        }
        if (!sha256(bytes).equalsIgnoreCase(added.sha256())) {
            throw damaged("文件已损坏：内容与登记时的 SHA-256 不符 (the stored file no longer matches the SHA-256 recorded"
                          + " when it was added; it is not served)");
        }
        return new Content(entry(message, true), added.fileName().value(), bytes);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record CaseEvents(String agencyId, boolean personal, List<? extends DomainEventMessage<?>> messages) {
        List<FileEntry> entries(boolean showNames) {
            return messages.stream().filter(m -> m.getPayload() instanceof AttachmentAdded).map(m -> entry(m, showNames)).toList();
        }
    }

    private Optional<CaseEvents> read(String applicationId, Actor reader) {
        if (applicationId == null || applicationId.length() > 64) {
            return Optional.empty();
        }
        List<? extends DomainEventMessage<?>> messages = eventStore.readEvents(applicationId, 0).asStream().toList();
        if (messages.isEmpty()) {
            return Optional.empty();
        }
        String agencyId = CaseHistory.agencyOf(messages);
        if (agencyId == null || !ReadAccess.mayRead(reader, agencyId)) {
            return Optional.empty();
        }
        return Optional.of(new CaseEvents(agencyId, CaseHistory.seesPersonalData(reader, agencyId), messages));
    }

    private static FileEntry entry(DomainEventMessage<?> m, boolean showName) {
        AttachmentAdded a = (AttachmentAdded) m.getPayload();
        Object actor = m.getMetaData().get(MetaDataKeys.ACTOR);
        return new FileEntry(a.attachmentId(), showName ? a.fileName().value() : PersonalDataMasking.WITHHELD,
                             a.contentType(), a.size(), a.sha256(), a.letter(), a.addedOn(), m.getTimestamp(),
                             actor == null ? null : actor.toString(), m.getIdentifier(),
                             Actor.ONLINE_APPLICANT.equals(actor));
    }

    private static Problems.Refused damaged(String detail) {
        return new Problems.Refused(HttpStatus.CONFLICT, null, detail);
    }

    static Problems.Refused notFound(String applicationId) {
        return Problems.Refused.notFound("未找到该案件 (no case " + applicationId + " that you may read)");
    }
}
