package gongkai.query.cells;

import gongkai.command.testing.TestDatabase;
import gongkai.events.application.ApplicantType;
import gongkai.query.application.V6_4__answers_of_stored_applications;
import gongkai.query.counting.TableThree;
import gongkai.query.reads.ReadBatch;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tally read for many agencies at once (a root's roll-up and oversight board, in the form the years' range index
 * answers) gives what the same tally read agency by agency gives (in the form a single report uses): a seeded
 * random tally of 60 agencies over five years, with ranges of several years, open-ended ones and rows at zero.
 */
class ManyAgenciesTallyReadsTest {

    private static final long SEED = 20261207L;
    private static final List<String> ROW_KEYS = List.of("NEW", "CARRIED_OVER", "DISCLOSED", "UNAVAILABLE_NOT_HELD", "CARRIED_FORWARD");
    private static final List<String> AGENCIES = new ArrayList<>();
    private static JdbcTemplate jdbc;
    private static ApplicationCells cells;

    @BeforeAll
    static void aTallyOfSixtyAgencies() {
        System.out.println("ManyAgenciesTallyReadsTest seed " + SEED);
        String url = TestDatabase.newDatabase();
        SingleConnectionDataSource database = new SingleConnectionDataSource(
                url + (url.contains("?") ? "&" : "?") + "currentSchema=query_side", TestDatabase.USER, "", true);
        Flyway.configure().dataSource(database).schemas("query_side").defaultSchema("query_side")
              .locations("classpath:db/query-side").javaMigrations(new V6_4__answers_of_stored_applications()).load().migrate();
        jdbc = new JdbcTemplate(database);
        cells = new ApplicationCells(jdbc, new FiguresRevisions(jdbc));
        Random random = new Random(SEED);
        List<Object[]> rows = new ArrayList<>();
        for (int a = 0; a < 60; a++) {
            String agency = "agency-" + a;
            AGENCIES.add(agency);
            for (String row : ROW_KEYS) {
                for (ApplicantType column : ApplicantType.values()) {
                    for (int first = 2021; first <= 2025; first++) {
                        if (random.nextInt(3) == 0) {
                            continue;
                        }
                        int kind = random.nextInt(10);
                        Integer last = kind == 0 ? null : kind == 1 ? Math.min(2025, first + 1 + random.nextInt(2)) : first;
                        int applications = kind == 2 ? 0 : 1 + random.nextInt(9);
                        rows.add(new Object[]{agency, first, last, row, column.name(), applications});
                    }
                }
            }
        }
        jdbc.batchUpdate("insert into application_tally (agency_id, first_year, last_year, row_key, column_key, applications) "
                         + "values (?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
        jdbc.execute("analyze application_tally");
    }

    @Test
    void aRollUpOfManyAgenciesIsTheSumOfTheirOwnTablesForEachYear() {
        for (int year = 2022; year <= 2025; year++) {
            int y = year;
            ApplicationCells.TwoYears all = ReadBatch.now(jdbc, batch -> cells.countsWithYearBefore(batch, AGENCIES, y, null));
            int newOfAll = 0;
            Map<String, Map<String, Integer>> sumOfYear = zero();
            Map<String, Map<String, Integer>> sumOfYearBefore = zero();
            for (String agency : AGENCIES) {
                ApplicationCells.TwoYears own = ReadBatch.now(jdbc, batch -> cells.countsWithYearBefore(batch, agency, y, null));
                add(sumOfYear, TableThree.of(own.year()));
                add(sumOfYearBefore, TableThree.of(own.yearBefore()));
                newOfAll += TableThree.of(own.year()).get("NEW", "TOTAL");
            }
            assertThat(TableThree.of(all.year()).rows()).as("%d", year).isEqualTo(sumOfYear);
            assertThat(TableThree.of(all.yearBefore()).rows()).as("%d, the year before", year).isEqualTo(sumOfYearBefore);
            assertThat(newOfAll).as("something counted in %d", year).isPositive();
        }
    }

    @Test
    void eachAgencysTablesReadWithManyOthersAreItsOwn() {
        for (int year = 2022; year <= 2025; year++) {
            int y = year;
            Map<String, ApplicationCells.TwoTables> byAgency =
                    ReadBatch.now(jdbc, batch -> cells.countsWithYearBeforeByAgency(batch, AGENCIES, y));
            for (String agency : AGENCIES) {
                ApplicationCells.TwoYears own = ReadBatch.now(jdbc, batch -> cells.countsWithYearBefore(batch, agency, y, null));
                ApplicationCells.TwoTables read = byAgency.get(agency);
                assertThat(read).as("%s %d", agency, year).isNotNull();
                assertThat(read.year().rows()).as("%s %d", agency, year).isEqualTo(TableThree.of(own.year()).rows());
                assertThat(read.yearBefore().rows()).as("%s %d, the year before", agency, year)
                        .isEqualTo(TableThree.of(own.yearBefore()).rows());
            }
        }
    }

    private static Map<String, Map<String, Integer>> zero() {
        Map<String, Map<String, Integer>> zero = new LinkedHashMap<>();
        TableThree.of(List.of()).rows().forEach((row, columns) -> zero.put(row, new LinkedHashMap<>(columns)));
        return zero;
    }

    private static void add(Map<String, Map<String, Integer>> sum, TableThree table) {
        table.rows().forEach((row, columns) -> columns.forEach((column, value) -> sum.get(row).merge(column, value, Integer::sum)));
    }
}
