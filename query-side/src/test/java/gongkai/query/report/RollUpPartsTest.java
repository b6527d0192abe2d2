package gongkai.query.report;

import gongkai.events.application.ApplicantType;
import gongkai.events.proactive.DecisionCategory;
import gongkai.query.cells.Contributions.Table;
import gongkai.query.cells.Contributions;
import gongkai.query.counting.CellCount;
import gongkai.query.counting.CellSum;
import gongkai.query.counting.TableThree;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A roll-up adds up its agencies' parts (docs/agencies.md): the parts of a sum are the sums of the parts. */
class RollUpPartsTest {

    @Test
    void theSumOfTwoAgenciesAddsTheirCellsKeepsTheLatestOpeningBalanceAndCountsTheYearBeforeIfEitherDid() {
        ReportFigures.Parts township = parts(List.of(new CellSum("FEES", "amountTenThousandYuan", new BigDecimal("5000.50"))),
                                             3, 1, LocalDate.of(2023, 12, 31), false);
        ReportFigures.Parts department = parts(List.of(new CellSum("FEES", "amountTenThousandYuan", new BigDecimal("12500")),
                                                       new CellSum(DecisionCategory.LICENSING.rowKey(), "decisions", BigDecimal.TEN)),
                                               4, 0, LocalDate.of(2022, 12, 31), true);

        ReportFigures.Parts sum = ReportFigures.Parts.sum(List.of(township, department, ReportFigures.Parts.none()));

        ReportFigures.Figures figures = ReportFigures.checked(sum, 2024).figures();
        assertThat(figures.proactive().feesYuan()).isEqualByComparingTo("17500.50");
        assertThat(figures.proactive().rows().get(DecisionCategory.LICENSING.rowKey()).get("decisions")).isEqualTo(10);
        assertThat(figures.applications().get("NEW", "TOTAL")).isEqualTo(7);
        assertThat(sum.applicationsBefore().get("NEW", "TOTAL")).isEqualTo(1);
        assertThat(sum.openingBalance()).isEqualTo(LocalDate.of(2023, 12, 31));
        assertThat(sum.yearBeforeCounted()).isTrue();
    }

    @Test
    void sectionOneOfASumListsTheMostPublishedCategoryFirstAndTiesInTheOrderTheirCategoriesWereFirstRecorded() {
        List<Contributions.Published> county = List.of(new Contributions.Published("工作动态", BigDecimal.ONE, 7),
                                                       new Contributions.Published("行政许可类", BigDecimal.ONE, 9));
        List<Contributions.Published> township = List.of(new Contributions.Published("行政许可类", BigDecimal.ONE, 3),
                                                         new Contributions.Published("其他", BigDecimal.ONE, 5));

        Map<String, Integer> sum = Contributions.publishedByCategory(List.of(county, township));

        assertThat(sum.keySet()).containsExactly("行政许可类", "其他", "工作动态");
        assertThat(sum.values()).containsExactly(2, 1, 1);
    }

    private static ReportFigures.Parts parts(List<CellSum> proactive, int newThisYear, int newYearBefore,
                                             LocalDate openingBalance, boolean yearBeforeCounted) {
        Map<Table, List<List<CellSum>>> contributions = new LinkedHashMap<>();
        contributions.put(Table.PROACTIVE, List.of(proactive, List.of()));
        contributions.put(Table.REVIEWS_AND_LAWSUITS, List.of(List.of(), List.of()));
        return new ReportFigures.Parts(contributions, newApplications(newThisYear), newApplications(newYearBefore),
                                       openingBalance, yearBeforeCounted);
    }

    private static TableThree newApplications(int count) {
        return TableThree.of(List.of(new CellCount("NEW", ApplicantType.NATURAL_PERSON, count)));
    }
}
