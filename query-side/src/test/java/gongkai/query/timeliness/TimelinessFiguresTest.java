package gongkai.query.timeliness;

import gongkai.events.calendar.WorkingDayCalendar;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelinessFiguresTest {

    @Test
    void theMedianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
        assertThat(TimelinessFigures.median(List.of())).isNull();
        assertThat(TimelinessFigures.median(List.of(34, 20, 21))).isEqualTo(BigDecimal.valueOf(21));
        assertThat(TimelinessFigures.median(List.of(34, 20, 21, 21))).isEqualTo(BigDecimal.valueOf(21));
        assertThat(TimelinessFigures.median(List.of(20, 21))).isEqualTo(new BigDecimal("20.5"));
    }

    @Test
    void theFiguresAddUpTheApplicationsAnsweredAlikeAndLeaveWithdrawalsApart() {
        TimelinessFigures figures = TimelinessFigures.of("a", 2024, List.of(
                new TimelinessFigures.Answers(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.ON_TIME, false, 20), 2, 3),
                new TimelinessFigures.Answers(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.LATE, true, 21), 1, 6),
                new TimelinessFigures.Answers(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.WITHOUT_DUE_DATE, false, null), 1, 0),
                new TimelinessFigures.Answers(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.WITHDRAWN, false, null), 2, 5)));
        // answered 2 + 1 + 1; paused 3 + 6 (a withdrawal's pauses are not an answer's); median of 20, 20, 21
        assertThat(figures).isEqualTo(new TimelinessFigures("a", 2024, 4, 2, 1, 1, 2, 1, 9, BigDecimal.valueOf(20)));
    }

    @Test
    void anAnswerAfterItsDueDateIsLateAndOneWithoutADueDateIsCountedApart() {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        LocalDate received = LocalDate.parse("2024-02-05");
        assertThat(TimelinessFigures.answerOf(new TimelinessFigures.Concluded(
                received, LocalDate.parse("2024-03-11"), LocalDate.parse("2024-03-08"), false, 10), calendar))
                .isEqualTo(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.LATE, true, 21));
        assertThat(TimelinessFigures.answerOf(new TimelinessFigures.Concluded(
                received, LocalDate.parse("2024-03-08"), null, false, 0), calendar))
                .isEqualTo(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.WITHOUT_DUE_DATE, false, 20));
        assertThat(TimelinessFigures.answerOf(new TimelinessFigures.Concluded(
                LocalDate.parse("2022-12-20"), LocalDate.parse("2023-01-10"), null, false, 0), calendar))
                .as("2022 is not shipped: the working days are not guessed")
                .isEqualTo(new TimelinessFigures.Answer(TimelinessFigures.AnswerKind.WITHOUT_DUE_DATE, false, null));
    }
}
