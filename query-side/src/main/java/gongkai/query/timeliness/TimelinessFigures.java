package gongkai.query.timeliness;

import gongkai.events.calendar.UnknownCalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How timely an agency answered in a year: figures shown beside the annual report, not part of the
 * national tables. Plain Java, from the applications concluded in the year (by the date of the
 * answer, as table 三 counts results).
 *
 * <ul>
 *   <li>{@code answered}: concluded by the agency in the year (an answer of any outcome, including the
 *       closings for a supplement or fee not given); withdrawals are counted apart ({@code withdrawn}),
 *       as the applicant, not the agency, ended those.</li>
 *   <li>{@code answeredOnTime} / {@code answeredLate}: answered on or before / after the due date of
 *       its reply period (pauses and extension included, on the calendar as known);
 *       {@code answeredWithoutDueDate}: those with no due date (closed while a supplement was awaited,
 *       or the calendar lacks a year).</li>
 *   <li>{@code extensionsUsed}: answered cases whose period was extended (第三十三条).</li>
 *   <li>{@code workingDaysPaused}: working days not counted for consultations and unpaid fee notices, summed
 *       over the answered cases.</li>
 *   <li>{@code medianWorkingDaysToAnswer}: the median, over the answered cases, of the working days from
 *       receipt (not counted) to the answer (counted), as the applicant waited: pauses and the time
 *       awaiting a supplement included. {@code null} when none can be counted.</li>
 * </ul>
 */
public record TimelinessFigures(String agencyId, int year, int answered, int answeredOnTime, int answeredLate,
                                int answeredWithoutDueDate, int withdrawn, int extensionsUsed, int workingDaysPaused,
                                BigDecimal medianWorkingDaysToAnswer) {

    /** What is known of one concluded application. */
    public record Concluded(LocalDate receivedOn, LocalDate concludedOn, LocalDate dueOn, boolean withdrawn,
                            int extensionWorkingDays) {
    }

    /** How a concluded application counts in the figures of the year of its conclusion. */
    public enum AnswerKind {
        ON_TIME, LATE, WITHOUT_DUE_DATE, WITHDRAWN
    }

    /**
     * One application's part in the figures, worked out when it is stored (and again when the calendar
     * changes), so that the figures of a year add up stored parts instead of reading every application.
     * {@code workingDaysToAnswer} is null when the calendar lacks a year in between: never guessed.
     */
    public record Answer(AnswerKind kind, boolean extended, Integer workingDaysToAnswer) {
    }

    public static Answer answerOf(Concluded c, WorkingDayCalendar calendar) {
        if (c.withdrawn()) {
            return new Answer(AnswerKind.WITHDRAWN, false, null);
        }
        AnswerKind kind = c.dueOn() == null ? AnswerKind.WITHOUT_DUE_DATE
                          : c.concludedOn().isAfter(c.dueOn()) ? AnswerKind.LATE : AnswerKind.ON_TIME;
        Integer waited;
        try {
            waited = calendar.workingDaysBetween(c.receivedOn(), c.concludedOn());
        } catch (UnknownCalendarYear e) {
            waited = null;
        }
        return new Answer(kind, c.extensionWorkingDays() > 0, waited);
    }

    /** The applications of a year that answered alike, with the working days they paused. */
    public record Answers(Answer answer, int applications, int pausedWorkingDays) {
    }

    public static TimelinessFigures of(String agencyId, int year, List<Answers> answers) {
        int answered = 0;
        int onTime = 0;
        int late = 0;
        int withoutDueDate = 0;
        int withdrawn = 0;
        int extensions = 0;
        int paused = 0;
        List<Integer> waited = new ArrayList<>();
        for (Answers alike : answers) {
            Answer a = alike.answer();
            int n = alike.applications();
            switch (a.kind()) {
                case WITHDRAWN -> {
                    withdrawn += n;
                    continue;
                }
                case ON_TIME -> onTime += n;
                case LATE -> late += n;
                case WITHOUT_DUE_DATE -> withoutDueDate += n;
            }
            answered += n;
            if (a.extended()) {
                extensions += n;
            }
            paused += alike.pausedWorkingDays();
            if (a.workingDaysToAnswer() != null) {
                waited.addAll(Collections.nCopies(n, a.workingDaysToAnswer()));
            }
        }
        return new TimelinessFigures(agencyId, year, answered, onTime, late, withoutDueDate, withdrawn, extensions,
                                     paused, median(waited));
    }

    static BigDecimal median(List<Integer> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        if (n % 2 == 1) {
            return BigDecimal.valueOf(sorted.get(n / 2));
        }
        int sum = sorted.get(n / 2 - 1) + sorted.get(n / 2);
        return sum % 2 == 0 ? BigDecimal.valueOf(sum / 2)
                            : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(2), 1, RoundingMode.UNNECESSARY);
    }
}
