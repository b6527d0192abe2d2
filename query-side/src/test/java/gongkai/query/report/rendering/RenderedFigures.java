package gongkai.query.report.rendering;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every figure of tables 二, 三 and 四, read off a rendering under its official labels, equals the JSON's. */
final class RenderedFigures {

    private RenderedFigures() {
    }

    static void assertEqualToJson(JsonNode report, FormGrid proactive, FormGrid applications, FormGrid reviews,
                                  String rendering) {
        OfficialForm.PROACTIVE_ROWS.forEach((row, path) -> {
            for (String figure : OfficialForm.PROACTIVE_FIGURES.get(row)) {
                assertThat(proactive.proactive(path, OfficialForm.FIGURE_LABELS.get(figure)))
                        .as(rendering + ": 二 " + row + "/" + figure).isEqualTo(expected(report, "proactive", row, figure));
            }
        });
        OfficialForm.APPLICATION_ROWS.forEach((row, rowPath) -> OfficialForm.APPLICATION_COLUMNS.forEach((column, columnPath) ->
                assertThat(applications.applications(rowPath, columnPath)).as(rendering + ": 三 " + row + "/" + column)
                        .isEqualTo(expected(report, "applications", row, column))));
        OfficialForm.REVIEW_GROUPS.forEach((group, groupPath) -> OfficialForm.REVIEW_FIGURES.forEach((figure, label) ->
                assertThat(reviews.reviewsAndLawsuits(groupPath, label)).as(rendering + ": 四 " + group + "/" + figure)
                        .isEqualTo(expected(report, "reviewsAndLawsuits", group, figure))));
    }

    /** The figure as the JSON writes it; empty where the JSON does not carry it. */
    static String expected(JsonNode report, String table, String row, String column) {
        JsonNode node = report.path(table).path(row).path(column);
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    /** How many figures the three tables have: 10 + 25 × 7 + 3 × 5. */
    static int count() {
        int proactive = OfficialForm.PROACTIVE_FIGURES.values().stream().mapToInt(List::size).sum();
        return proactive + OfficialForm.APPLICATION_ROWS.size() * OfficialForm.APPLICATION_COLUMNS.size()
               + OfficialForm.REVIEW_GROUPS.size() * OfficialForm.REVIEW_FIGURES.size();
    }
}
