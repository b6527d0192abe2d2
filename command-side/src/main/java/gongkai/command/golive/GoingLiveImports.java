package gongkai.command.golive;

import gongkai.command.Refusal;
import gongkai.command.access.CommandSender;
import gongkai.command.application.ApplicationCommands.EndConsultation;
import gongkai.command.application.ApplicationCommands.ExtendReplyPeriod;
import gongkai.command.application.ApplicationCommands.ReceiveApplication;
import gongkai.command.application.ApplicationCommands.ReceiveSupplement;
import gongkai.command.application.ApplicationCommands.RequestSupplement;
import gongkai.command.application.ApplicationCommands.StartConsultation;
import gongkai.command.eventstore.AppendedEventsSignal;
import gongkai.command.golive.GoingLiveWorkbook.ApplicationRow;
import gongkai.command.golive.GoingLiveWorkbook.Contents;
import gongkai.command.golive.GoingLiveWorkbook.ReviewRow;
import gongkai.command.golive.GoingLiveWorkbook.RowProblem;
import gongkai.command.lawsuit.LawsuitCommands.FileLawsuit;
import gongkai.command.papers.AttachmentFiles;
import gongkai.command.proactive.RegisterCommands.RecordOpeningBalance;
import gongkai.command.review.ReviewCommands.FileReview;
import gongkai.events.MetaDataKeys;
import gongkai.events.access.Actor;
import gongkai.events.application.Applicant;
import gongkai.events.store.StoredEventFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Imports an agency's going-live spreadsheet ({@link GoingLiveWorkbook}): every row is checked first, and a file
 * with any problem records nothing; a good file is recorded as a whole, in one transaction (a case's own rules
 * refusing a step rolls everything back and names the row), each event marked with the importer and the file's
 * SHA-256. Every case's id is derived from the agency and the number the agency gave it, and a file already
 * imported is recognised by its SHA-256: importing the same file again records nothing.
 */
@Service
public class GoingLiveImports {

    /** What an import did: recorded (counts by kind) or not, with the file's SHA-256. */
    public record Result(boolean recorded, String sha256, Map<String, Integer> counts, String detail) {
    }

    /** The file has problems: nothing was recorded. */
    public static final class Refused extends RuntimeException {
        private final transient List<RowProblem> problems;

