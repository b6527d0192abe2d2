package gongkai.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Working-day arithmetic on the official calendars of docs/lifecycle.md's table ("Working days and the calendars").
 * Every expected value is counted by hand in the comment beside it ("n: date" = the n-th working day counted).
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.official();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    // ---- the shipped data ------------------------------------------------------------------

    @Test
    void theOfficialCalendarShips2023To2026WithTheirNotices() {
        assertThat(calendar.years()).containsExactly(2023, 2024, 2025, 2026);
        assertThat(calendar.year(2023).orElseThrow().notice()).isEqualTo("国办发明电〔2022〕16号");
        assertThat(calendar.year(2024).orElseThrow().notice()).isEqualTo("国办发明电〔2023〕7号");
        assertThat(calendar.year(2025).orElseThrow().notice()).isEqualTo("国办发明电〔2024〕12号");
        assertThat(calendar.year(2026).orElseThrow().notice()).contains("2026").contains("2025年11月4日");
    }

    @Test
    void theShippedWorkedWeekendDaysAreExactlyThoseOfTheNotices() {
        assertThat(calendar.year(2023).orElseThrow().workedWeekendDays()).containsExactly(
                d("2023-01-28"), d("2023-01-29"), d("2023-04-23"), d("2023-05-06"), d("2023-06-25"),
                d("2023-10-07"), d("2023-10-08"));
        assertThat(calendar.year(2024).orElseThrow().workedWeekendDays()).containsExactly(
                d("2024-02-04"), d("2024-02-18"), d("2024-04-07"), d("2024-04-28"), d("2024-05-11"),
                d("2024-09-14"), d("2024-09-29"), d("2024-10-12"));
        assertThat(calendar.year(2025).orElseThrow().workedWeekendDays()).containsExactly(
                d("2025-01-26"), d("2025-02-08"), d("2025-04-27"), d("2025-09-28"), d("2025-10-11"));
        assertThat(calendar.year(2026).orElseThrow().workedWeekendDays()).containsExactly(
                d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"),
                d("2026-10-10"));
    }

    @Test
    void theShippedDaysOffAreExactlyThoseOfTheNotices() {
        // Count of days in the ranges of docs/lifecycle.md's table of calendars (31 Dec 2022 belongs to 2022, not
        // 2023): 2023: 2 + 7 + 1 + 5 + 3 + 8 = 26; 2024: 1 + 8 + 3 + 5 + 1 + 3 + 7 = 28;
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33.
        assertThat(calendar.year(2023).orElseThrow().daysOff()).hasSize(26).first().isEqualTo(d("2023-01-01"));
        assertThat(calendar.year(2024).orElseThrow().daysOff()).hasSize(28)
                .contains(d("2024-01-01"), d("2024-06-10"), d("2024-10-07"));
        assertThat(calendar.year(2025).orElseThrow().daysOff()).hasSize(28)
                .contains(d("2025-01-28"), d("2025-02-04"), d("2025-06-02"), d("2025-10-08"));
        assertThat(calendar.year(2026).orElseThrow().daysOff()).hasSize(33)
                .contains(d("2026-02-15"), d("2026-02-23"), d("2026-06-19"), d("2026-09-25"));
    }

    @Test
    void aWorkingDayIsMondayToFridayUnlessADayOff() {
        assertThat(calendar.isWorkingDay(d("2024-03-06"))).isTrue();   // an ordinary Wednesday
        assertThat(calendar.isWorkingDay(d("2024-03-09"))).isFalse();  // an ordinary Saturday
        assertThat(calendar.isWorkingDay(d("2024-01-01"))).isFalse();  // 元旦, a Monday
        assertThat(calendar.isWorkingDay(d("2025-10-08"))).isFalse();  // 国庆 2025, a Wednesday
    }

    // ---- 2024 Spring Festival: 10–17 Feb off, Sun 4 Feb and Sun 18 Feb worked ---------------

    @Test
    void springFestival2024WeekdaysAreOffAndTheAdjustedSundaysAreWorked() {
        assertThat(calendar.isWorkingDay(d("2024-02-04"))).isTrue();   // Sunday, 调休上班
        assertThat(calendar.isWorkingDay(d("2024-02-09"))).isTrue();   // Friday before the holiday
        for (LocalDate day = d("2024-02-10"); !day.isAfter(d("2024-02-17")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(d("2024-02-18"))).isTrue();   // Sunday, 调休上班
        assertThat(calendar.isWorkingDay(d("2024-02-25"))).isFalse();  // an ordinary Sunday
    }

    @Test
    void addingWorkingDaysJumpsTheSpringFestival2024OntoTheWorkedSunday() {
        // From Thu 8 Feb: 1: Fri 9 Feb; 10–17 Feb off; 2: Sun 18 Feb (worked).
        assertThat(calendar.addWorkingDays(d("2024-02-08"), 2)).isEqualTo(d("2024-02-18"));
        // From Fri 2 Feb: Sat 3 Feb is a weekend; 1: Sun 4 Feb (worked).
        assertThat(calendar.addWorkingDays(d("2024-02-02"), 1)).isEqualTo(d("2024-02-04"));
    }

    @Test
    void workingDaysBetweenCountsTheEndButNotTheStart() {
        // Fri 9 Feb excluded, 10–17 Feb all off: none.
        assertThat(calendar.workingDaysBetween(d("2024-02-09"), d("2024-02-17"))).isZero();
        // (1 Feb, 29 Feb]: Fri 2, Sun 4, Mon 5 – Fri 9 = 7; Sun 18, Mon 19 – Fri 23 = 6 (13); Mon 26 – Thu 29 = 4 (17).
        assertThat(calendar.workingDaysBetween(d("2024-02-01"), d("2024-02-29"))).isEqualTo(17);
        // Same day: nothing; reversed: negative.
        assertThat(calendar.workingDaysBetween(d("2024-02-05"), d("2024-02-05"))).isZero();
        assertThat(calendar.workingDaysBetween(d("2024-02-29"), d("2024-02-01"))).isEqualTo(-17);
    }

    // ---- 2023 National Day: 29 Sep – 6 Oct off, Sat 7 and Sun 8 Oct worked -------------------

    @Test
    void nationalDayWeek2023IsOffAndTheFollowingWeekendIsWorked() {
        assertThat(calendar.isWorkingDay(d("2023-09-28"))).isTrue();   // Thursday
        assertThat(calendar.isWorkingDay(d("2023-09-29"))).isFalse();  // Friday, 中秋
        assertThat(calendar.isWorkingDay(d("2023-10-02"))).isFalse();  // Monday
        assertThat(calendar.isWorkingDay(d("2023-10-06"))).isFalse();  // Friday
        assertThat(calendar.isWorkingDay(d("2023-10-07"))).isTrue();   // Saturday, 调休上班
        assertThat(calendar.isWorkingDay(d("2023-10-08"))).isTrue();   // Sunday, 调休上班
    }

    @Test
    void addingWorkingDaysAcrossNationalDay2023() {
        // From Thu 28 Sep: 29 Sep – 6 Oct off; 1: Sat 7 Oct; 2: Sun 8 Oct; 3: Mon 9 Oct.
        assertThat(calendar.addWorkingDays(d("2023-09-28"), 1)).isEqualTo(d("2023-10-07"));
        assertThat(calendar.addWorkingDays(d("2023-09-28"), 3)).isEqualTo(d("2023-10-09"));
        // (Wed 27 Sep, Tue 10 Oct]: Thu 28 Sep, Sat 7, Sun 8, Mon 9, Tue 10 Oct = 5.
        assertThat(calendar.workingDaysBetween(d("2023-09-27"), d("2023-10-10"))).isEqualTo(5);
    }

    // ---- year boundary 2025 → 2026: 1–3 Jan 2026 off, Sun 4 Jan worked -----------------------

    @Test
    void countingCrossesFrom2025Into2026OnBothYearsData() {
        // From Mon 29 Dec 2025: 1: Tue 30 Dec; 2: Wed 31 Dec; 1–3 Jan off; 3: Sun 4 Jan 2026 (worked).
        assertThat(calendar.addWorkingDays(d("2025-12-29"), 3)).isEqualTo(d("2026-01-04"));
        // (Fri 26 Dec 2025, Fri 9 Jan 2026]: 29, 30, 31 Dec = 3; Sun 4, Mon 5 – Fri 9 Jan = 6; 9.
        assertThat(calendar.workingDaysBetween(d("2025-12-26"), d("2026-01-09"))).isEqualTo(9);
        assertThat(calendar.workingDaysBetween(d("2026-01-09"), d("2025-12-26"))).isEqualTo(-9);
    }

    @Test
    void addingZeroWorkingDaysIsTheStartItselfAndNegativeIsRefused() {
        assertThat(calendar.addWorkingDays(d("2024-02-10"), 0)).isEqualTo(d("2024-02-10"));
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2024-02-10"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- unknown years ---------------------------------------------------------------------

    @Test
    void aDateInAYearWithoutDataIsRefusedNamingTheYear() {
        assertThatThrownBy(() -> calendar.isWorkingDay(d("2099-01-05")))
                .isInstanceOfSatisfying(UnknownCalendarYear.class, e -> assertThat(e.year()).isEqualTo(2099))
                .hasMessage("2099 年工作日历尚未录入 (no working-day calendar for 2099)");
        // The New Year holiday of the 2023 notice began on Sat 31 Dec 2022: 2022 is still unknown.
        assertThatThrownBy(() -> calendar.isWorkingDay(d("2022-12-31")))
                .isInstanceOfSatisfying(UnknownCalendarYear.class, e -> assertThat(e.year()).isEqualTo(2022));
    }

    @Test
    void countingIntoAYearWithoutDataIsRefusedNotGuessed() {
        // From Tue 30 Dec 2098: 1: Wed 31 Dec; then 1 Jan 2099 has no data.
        WorkingDayCalendar with2098 = FarYears.officialWith2098();
        assertThatThrownBy(() -> with2098.addWorkingDays(d("2098-12-30"), 5))
                .isInstanceOfSatisfying(UnknownCalendarYear.class, e -> assertThat(e.year()).isEqualTo(2099));
        assertThatThrownBy(() -> with2098.workingDaysBetween(d("2098-12-30"), d("2099-01-05")))
                .isInstanceOf(UnknownCalendarYear.class);
        assertThatThrownBy(() -> WorkingDayCalendar.empty().isWorkingDay(d("2024-03-06")))
                .isInstanceOf(UnknownCalendarYear.class);
    }

    @Test
    void aCalendarAsksEachDayOfItsYearsAsTheYearItselfAnswersNearOrCenturiesApartAndRefusesTheYearsBetween() {
        CalendarYear far = CalendarYear.parse(2399, "year: 2399\nnotice: 测试\noff: 2399-05-03\nwork: 2399-05-08\n");
        WorkingDayCalendar spread = calendar.withYear(far);
        for (CalendarYear year : List.of(calendar.year(2023).orElseThrow(), calendar.year(2024).orElseThrow(),
                                          calendar.year(2025).orElseThrow(), calendar.year(2026).orElseThrow(), far)) {
            for (LocalDate day = LocalDate.of(year.year(), 1, 1); day.getYear() == year.year(); day = day.plusDays(1)) {
                assertThat(spread.isWorkingDay(day)).as(day.toString()).isEqualTo(year.isWorkingDay(day));
            }
        }
        assertThatThrownBy(() -> spread.isWorkingDay(d("2300-01-05")))
                .isInstanceOfSatisfying(UnknownCalendarYear.class, e -> assertThat(e.year()).isEqualTo(2300));
        assertThatThrownBy(() -> spread.isWorkingDay(d("2200-06-01")))
                .isInstanceOfSatisfying(UnknownCalendarYear.class, e -> assertThat(e.year()).isEqualTo(2200));
    }

    // ---- adding and replacing years --------------------------------------------------------

    @Test
    void addingAYearReturnsANewCalendarAndLeavesTheOfficialOneAlone() {
        CalendarYear y2099 = CalendarYear.parse(2099, """
                year: 2099
                notice: 国务院办公厅关于2099年部分节假日安排的通知（测试数据）
                off: 2099-01-01
                """);
        List<Integer> official = List.copyOf(calendar.years());
        WorkingDayCalendar extended = calendar.withYear(FarYears.Y2098).withYear(y2099);

        assertThat(extended.years()).containsAll(official).contains(2098, 2099).hasSize(official.size() + 2);
        assertThat(calendar.years()).containsExactlyElementsOf(official).doesNotContain(2098, 2099);
        // From Wed 31 Dec 2098: Thu 1 Jan 2099 off; 1: Fri 2 Jan 2099.
        assertThat(extended.addWorkingDays(d("2098-12-31"), 1)).isEqualTo(d("2099-01-02"));
        assertThatThrownBy(() -> calendar.withYear(FarYears.Y2098).addWorkingDays(d("2098-12-31"), 1))
                .isInstanceOf(UnknownCalendarYear.class);
    }

    @Test
    void replacingAYearChangesOnlyThatYear() {
        CalendarYear y2024 = calendar.year(2024).orElseThrow();
        Set<LocalDate> moreOff = new TreeSet<>(y2024.daysOff());
        moreOff.add(d("2024-03-06"));
        WorkingDayCalendar replaced = calendar.withYear(
                CalendarYear.of(2024, y2024.notice() + " + local holiday", moreOff, y2024.workedWeekendDays()));

        assertThat(replaced.isWorkingDay(d("2024-03-06"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2024-03-06"))).isTrue();
        assertThat(replaced.year(2023)).isEqualTo(calendar.year(2023));
    }

    // ---- the text format -------------------------------------------------------------------

    @Test
    void theTextFormatAcceptsRangesCommentsAndChineseKeys() {
        CalendarYear y = CalendarYear.parse(2027, """
                # a comment line

                year: 2027
                notice： 国办发明电〔2026〕99号（测试）   # a full-width colon is accepted too
                休: 2027-02-05..2027-02-11          # 春节 (test data)
                work: 2027-02-13..2027-02-14       # a worked weekend
                """);

        assertThat(y.notice()).isEqualTo("国办发明电〔2026〕99号（测试）");
        assertThat(y.daysOff()).hasSize(7).first().isEqualTo(d("2027-02-05"));
        assertThat(y.workedWeekendDays()).containsExactly(d("2027-02-13"), d("2027-02-14"));
        assertThat(y.isWorkingDay(d("2027-02-08"))).isFalse();
        assertThat(y.isWorkingDay(d("2027-02-14"))).isTrue();
    }

    @Test
    void aNewYearHolidayRangeStartingInThePreviousYearKeepsOnlyThisYearsPart() {
        CalendarYear y = CalendarYear.parse(2023, """
                year: 2023
                notice: 国办发明电〔2022〕16号
                off: 2022-12-31..2023-01-02
                """);
        assertThat(y.daysOff()).containsExactly(d("2023-01-01"), d("2023-01-02"));
    }

    @Test
    void aWeekdayCannotBeAnAdjustedWorkingDay() {
        assertThatThrownBy(() -> CalendarYear.parse(2024, """
                year: 2024
                notice: test
                off: 2024-01-01
                work: 2024-02-05
                """))
                .isInstanceOfSatisfying(CalendarFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("2024-02-05").hasMessageContaining("MONDAY");
    }

    @Test
    void theTextMustBeForTheYearItIsUploadedAs() {
        assertThatThrownBy(() -> CalendarYear.parse(2027, """
                year: 2026
                notice: test
                off: 2026-01-01
                """))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("not of 2027");
        assertThatThrownBy(() -> CalendarYear.parse(2027, """
                year: 2027
                notice: test
                off: 2026-10-01
                """))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("not in 2027");
    }

    @Test
    void theTextMustNameItsNoticeAndGiveDaysOffAndMakeSense() {
        assertThatThrownBy(() -> CalendarYear.parse(2027, "year: 2027\noff: 2027-01-01\n"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("notice");
        assertThatThrownBy(() -> CalendarYear.parse(2027, "year: 2027\nnotice: test\n"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("no day off");
        assertThatThrownBy(() -> CalendarYear.parse(2027, "notice: test\noff: 2027-01-01\n"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("year: 2027");
        assertThatThrownBy(() -> CalendarYear.parse(2027, "year: 2027\nnotice: t\noff: 2027-02-30\n"))
                .isInstanceOfSatisfying(CalendarFormatException.class, e -> assertThat(e.line()).isEqualTo(3));
        assertThatThrownBy(() -> CalendarYear.parse(2027, "year: 2027\nnotice: t\noff: 2027-02-10..2027-02-01\n"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> CalendarYear.parse(2027, "year: 2027\nnotice: t\nholiday: 2027-01-01\n"))
                .isInstanceOf(CalendarFormatException.class).hasMessageContaining("unknown key 'holiday'");
        // Sat 6 Feb 2027 both off and worked.
        assertThatThrownBy(() -> CalendarYear.parse(2027, "year: 2027\nnotice: t\noff: 2027-02-06\nwork: 2027-02-06\n"))
                .isInstanceOfSatisfying(CalendarFormatException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("both");
    }

    @Test
    void eachShippedYearHasItsWeekdaysMinusWeekdayHolidaysPlusWorkedWeekends() {
        // 2023 starts on a Sunday, 365 days: 52 weeks + Sun = 260 weekdays. Weekday holidays: 2 Jan (1),
        // 23–27 Jan (5), 5 Apr (1), 1–3 May (3), 22–23 Jun (2), 29 Sep + 2–6 Oct (6) = 18; worked 7: 249.
        assertThat(calendar.workingDaysBetween(d("2022-12-31"), d("2023-12-31"))).isEqualTo(260 - 18 + 7);
        // 2024 starts on a Monday, 366 days: 52 weeks + Mon, Tue = 262 weekdays. Weekday holidays: 1 Jan (1),
        // 12–16 Feb (5), 4–5 Apr (2), 1–3 May (3), 10 Jun (1), 16–17 Sep (2), 1–4 + 7 Oct (5) = 19; worked 8: 251.
        assertThat(calendar.workingDaysBetween(d("2023-12-31"), d("2024-12-31"))).isEqualTo(262 - 19 + 8);
        // 2025 starts on a Wednesday: 52 weeks + Wed = 261 weekdays. Weekday holidays: 1 Jan (1), 28–31 Jan +
        // 3–4 Feb (6), 4 Apr (1), 1–2 + 5 May (3), 2 Jun (1), 1–3 + 6–8 Oct (6) = 18; worked 5: 248.
        assertThat(calendar.workingDaysBetween(d("2024-12-31"), d("2025-12-31"))).isEqualTo(261 - 18 + 5);
        // 2026 starts on a Thursday: 52 weeks + Thu = 261 weekdays. Weekday holidays: 1–2 Jan (2), 16–20 +
        // 23 Feb (6), 6 Apr (1), 1 + 4–5 May (3), 19 Jun (1), 25 Sep (1), 1–2 + 5–7 Oct (5) = 19; worked 6: 248.
        assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-12-31"))).isEqualTo(261 - 19 + 6);
    }
}
