package gongkai.events.store;

import gongkai.events.CaseResult;
import gongkai.events.agency.AgencyClosed;
import gongkai.events.agency.AgencyCreated;
import gongkai.events.agency.AgencyKind;
import gongkai.events.agency.AgencyMoved;
import gongkai.events.agency.AgencyRenamed;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationReopened;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.SubmissionReturned;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.ErasureBasis;
import gongkai.events.application.PersonalDataErased;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.personal.PersonalDataMigrated;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.ExtensionApproved;
import gongkai.events.application.ExtensionRefused;
import gongkai.events.application.ExtensionRequested;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.FeePaid;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementReceived;
import gongkai.events.application.SupplementRequested;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import gongkai.events.papers.AttachmentAdded;
import gongkai.events.papers.FileName;
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
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of every event at every revision it was ever stored in: a JSON file under
 * {@code events/<EventType>/rev-<revision>.json} (test resources) holding the payload exactly as it sits
 * in the event table, and here the event it must load as. {@code rev-none} is a payload stored without a
 * revision (before events carried one).
 *
 * <p>A field renamed, removed or retyped without an upcaster no longer loads as the event below, and a
 * new event type without a fixture fails {@code StoredEventFormsTest}.
 */
final class StoredEventFixtures {

    static final String APPLICATION = "4f1c2e9a-7d3b-4c55-9a0e-0b6f3d2a1c11";
    static final String REVIEW = "0c9e2b4a-1111-4c55-9a0e-0b6f3d2a1c11";
    static final String LAWSUIT = "0c9e2b4a-2222-4c55-9a0e-0b6f3d2a1c11";
    static final String DOCUMENT = "0c9e2b4a-3333-4c55-9a0e-0b6f3d2a1c11";
    static final String AGENCY = "xiaoying";

    private StoredEventFixtures() {
    }

    static LocalDate day(String date) {
        return LocalDate.parse(date);
    }

    /** The event each fixture loads as, by fixture ({@code <EventType>/rev-<revision>}). */
    static final Map<String, Object> EXPECTED = new LinkedHashMap<>();

