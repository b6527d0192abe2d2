package gongkai.query.counting;

import java.math.BigDecimal;

/** One figure of table 二 or 四: the sum of a (row, column)'s contributions. */
public record CellSum(String rowKey, String columnKey, BigDecimal value) {
}
