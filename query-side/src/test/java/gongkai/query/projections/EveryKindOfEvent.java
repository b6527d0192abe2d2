package gongkai.query.projections;

import gongkai.events.CaseEvent;
import gongkai.events.CaseResult;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.lawsuit.Route;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.proactive.DocumentIssued;
import gongkai.events.proactive.DocumentKind;
import gongkai.events.proactive.DocumentRepealed;
import gongkai.events.proactive.FeesCollected;
import gongkai.events.proactive.InformationPublished;
import gongkai.events.proactive.OpeningBalanceRecorded;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Streams of every kind of case event the read models follow, drawn from a seeded {@link Random}: applications
 * (consultations, corrections, withdrawals, answers and their corrections), the sources of table 二 and the
 * reconsiderations and lawsuits of table 四; what the replay tests compare live processing and rebuilds over.
 */
final class EveryKindOfEvent {

    private EveryKindOfEvent() {
    }

    static List<CaseEvent> applications(Random random, int count, String agency) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            LocalDate received = LocalDate.of(2022, 11, 1).plusDays(random.nextInt(700));
            ApplicantType type = ApplicantType.values()[random.nextInt(ApplicantType.values().length)];
            events.add(new ApplicationReceived(id, agency, received, Channel.ONLINE, type,
                                           new Applicant("申请人" + i, null, null, null, null), "信息"));
            LocalDate day = received;
            if (random.nextInt(4) == 0) {
                day = day.plusDays(2);
                events.add(new ConsultationStarted(id, day, "第三方"));
                day = day.plusDays(10);
                events.add(new ConsultationEnded(id, day));
            }
            if (random.nextInt(6) == 0) {
                ApplicantType corrected = ApplicantType.values()[(type.ordinal() + 1) % ApplicantType.values().length];
                events.add(new ApplicationCorrected(id, day, CorrectedField.applicantType, type.name(), corrected.name(),
                                                List.of(), "录入错误"));
            }
            int fate = random.nextInt(10);
            LocalDate answered = day.plusDays(3 + random.nextInt(40));
            if (fate == 0) {
                events.add(new ApplicationWithdrawn(id, answered));
            } else if (fate > 2) {
                Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
                List<Outcome> reasons = outcome == Outcome.PARTIALLY_DISCLOSED
                                        ? List.of(Outcome.WITHHELD_PROCESS_INFORMATION) : List.of();
                events.add(new ApplicationConcluded(id, answered, outcome, reasons, null));
                if (random.nextInt(5) == 0) {
                    events.add(new ApplicationCorrected(id, answered.plusDays(5), CorrectedField.outcome, outcome.name(),
                                                    Outcome.NOT_PROCESSED_DUPLICATE.name(), List.of(), "实为重复申请"));
                }
            }
        }
        return events;
    }

    static List<CaseEvent> tablesTwoAndFour(Random random, String agency) {
        List<CaseEvent> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String document = UUID.randomUUID().toString();
            events.add(new DocumentIssued(document, agency, DocumentKind.values()[i % 2], "文件" + i,
                                      LocalDate.of(2022, 3, 1).plusDays(random.nextInt(600))));
            if (i % 3 == 0) {
                events.add(new DocumentRepealed(document, LocalDate.of(2024, 6, 1)));
            }
        }
        events.add(new OpeningBalanceRecorded(agency, LocalDate.of(2022, 12, 31), 4, 9));
        for (int i = 0; i < 4; i++) {
            events.add(new DecisionsTallied(agency, UUID.randomUUID().toString(), DecisionCategory.values()[i % 2],
                                        LocalDate.of(2023, 1 + i, 1), LocalDate.of(2023, 1 + i, 28), 10 + random.nextInt(90)));
            events.add(new FeesCollected(agency, UUID.randomUUID().toString(), LocalDate.of(2023, 2 + i, 3),
                                     new BigDecimal(100 + random.nextInt(900))));
            events.add(new InformationPublished(agency, UUID.randomUUID().toString(), i % 2 == 0 ? "政策" : "通知", "条目" + i,
                                            LocalDate.of(2023, 3 + i, 5)));
        }
        for (int i = 0; i < 5; i++) {
            String review = UUID.randomUUID().toString();
            events.add(new ReviewFiled(review, agency, LocalDate.of(2023, 2 + i, 10), null, "复议机关"));
            if (i % 2 == 0) {
                events.add(new ReviewDecided(review, LocalDate.of(2023, 6 + i, 1), CaseResult.values()[i % 3], null));
            }
            if (i < 3) {
                String lawsuit = UUID.randomUUID().toString();
                events.add(new LawsuitFiled(lawsuit, agency, LocalDate.of(2023, 3 + i, 1),
                                        i == 0 ? Route.DIRECT : Route.AFTER_REVIEW, i == 0 ? null : review, null, "法院"));
                events.add(new LawsuitJudged(lawsuit, LocalDate.of(2023, 9, 1), CaseResult.UPHELD, false));
                events.add(new LawsuitJudged(lawsuit, LocalDate.of(2024, 2, 1), CaseResult.CORRECTED, true));
            }
        }
        return events;
    }

    /** 2024's official calendar published again with two more days off. */
    static WorkingDayCalendarPublished calendar2024WithOneMoreDayOff() {
        try (InputStream in = WorkingDayCalendarPublished.class.getResourceAsStream("/gongkai/calendar/2024.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\noff: 2024-03-15\noff: 2024-07-10\n";
            return new WorkingDayCalendarPublished(2024, "调整", text, LocalDate.of(2024, 1, 2));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
