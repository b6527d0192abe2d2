package gongkai.events;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportPublished;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of reconsiderations, lawsuits, proactive disclosure and the report's text survive the
 * stored JSON ({@link gongkai.events.store.StoredEventFormat}) unchanged, and store only their own
 * fields (not the derived caseId and businessDate).
 */
class CaseEventsJsonTest {

    private static final LocalDate DAY = LocalDate.of(2024, 1, 10);

    static Stream<CaseEvent> events() {
        return Stream.of(
                new ReviewFiled("r1", "xiaoying", DAY, null, "滦平县人民政府"),
                new ReviewDecided("r1", DAY, CaseResult.CORRECTED, null),
                new LawsuitFiled("l1", "xiaoying", DAY, Route.AFTER_REVIEW, "r1", "a1", "法院"),
                new LawsuitJudged("l1", DAY, CaseResult.UPHELD, true),
                new DocumentIssued("d1", "xiaoying", DocumentKind.RULE, "规章", DAY),
                new DocumentRepealed("d1", DAY),
                new OpeningBalanceRecorded("xiaoying", DAY, 2, 17),
                new DecisionsTallied("xiaoying", "t1", DecisionCategory.PENALTY, DAY, DAY, 5),
                new FeesCollected("xiaoying", "f1", DAY, new BigDecimal("1250.50")),
                new InformationPublished("xiaoying", "p1", "行政许可类", "标题", DAY),
                new NarrativeWritten("xiaoying", 2023, "一", "五", "六", DAY),
                new ReportPublished("xiaoying", 2023, DAY),
                new WorkingDayCalendarPublished(2027, "国办发明电〔2026〕1号",
                                                "year: 2027\nnotice: 国办发明电〔2026〕1号\noff: 2027-01-01 # 元旦\n", DAY));
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventReadsBackAsItWasWritten(CaseEvent event) throws Exception {
        ObjectMapper json = gongkai.events.store.StoredEventFormat.objectMapper();
        String written = json.writeValueAsString(event);
        assertThat(json.readValue(written, event.getClass())).isEqualTo(event);
        assertThat(written).doesNotContain("caseId").doesNotContain("businessDate");
    }

    @ParameterizedTest
    @MethodSource("events")
    void anEventNamesItsCaseAndItsBusinessDate(CaseEvent event) {
        assertThat(event.caseId()).isNotBlank();
        assertThat(event.businessDate()).isEqualTo(DAY);
    }

    @Test
    void theRegisterAndTheReportAreNamedAfterTheirAgencyAndYear() {
        assertThat(new OpeningBalanceRecorded("xiaoying", DAY, 0, 0).caseId()).isEqualTo("register:xiaoying");
        assertThat(new NarrativeWritten("xiaoying", 2023, "", "", "", DAY).caseId()).isEqualTo("report:xiaoying:2023");
        assertThat(new ReportPublished("xiaoying", 2023, DAY).caseId()).isEqualTo("report:xiaoying:2023");
    }

    @Test
    void aYearsCalendarIsNamedAfterItsYearAndReadsBackAsTheYearItPublished() {
        WorkingDayCalendarPublished published = new WorkingDayCalendarPublished(
                2027, "通知", "year: 2027\nnotice: 通知\noff: 2027-01-01\n", DAY);
        assertThat(published.caseId()).isEqualTo("calendar:2027");
        assertThat(published.calendarYear().daysOff()).containsExactly(LocalDate.of(2027, 1, 1));
    }
}