        Refused(List<RowProblem> problems) {
            super("导入文件有 " + problems.size() + " 处问题，未记录任何内容 (the file has problems: nothing was recorded)",
                  null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<RowProblem> problems() {
            return problems;
        }
    }

    private final CommandSender commands;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final AppendedEventsSignal signal;

    public GoingLiveImports(CommandSender commands, TransactionTemplate transactions, JdbcTemplate jdbc,
                            AppendedEventsSignal signal) {
        this.commands = commands;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.signal = signal;
    }

    public Result importFile(String agencyId, byte[] xlsx, Actor clerk, LocalDate today) {
        String sha256 = AttachmentFiles.sha256(xlsx);
        List<String> before = jdbc.queryForList("select imported_at::text from going_live_import where agency_id = ? and sha256 = ?",
                                                String.class, agencyId, sha256);
        if (!before.isEmpty()) {
            return new Result(false, sha256, Map.of(), "该文件已于 " + before.get(0) + " 导入，本次未记录任何内容"
                                                         + " (this file was imported before: nothing new recorded)");
        }
        Contents contents = GoingLiveWorkbook.read(xlsx, today);
        List<RowProblem> problems = new ArrayList<>(contents.problems());
        if (problems.isEmpty()) { // counted over rows that are all readable, else it would only repeat their problems
            problems.addAll(CarryOverCheck.problems(contents.applications(), contents.previousYear()));
        }
        for (ApplicationRow a : contents.applications()) {
            if (a.ref() != null && exists(id(agencyId, "application", a.ref()))) {
                problems.add(new RowProblem(GoingLiveWorkbook.APPLICATIONS, a.row(), "编号", "编号“" + a.ref() + "”已在系统中"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Object> marked = Map.of(MetaDataKeys.IMPORTED_FROM, sha256);
        transactions.executeWithoutResult(status -> {
            for (ApplicationRow a : contents.applications()) {
                atRow(GoingLiveWorkbook.APPLICATIONS, a.row(), () -> application(agencyId, a, clerk, marked));
            }
            counts.put("applications", contents.applications().size());
            int reviews = 0;
            int lawsuits = 0;
            for (ReviewRow r : contents.reviews()) {
                String applicationId = r.applicationRef() == null ? null : id(agencyId, "application", r.applicationRef());
                if (r.lawsuit()) {
                    String reviewId = r.reviewRef() == null ? null : id(agencyId, "review", r.reviewRef());
                    atRow(GoingLiveWorkbook.REVIEWS_AND_LAWSUITS, r.row(), () -> commands.send(new FileLawsuit(
                            id(agencyId, "lawsuit", r.ref()), agencyId, r.filedOn(), r.route(), reviewId, applicationId, r.body()),
                            clerk, marked));
                    lawsuits++;
                } else {
                    atRow(GoingLiveWorkbook.REVIEWS_AND_LAWSUITS, r.row(), () -> commands.send(new FileReview(
                            id(agencyId, "review", r.ref()), agencyId, r.filedOn(), applicationId, r.body()), clerk, marked));
                    reviews++;
                }
            }
            counts.put("reviews", reviews);
            counts.put("lawsuits", lawsuits);
            if (contents.openingBalance() != null) {
                GoingLiveWorkbook.OpeningBalance b = contents.openingBalance();
                atRow(GoingLiveWorkbook.OPENING_BALANCE, 2, () -> commands.send(
                        new RecordOpeningBalance(agencyId, b.asOf(), b.rules(), b.normativeDocuments()), clerk, marked));
                counts.put("openingBalance", 1);
            }
            jdbc.update("insert into going_live_import (agency_id, sha256, imported_by, recorded) values (?, ?, ?, ?)",
                        agencyId, sha256, clerk.username(), counts.toString());
        });
        signal.appended();
        return new Result(true, sha256, counts, "已导入 (imported)");
    }

    /** The receipt and each later step of an open application, in the order of their dates. */
    private void application(String agencyId, ApplicationRow a, Actor clerk, Map<String, Object> marked) {
        String id = id(agencyId, "application", a.ref());
        commands.send(new ReceiveApplication(id, agencyId, a.receivedOn(), a.channel(), a.applicantType(),
                                             new Applicant(a.applicantName(), null, null, null, null), a.request()),
                      clerk, marked);
        record Step(LocalDate on, int order, Object command) {
        }
        List<Step> steps = new ArrayList<>();
        if (a.supplementRequestedOn() != null) {
            steps.add(new Step(a.supplementRequestedOn(), 0, new RequestSupplement(id, a.supplementRequestedOn(),
                                                                                   a.supplementReplyBy(), null)));
        }
        if (a.supplementReceivedOn() != null) {
            steps.add(new Step(a.supplementReceivedOn(), 1, new ReceiveSupplement(id, a.supplementReceivedOn())));
        }
        if (a.consultationStartedOn() != null) {
            steps.add(new Step(a.consultationStartedOn(), 2, new StartConsultation(id, a.consultationStartedOn(),
                                                                                   a.consultedParty())));
        }
        if (a.consultationEndedOn() != null) {
            steps.add(new Step(a.consultationEndedOn(), 3, new EndConsultation(id, a.consultationEndedOn())));
        }
        if (a.extendedOn() != null) {
            steps.add(new Step(a.extendedOn(), 4, new ExtendReplyPeriod(id, a.extendedOn(), a.extensionWorkingDays(),
                                                                        a.extensionReason())));
        }
        steps.sort(Comparator.comparing(Step::on).thenComparing(Step::order));
        for (Step step : steps) {
            commands.send(step.command(), clerk, marked);
        }
    }

    /** A case's rules refusing a row: everything rolls back, and the answer names the row. */
    private static void atRow(String sheet, int row, Runnable recording) {
        try {
            recording.run();
        } catch (Refusal refusal) {
            throw new Refused(List.of(new RowProblem(sheet, row, refusal.field() == null ? "" : refusal.field(),
                                                     refusal.getMessage())));
        }
    }

    private boolean exists(String aggregateId) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from " + StoredEventFormat.EVENT_TABLE
                                                       + " where aggregate_identifier = ?)", Boolean.class, aggregateId));
    }

    /** The id of an imported case: derived from the agency and its own number, the same at every import. */
    static String id(String agencyId, String kind, String ref) {
        return UUID.nameUUIDFromBytes(("gongkai-going-live:" + agencyId + ":" + kind + ":" + ref)
                                              .getBytes(StandardCharsets.UTF_8)).toString();
    }
}