    static {
        expect("ApplicationReceived/rev-1", new ApplicationReceived(
                APPLICATION, AGENCY, day("2024-03-04"), Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                new Applicant("张三", "110101199001011234", "13800000000", "zhangsan@example.cn", "北京市东城区某街1号"),
                "2023年道路维修预算"));
        expect("SupplementRequested/rev-1", new SupplementRequested(APPLICATION, day("2024-03-06"), day("2024-03-20"),
                                                                    "请说明所需信息的年份"));
        expect("SupplementReceived/rev-1", new SupplementReceived(APPLICATION, day("2024-03-11")));
        // A consultation stored before its party was renamed: read as revision 2 (ConsultedPartyRenamed).
        expect("ConsultationStarted/rev-none", new ConsultationStarted(APPLICATION, day("2023-03-06"), "某建筑公司"));
        expect("ConsultationStarted/rev-1", new ConsultationStarted(APPLICATION, day("2023-03-06"), "某建筑公司"));
        expect("ConsultationStarted/rev-2", new ConsultationStarted(APPLICATION, day("2024-03-12"), "市住建局"));
        expect("ConsultationEnded/rev-1", new ConsultationEnded(APPLICATION, day("2024-03-19")));
        expect("ReplyPeriodExtended/rev-1", new ReplyPeriodExtended(APPLICATION, day("2024-03-25"), 20, "需要调取档案"));
        expect("ExtensionRequested/rev-1", new ExtensionRequested(APPLICATION, day("2024-03-20"), 15, "需要调取档案"));
        // Revision 2 of the four below: the reason became personal (encrypted by the serializer above this form); the
        // form is unchanged, so a reason stored in clear at revision 1 reads as it was.
        expect("ExtensionRequested/rev-2", new ExtensionRequested(APPLICATION, day("2024-09-20"), 10, "需向第三方李某核实"));
        expect("ExtensionApproved/rev-1", new ExtensionApproved(APPLICATION, day("2024-03-21"), 15, "同意"));
        expect("ExtensionRefused/rev-1", new ExtensionRefused(APPLICATION, day("2024-03-21"), "理由不充分"));
        expect("ExtensionRefused/rev-2", new ExtensionRefused(APPLICATION, day("2024-09-21"), "李某的意见已在期限内收到"));
        expect("ApplicationTransferred/rev-1", new ApplicationTransferred(APPLICATION, AGENCY, "luanping", day("2024-03-05"),
                                                                          "该信息由县住建局制作"));
        expect("ApplicationTransferred/rev-2", new ApplicationTransferred(APPLICATION, AGENCY, "luanping", day("2024-09-05"),
                                                                          "申请人王某所问的补偿款由县财政局发放"));
        expect("ApplicationSignedFor/rev-1", new ApplicationSignedFor(APPLICATION, "luanping", day("2024-03-06")));
        expect("ApplicationSubmitted/rev-1", new ApplicationSubmitted(
                APPLICATION, AGENCY, java.time.Instant.parse("2024-03-03T14:05:00Z"), ApplicantType.NATURAL_PERSON,
                new Applicant("张三", "11010519491231002X", "13800000000", "zhangsan@example.cn", null), "2023年道路维修预算",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        expect("SubmissionReturned/rev-1", new SubmissionReturned(APPLICATION, day("2024-03-04"), "申请内容不属于政府信息"));
        expect("SubmissionReturned/rev-2", new SubmissionReturned(APPLICATION, day("2024-09-04"), "申请人张某的身份证明无法辨认"));
        expect("FeeNoticeIssued/rev-1", new FeeNoticeIssued(APPLICATION, day("2024-03-26"), new BigDecimal("100.50"),
                                                            day("2024-04-25")));
        expect("FeePaid/rev-1", new FeePaid(APPLICATION, day("2024-04-01")));
        expect("ApplicationWithdrawn/rev-1", new ApplicationWithdrawn(APPLICATION, day("2024-04-02")));
        expect("PersonalDataErased/rev-1", new PersonalDataErased(APPLICATION, day("2025-03-04"), ErasureBasis.PURPOSE_ACHIEVED,
                                                                  "答复已送达，申请人无异议", false));
        expect("PersonalDataSealed/rev-1", new PersonalDataSealed(APPLICATION, day("2034-04-03"), day("2024-04-02"), "P10Y"));
        expect("PersonalDataMigrated/rev-1", new PersonalDataMigrated("7d2c1f0e-5b4a-4c3d-9e8f-0a1b2c3d4e5f", LocalDate.of(2026, 12, 7),
                "启用个人信息加密，迁移此前以明文存储的事件", 3, 1L, 7L,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"));
        expect("PersonalDataUnsealed/rev-1", new PersonalDataUnsealed(APPLICATION, day("2034-05-06"), "行政诉讼需要调取申请人信息"));
        expect("ApplicationConcluded/rev-1", new ApplicationConcluded(
                APPLICATION, day("2024-04-10"), Outcome.PARTIALLY_DISCLOSED,
                List.of(Outcome.WITHHELD_STATE_SECRET, Outcome.WITHHELD_INTERNAL_AFFAIRS), "部分内容涉及内部事务"));
        expect("ApplicationReopened/rev-1", new ApplicationReopened(APPLICATION, day("2024-06-28"), REVIEW, null,
                                                                    "复议决定责令重新答复"));
        expect("ApplicationCorrected/rev-1", new ApplicationCorrected(
                APPLICATION, day("2024-04-12"), CorrectedField.outcome, "PARTIALLY_DISCLOSED", "WITHHELD_STATE_SECRET",
                List.of(Outcome.WITHHELD_STATE_SECRET), "答复结果登记有误"));
        expect("AttachmentAdded/rev-1", new AttachmentAdded(
                APPLICATION, "7b2d4e6f-2222-4c55-9a0e-0b6f3d2a1c11", new FileName("申请书扫描件.pdf"), "application/pdf", 18234,
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", null, day("2024-04-03")));
        expect("ReviewFiled/rev-1", new ReviewFiled(REVIEW, AGENCY, day("2024-05-06"), APPLICATION, "滦平县人民政府"));
        expect("ReviewDecided/rev-1", new ReviewDecided(REVIEW, day("2024-06-20"), CaseResult.CORRECTED, "责令重新答复"));
        expect("LawsuitFiled/rev-1", new LawsuitFiled(LAWSUIT, AGENCY, day("2024-07-01"), Route.AFTER_REVIEW, REVIEW,
                                                      APPLICATION, "滦平县人民法院"));
        expect("LawsuitJudged/rev-1", new LawsuitJudged(LAWSUIT, day("2024-09-30"), CaseResult.UPHELD, true));
        expect("DocumentIssued/rev-1", new DocumentIssued(DOCUMENT, AGENCY, DocumentKind.NORMATIVE_DOCUMENT,
                                                          "关于规范道路维修资金管理的通知", day("2024-02-01")));
        expect("DocumentRepealed/rev-1", new DocumentRepealed(DOCUMENT, day("2024-11-01")));
        expect("OpeningBalanceRecorded/rev-1", new OpeningBalanceRecorded(AGENCY, day("2024-01-01"), 2, 17));
        expect("DecisionsTallied/rev-1", new DecisionsTallied(AGENCY, "tally-2024-q1", DecisionCategory.PENALTY,
                                                              day("2024-01-01"), day("2024-03-31"), 5));
        expect("FeesCollected/rev-1", new FeesCollected(AGENCY, "fee-2024-1", day("2024-04-15"), new BigDecimal("1250.50")));
        expect("InformationPublished/rev-1", new InformationPublished(AGENCY, "publication-1", "行政许可类",
                                                                      "2024年第一季度行政许可公示", day("2024-04-03")));
        expect("NarrativeWritten/rev-1", new NarrativeWritten(AGENCY, 2024, "一、总体情况", "五、存在的主要问题",
                                                              "六、其他需要报告的事项", day("2025-01-10")));
        expect("ReportPublished/rev-1", new ReportPublished(AGENCY, 2024, day("2025-01-15")));
        expect("AgencyCreated/rev-1", new AgencyCreated(AGENCY, "小营镇人民政府", "luanping", AgencyKind.TOWNSHIP,
                                                        day("2020-01-01")));
        expect("AgencyRenamed/rev-1", new AgencyRenamed(AGENCY, "小营满族乡人民政府", day("2024-03-01")));
        expect("AgencyMoved/rev-1", new AgencyMoved(AGENCY, "chengde", day("2024-07-01")));
        expect("AgencyClosed/rev-1", new AgencyClosed(AGENCY, "anchungou", day("2025-01-01")));
        expect("WorkingDayCalendarPublished/rev-1", new WorkingDayCalendarPublished(
                2027, "国办发明电〔2026〕1号", "year: 2027\nnotice: 国办发明电〔2026〕1号\noff: 2027-01-01 # 元旦\n",
                day("2026-11-20")));
    }

    private static void expect(String fixture, Object event) {
        EXPECTED.put(fixture, event);
    }

    /** The type name a fixture's directory stands for: the stored payload type of that event. */
    static String payloadType(String fixture) {
        String simpleName = fixture.substring(0, fixture.indexOf('/'));
        return EXPECTED.entrySet().stream().filter(e -> e.getKey().startsWith(simpleName + "/")).findFirst()
                       .orElseThrow(() -> new IllegalArgumentException("no expected event for " + fixture))
                       .getValue().getClass().getName();
    }

    /** The stored revision a fixture's file name stands for ({@code null} for {@code rev-none}). */
    static String revision(String fixture) {
        String revision = fixture.substring(fixture.indexOf("/rev-") + "/rev-".length());
        return revision.equals("none") ? null : revision;
    }

    /** The stored payload of a fixture, as bytes (the event table's payload column). */
    static byte[] payload(String fixture) {
        try (InputStream in = StoredEventFixtures.class.getResourceAsStream("/events/" + fixture + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture events/" + fixture + ".json");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String payloadText(String fixture) {
        return new String(payload(fixture), StandardCharsets.UTF_8);
    }
}
