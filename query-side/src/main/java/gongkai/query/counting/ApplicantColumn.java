package gongkai.query.counting;

import gongkai.events.application.ApplicantType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The columns of table 三 (申请人情况): the six applicant types, then 总计. */
public record ApplicantColumn(String key, String label) {

    public static final String TOTAL = "TOTAL";

    public static final List<ApplicantColumn> ALL;

    static {
        List<ApplicantColumn> columns = new ArrayList<>();
        for (ApplicantType type : ApplicantType.values()) {
            columns.add(new ApplicantColumn(type.name(), type.label()));
        }
        columns.add(new ApplicantColumn(TOTAL, "总计"));
        ALL = Collections.unmodifiableList(columns);
    }

    public static boolean exists(String key) {
        return ALL.stream().anyMatch(column -> column.key.equals(key));
    }
}
