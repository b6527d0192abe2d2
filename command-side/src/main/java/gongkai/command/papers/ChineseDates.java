package gongkai.command.papers;

import java.time.LocalDate;

/** A date as a Chinese official letter writes it: 2024年1月10日. */
final class ChineseDates {

    private ChineseDates() {
    }

    static String format(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
