package gongkai.query.oversight;

import gongkai.events.agency.AgencyKind;
import gongkai.query.oversight.ReportDeadline.Standing;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** 条例第四十九条: departments report by 31 January, the people's government by 31 March of the next year. */
class ReportDeadlineTest {

    static final LocalDate FEBRUARY_FIRST = LocalDate.of(2025, 2, 1);

    @Test
    void aDepartmentNotPublishedBy31JanuaryIsLate() {
        assertThat(ReportDeadline.standing(AgencyKind.DEPARTMENT, 2024, null, LocalDate.of(2025, 1, 31)))
                .isEqualTo(Standing.NOT_YET_DUE);
        assertThat(ReportDeadline.standing(AgencyKind.DEPARTMENT, 2024, null, FEBRUARY_FIRST)).isEqualTo(Standing.LATE);
    }

    @Test
    void theGovernmentsOwnReportIsDueBy31March() {
        assertThat(ReportDeadline.standing(AgencyKind.PEOPLES_GOVERNMENT, 2024, null, FEBRUARY_FIRST))
                .isEqualTo(Standing.NOT_YET_DUE);
        assertThat(ReportDeadline.standing(AgencyKind.PEOPLES_GOVERNMENT, 2024, LocalDate.of(2025, 3, 31), FEBRUARY_FIRST))
                .isEqualTo(Standing.PUBLISHED_IN_TIME);
        assertThat(ReportDeadline.standing(AgencyKind.PEOPLES_GOVERNMENT, 2024, LocalDate.of(2025, 4, 1), FEBRUARY_FIRST))
                .isEqualTo(Standing.PUBLISHED_LATE);
    }

    @Test
    void aReportPublishedAfterItsDeadlineStaysLateAndOnePublishedOnItIsInTime() {
        assertThat(ReportDeadline.late(ReportDeadline.standing(AgencyKind.TOWNSHIP, 2024, LocalDate.of(2025, 1, 31),
                                                               FEBRUARY_FIRST))).isFalse();
        assertThat(ReportDeadline.late(ReportDeadline.standing(AgencyKind.TOWNSHIP, 2024, LocalDate.of(2025, 2, 1),
                                                               FEBRUARY_FIRST))).isTrue();
    }

    @Test
    void anAgencyOfNoKindIsNeverJudgedLate() {
        assertThat(ReportDeadline.standing(null, 2024, null, LocalDate.of(2026, 1, 1))).isEqualTo(Standing.DEADLINE_UNKNOWN);
    }
}
