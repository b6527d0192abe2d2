package gongkai.command.golive;

import gongkai.command.golive.GoingLiveWorkbook.ApplicationRow;
import gongkai.command.golive.GoingLiveWorkbook.PreviousYear;
import gongkai.command.golive.GoingLiveWorkbook.RowProblem;
import gongkai.events.application.ApplicantType;

import java.util.ArrayList;
import java.util.List;

/**
 * The first year's cross-year check, made when going live (docs/annual-report.md, checks of table 三:
 * CARRIED_OVER of Y = CARRIED_FORWARD of Y−1): the open applications imported that were received in the previous
 * year or before are what the first year carries over, so, applicant type by type, they must number what the
 * previous year's published report carried forward. Where they do not, the import says so, naming the type and
 * both numbers. Plain Java.
 */
public final class CarryOverCheck {

    private CarryOverCheck() {
    }

    public static List<RowProblem> problems(List<ApplicationRow> applications, PreviousYear previous) {
        List<RowProblem> problems = new ArrayList<>();
        if (previous == null) {
            return problems;
        }
        for (ApplicantType type : ApplicantType.values()) {
            long open = applications.stream()
                    .filter(a -> a.applicantType() == type && a.receivedOn() != null
                                 && a.receivedOn().getYear() <= previous.year())
                    .count();
            int published = previous.carriedForward().getOrDefault(type, 0);
            if (open != published) {
                problems.add(new RowProblem(GoingLiveWorkbook.PREVIOUS_YEAR, 0, type.label(),
                        previous.year() + " 年年报“结转下年度继续办理”为 " + published + " 件，而导入的 " + previous.year()
                        + " 年及以前收到、尚未办结的申请为 " + open + " 件：" + (previous.year() + 1)
                        + " 年的“上年结转”将与上年年报不符，请核对申请表或上年数据"));
            }
        }
        return problems;
    }
}
