package gongkai.events.calendar;

/**
 * Years for the tests of "a year without a calendar": far enough ahead that no official calendar will
 * ship for them while this code lives (the next year's notice appears every autumn and is then shipped,
 * so a near year would turn such a test false). 2098 gets a test calendar; 2099 has none.
 */
final class FarYears {

    /** A test calendar for 2098: National Day week off, December plain (Monday to Friday worked). */
    static final CalendarYear Y2098 = CalendarYear.parse(2098, """
            year: 2098
            notice: 2098 年节假日安排（测试数据）
            off: 2098-10-01..2098-10-07
            """);

    /** The official calendar with 2098 added: 2099 is the year without data. */
    static WorkingDayCalendar officialWith2098() {
        return WorkingDayCalendar.official().withYear(Y2098);
    }

    private FarYears() {
    }
}
