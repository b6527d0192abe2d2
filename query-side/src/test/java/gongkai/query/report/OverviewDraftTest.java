package gongkai.query.report;

import gongkai.query.counting.CellSum;
import gongkai.query.counting.TableFour;
import gongkai.query.counting.TableThree;
import gongkai.query.counting.TableTwo;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Section 一's generated sentences quote the same figures as the tables. */
class OverviewDraftTest {

    @Test
    void theSeedsYearReadsAsTheSeedSaysWithThePendingReconsideration() {
        Map<String, Integer> published = new LinkedHashMap<>();
        published.put("行政许可类", 274);
        published.put("行政处罚类", 5);
        published.put("预算决算类", 2);
        published.put("工作动态", 2);
        published.put("其他", 2);
        ReportFigures.Figures figures = new ReportFigures.Figures(
                TableTwo.of(List.of(new CellSum("LICENSING", "decisions", BigDecimal.valueOf(274)),
                                    new CellSum("PENALTY", "decisions", BigDecimal.valueOf(5)))),
                TableThree.of(List.of()),
                TableFour.of(List.of(new CellSum("REVIEW", "PENDING", BigDecimal.ONE),
                                     new CellSum("REVIEW", "TOTAL", BigDecimal.ONE))));

        String draft = OverviewDraft.of(2023, published, figures);

        assertThat(draft).contains("2023年，本机关主动公开政府信息285条。主动公开政府信息主要类别有：行政许可类274条；"
                                   + "行政处罚类5条；预算决算类2条；工作动态2条；其他2条。")
                         .contains("作出行政许可决定274件、行政处罚决定5件、行政强制决定0件；收取行政事业性收费0.0000万元。")
                         .contains("2023年度本机关未收到政府信息公开申请")
                         .contains("行政复议1件（结果维持0件、结果纠正0件、其他结果0件、尚未审结1件），行政诉讼0件");
        assertThat(draft.split("\n")).hasSize(3);
    }
}
