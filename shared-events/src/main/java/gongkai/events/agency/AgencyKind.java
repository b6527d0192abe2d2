package gongkai.events.agency;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * What kind of organ an agency is: it decides the legal deadline of its annual report (条例第四十九条:
 * a department of a government at or above county level reports by 31 January, the people's government
 * publishes its own by 31 March). See docs/agencies.md.
 */
public enum AgencyKind {
    /** 人民政府 (the government itself, whose report its 政府信息公开工作主管部门 publishes). */
    PEOPLES_GOVERNMENT("人民政府", MonthDay.of(3, 31)),
    /** 政府部门 (a department of a government at or above county level). */
    DEPARTMENT("政府部门", MonthDay.of(1, 31)),
    /** 乡镇人民政府、街道办事处: reports to the county by the departments' date, as the county's own report gathers it. */
    TOWNSHIP("乡镇（街道）", MonthDay.of(1, 31)),
    /** 垂直管理单位 (a vertically-led unit): a department by its function. */
    VERTICALLY_LED("垂直管理单位", MonthDay.of(1, 31));

    private final String label;
    private final MonthDay reportDeadline;

    AgencyKind(String label, MonthDay reportDeadline) {
        this.label = label;
        this.reportDeadline = reportDeadline;
    }

    public String label() {
        return label;
    }

    /** The last day on which the report of {@code year} is published in time: in the following year. */
    public LocalDate reportDeadline(int year) {
        return reportDeadline.atYear(year + 1);
    }
}
