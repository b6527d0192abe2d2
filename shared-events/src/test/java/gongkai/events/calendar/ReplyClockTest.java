package gongkai.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gongkai.events.calendar.ClockEvent.Concluded;
import gongkai.events.calendar.ClockEvent.ConsultationEnded;
import gongkai.events.calendar.ClockEvent.ConsultationStarted;
import gongkai.events.calendar.ClockEvent.Extended;
import gongkai.events.calendar.ClockEvent.FeeNoticeIssued;
import gongkai.events.calendar.ClockEvent.FeePaid;
import gongkai.events.calendar.ClockEvent.Received;
import gongkai.events.calendar.ClockEvent.SupplementReceived;
import gongkai.events.calendar.ClockEvent.SupplementRequested;
import gongkai.events.calendar.ReplyDeadline.State;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reply clock on the official 2024 calendar (docs/lifecycle.md, "The reply period"). The working days of the weeks
 * used, from the table (10–17 Feb off, Sun 4 Feb and Sun 18 Feb worked, 4–6 Apr off, Sun 7 Apr worked):
 * <pre>
 *   Feb: Mon 5 – Fri 9 | (10–17 off) Sun 18 | Mon 19 – Fri 23 | Mon 26 – Thu 29
 *   Mar: Fri 1 | Mon 4 – Fri 8 | Mon 11 – Fri 15 | Mon 18 – Fri 22 | Mon 25 – Fri 29
 *   Apr: Mon 1 – Wed 3 | (4–6 off) Sun 7 | Mon 8 – Fri 12 | Mon 15 – Tue 16
 * </pre>
 * The base case, received Mon 5 Feb 2024 (the day of receipt not counted): 1–4: 6–9 Feb;
 * 5: Sun 18 Feb; 6–10: 19–23 Feb; 11–14: 26–29 Feb; 15: 1 Mar; 16–20: 4–8 Mar. Due Fri 8 Mar 2024.
 * The supplement deadline: receipt + 7 working days: 6, 7, 8, 9, 18, 19, 20 Feb → Tue 20 Feb.
 */
class ReplyClockTest {

    private final ReplyClock clock = new ReplyClock(WorkingDayCalendar.official());

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private ReplyDeadline compute(ClockEvent... events) {
        return clock.compute(List.of(events));
    }

    // ---- the plain period ------------------------------------------------------------------

    @Test
    void replyIsDue20WorkingDaysAfterReceiptAcrossTheSpringFestival() {
        ReplyDeadline r = compute(new Received(d("2024-02-05")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-08"));
        assertThat(r.state()).isEqualTo(State.RUNNING);
        assertThat(r.paused()).isFalse();
        assertThat(r.supplementRequestDeadline()).isEqualTo(d("2024-02-20"));
        assertThat(r.unknownReason()).isNull();
        assertThat(r.pausedWorkingDays()).isZero();
        assertThat(r.extensionWorkingDays()).isZero();
        assertThat(r.countedWorkingDays()).isEqualTo(20);
        assertThat(r.explanation()).isEqualTo("20 个工作日自 2024-02-05 起算；答复期限至 2024-03-08");
    }

    @Test
    void workingDaysLeftIsZeroOnTheDueDateAndNegativeWhenOverdue() {
        ReplyDeadline r = compute(new Received(d("2024-02-05")));
        // Due Fri 8 Mar. From Wed 6 Mar: Thu 7, Fri 8 = 2. From Mon 11 Mar: back to Fri 8 is 1 working day.
        assertThat(clock.workingDaysLeft(r, d("2024-03-06"))).hasValue(2);
        assertThat(clock.workingDaysLeft(r, d("2024-03-08"))).hasValue(0);
        assertThat(clock.workingDaysLeft(r, d("2024-03-09"))).hasValue(0);  // Saturday after: nothing lost yet
        assertThat(clock.workingDaysLeft(r, d("2024-03-11"))).hasValue(-1);
        // On the day of receipt: all 20 (6–9 Feb, 18 Feb, 19–23 Feb, 26 Feb – 1 Mar, 4–8 Mar).
        assertThat(clock.workingDaysLeft(r, d("2024-02-05"))).hasValue(20);
    }

    // ---- supplement (第三十条) ---------------------------------------------------------------

    @Test
    void theClockStopsWhileASupplementIsAwaited() {
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new SupplementRequested(d("2024-02-07")));

        assertThat(r.state()).isEqualTo(State.AWAITING_SUPPLEMENT);
        assertThat(r.awaitingSupplement()).isTrue();
        assertThat(r.dueOn()).isNull();
        assertThat(r.unknownReason()).isNull();
        assertThat(r.supplementRequestDeadline()).isEqualTo(d("2024-02-20"));
        assertThat(r.explanation()).isEqualTo("2024-02-07 要求补正，计时中止；收到补正之日起重新计算 20 个工作日");
        assertThat(clock.workingDaysLeft(r, d("2024-02-08"))).isEmpty();
    }

    @Test
    void replyPeriodRestartsFromZeroWhenTheSupplementArrives() {
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new SupplementRequested(d("2024-02-07")), new SupplementReceived(d("2024-02-19")));

        // Counted after Mon 19 Feb, the 3 days used before the request forgotten:
        // 1–4: 20–23 Feb; 5–8: 26–29 Feb; 9: 1 Mar; 10–14: 4–8 Mar; 15–19: 11–15 Mar; 20: Mon 18 Mar.
        assertThat(r.dueOn()).isEqualTo(d("2024-03-18"));
        assertThat(r.state()).isEqualTo(State.RUNNING);
        assertThat(r.explanation()).isEqualTo(
                "2024-02-07 要求补正，计时中止；20 个工作日自 2024-02-19（收到补正之日）重新起算；答复期限至 2024-03-18");
    }

    @Test
    void aSupplementRequestAfterTheSeventhWorkingDayIsNotedNotRefused() {
        // The 7th working day after 5 Feb is Tue 20 Feb; requested Wed 21 Feb, supplied Fri 23 Feb.
        // Counted after 23 Feb: 1–4: 26–29 Feb; 5: 1 Mar; 6–10: 4–8 Mar; 11–15: 11–15 Mar; 16–20: 18–22 Mar.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new SupplementRequested(d("2024-02-21")), new SupplementReceived(d("2024-02-23")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-22"));
        assertThat(r.explanation()).contains("晚于收到申请后第 7 个工作日 2024-02-20");
    }

    @Test
    void aConsultationBeforeASupplementNoLongerCountsOnceThePeriodRestarts() {
        // Consultation Tue 6 – Thu 8 Feb, supplement requested Fri 9 Feb, received Tue 20 Feb.
        // Counted after 20 Feb: 1–3: 21–23 Feb; 4–7: 26–29 Feb; 8: 1 Mar; 9–13: 4–8 Mar; 14–18: 11–15 Mar;
        // 19: Mon 18; 20: Tue 19 Mar. The consultation's days (7, 8 Feb) belong to the discarded period.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-06")), new ConsultationEnded(d("2024-02-08")),
                new SupplementRequested(d("2024-02-09")), new SupplementReceived(d("2024-02-20")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-19"));
        assertThat(r.pausedWorkingDays()).isZero();
        assertThat(r.explanation()).doesNotContain("暂停");
    }

    @Test
    void aConsultationStillOpenWhenTheSupplementArrivesPausesTheRestartedPeriod() {
        // Consultation Tue 6 – Wed 21 Feb spans the supplement (requested 7 Feb, received Mon 19 Feb).
        // After 19 Feb: Tue 20, Wed 21 paused (2); 1–2: 22–23 Feb; 3–6: 26–29 Feb; 7: 1 Mar; 8–12: 4–8 Mar;
        // 13–17: 11–15 Mar; 18–20: 18–20 Mar. Due Wed 20 Mar (= Mon 18 Mar + 2 working days).
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new ConsultationStarted(d("2024-02-06")),
                new SupplementRequested(d("2024-02-07")), new SupplementReceived(d("2024-02-19")),
                new ConsultationEnded(d("2024-02-21")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-20"));
        assertThat(r.pausedWorkingDays()).isEqualTo(2);
    }

    // ---- consultation (第三十二条, 第三十三条) ---------------------------------------------------

    @Test
    void aConsultationPausesTheClockForTheWorkingDaysAfterItStartsUpToTheDayItEnds() {
        // Consultation Mon 19 Feb – Tue 27 Feb: paused (19 Feb, 27 Feb] = 20, 21, 22, 23, 26, 27 Feb = 6.
        // Counted: 1–4: 6–9 Feb; 5: 18 Feb; 6: 19 Feb; 7–8: 28–29 Feb; 9: 1 Mar; 10–14: 4–8 Mar;
        // 15–19: 11–15 Mar; 20: Mon 18 Mar (= Fri 8 Mar + 6 working days).
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-19")), new ConsultationEnded(d("2024-02-27")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-18"));
        assertThat(r.pausedWorkingDays()).isEqualTo(6);
        assertThat(r.explanation()).isEqualTo("20 个工作日自 2024-02-05 起算；征求意见暂停 6 个工作日；答复期限至 2024-03-18");
    }

    @Test
    void aPauseCountsTheWorkingDaysAfterItsStartUpToAndIncludingItsEnd() {
        // Consultation Thu 29 Feb – Sat 2 Mar: (29 Feb, 2 Mar] holds one working day, Fri 1 Mar; the start day
        // 29 Feb still counts in the period (it would not under the other convention, [start, end), which
        // would pause 29 Feb and 1 Mar). Counted: 14 by 29 Feb; 1 Mar paused; 15–19: 4–8 Mar; 20: Mon 11 Mar.
        ReplyDeadline thuToSat = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-29")), new ConsultationEnded(d("2024-03-02")));
        assertThat(thuToSat.pausedWorkingDays()).isEqualTo(1);
        assertThat(thuToSat.dueOn()).isEqualTo(d("2024-03-11"));

        // A pause begun and ended the same day pauses nothing.
        ReplyDeadline sameDay = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-20")), new ConsultationEnded(d("2024-02-20")));
        assertThat(sameDay.pausedWorkingDays()).isZero();
        assertThat(sameDay.dueOn()).isEqualTo(d("2024-03-08"));
    }

    @Test
    void whileAConsultationIsOpenTheDueDateIsUnknownAndTheClockShowsWhatIsLeft() {
        // Consultation from Mon 19 Feb, not ended. Counted up to it: 6–9 Feb, 18, 19 Feb = 6; 14 left.
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new ConsultationStarted(d("2024-02-19")));

        assertThat(r.state()).isEqualTo(State.PAUSED);
        assertThat(r.paused()).isTrue();
        assertThat(r.dueOn()).isNull();
        assertThat(r.countedWorkingDays()).isEqualTo(6);
        assertThat(clock.workingDaysLeft(r, d("2024-03-20"))).hasValue(14);
        assertThat(r.explanation()).isEqualTo(
                "20 个工作日自 2024-02-05 起算；征求意见自 2024-02-19 起暂停，尚未结束：已计 6 个工作日，尚余 14 个工作日");
    }

    @Test
    void aConsultationBegunAfterTheDueDateDoesNotReviveThePeriod() {
        // Due Fri 8 Mar; consultation 11–15 Mar comes too late to stop anything.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-03-11")), new ConsultationEnded(d("2024-03-15")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-08"));
        assertThat(r.pausedWorkingDays()).isZero();
        // Even while still open: the period had already run out.
        ReplyDeadline open = compute(new Received(d("2024-02-05")), new ConsultationStarted(d("2024-03-11")));
        assertThat(open.state()).isEqualTo(State.RUNNING);
        assertThat(open.dueOn()).isEqualTo(d("2024-03-08"));
    }

    // ---- extension (第三十三条) --------------------------------------------------------------

    @Test
    void anExtensionAddsItsWorkingDaysAfterThePauses() {
        // Consultation 19–27 Feb (6 days) gives Mon 18 Mar; extension of 10 decided Mon 11 Mar:
        // 1–4: 19–22 Mar; 5–9: 25–29 Mar; 10: Mon 1 Apr.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-19")), new ConsultationEnded(d("2024-02-27")),
                new Extended(d("2024-03-11"), 10));

        assertThat(r.dueOn()).isEqualTo(d("2024-04-01"));
        assertThat(r.extensionWorkingDays()).isEqualTo(10);
        assertThat(r.explanation()).isEqualTo(
                "20 个工作日自 2024-02-05 起算；征求意见暂停 6 个工作日；延期 10 个工作日；答复期限至 2024-04-01");
    }

    @Test
    void afterASupplementAConsultationAndAnExtensionAllThreeApplyInTurn() {
        // Supplement requested 7 Feb, received Mon 19 Feb: 20 days from 19 Feb give Mon 18 Mar.
        // Consultation Mon 26 Feb – Mon 4 Mar: paused 27, 28, 29 Feb, 1, 4 Mar = 5: Mon 25 Mar
        // (19, 20, 21, 22, 25 Mar). Extension of 15 decided Wed 20 Mar: 1–4: 26–29 Mar; 5–7: 1–3 Apr;
        // (4–6 Apr off) 8: Sun 7 Apr; 9–13: 8–12 Apr; 14: Mon 15; 15: Tue 16 Apr.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new SupplementRequested(d("2024-02-07")), new SupplementReceived(d("2024-02-19")),
                new ConsultationStarted(d("2024-02-26")), new ConsultationEnded(d("2024-03-04")),
                new Extended(d("2024-03-20"), 15));

        assertThat(r.dueOn()).isEqualTo(d("2024-04-16"));
        assertThat(r.pausedWorkingDays()).isEqualTo(5);
        assertThat(r.extensionWorkingDays()).isEqualTo(15);
        assertThat(r.explanation()).isEqualTo("2024-02-07 要求补正，计时中止；20 个工作日自 2024-02-19（收到补正之日）重新起算；"
                + "征求意见暂停 5 个工作日；延期 15 个工作日；答复期限至 2024-04-16");
    }

    @Test
    void anExtensionDecidedWhileTheClockIsPausedCountsOnceThePauseEnds() {
        // Consultation from Mon 26 Feb; extension of 20 decided Tue 27 Feb while it is open.
        // Counted before the pause: 6–9 Feb, 18 Feb, 19–23 Feb, 26 Feb = 11 of 40; 29 left.
        ReplyDeadline paused = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-26")), new Extended(d("2024-02-27"), 20));
        assertThat(paused.state()).isEqualTo(State.PAUSED);
        assertThat(paused.dueOn()).isNull();
        assertThat(paused.extensionWorkingDays()).isEqualTo(20);
        assertThat(clock.workingDaysLeft(paused, d("2024-02-29"))).hasValue(29);

        // Ended Mon 4 Mar: paused 27, 28, 29 Feb, 1, 4 Mar = 5. 8 Mar + 5 = Fri 15 Mar; + 20:
        // 1–5: 18–22 Mar; 6–10: 25–29 Mar; 11–13: 1–3 Apr; (4–6 Apr off) 14: Sun 7 Apr; 15–19: 8–12 Apr; 20: Mon 15 Apr.
        ReplyDeadline ended = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-26")), new Extended(d("2024-02-27"), 20),
                new ConsultationEnded(d("2024-03-04")));
        assertThat(ended.state()).isEqualTo(State.RUNNING);
        assertThat(ended.dueOn()).isEqualTo(d("2024-04-15"));
        assertThat(ended.pausedWorkingDays()).isEqualTo(5);
    }

    @Test
    void anExtensionDecidedAfterThePeriodRanOutIsAddedButNoted() {
        // Due Fri 8 Mar; extension of 5 decided Mon 11 Mar: 11–15 Mar → Fri 15 Mar.
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new Extended(d("2024-03-11"), 5));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-15"));
        assertThat(r.explanation()).contains("延期 5 个工作日（延期决定 2024-03-11 晚于原答复期限 2024-03-08）");
    }

    // ---- fee notice (第四十二条) -------------------------------------------------------------

    @Test
    void anUnpaidFeeNoticePausesTheClockUntilPayment() {
        // Notice Tue 20 Feb, paid Fri 1 Mar: paused (20 Feb, 1 Mar] = 21, 22, 23, 26, 27, 28, 29 Feb, 1 Mar = 8.
        // 8 Mar + 8: 11–15 Mar (5), 18, 19, 20 Mar (8) → Wed 20 Mar.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new FeeNoticeIssued(d("2024-02-20")), new FeePaid(d("2024-03-01")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-20"));
        assertThat(r.pausedWorkingDays()).isEqualTo(8);
        assertThat(r.explanation()).isEqualTo("20 个工作日自 2024-02-05 起算；信息处理费待缴暂停 8 个工作日；答复期限至 2024-03-20");
    }

    @Test
    void aFeeNoticeNotYetPaidKeepsTheClockPaused() {
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new FeeNoticeIssued(d("2024-02-20")));

        assertThat(r.state()).isEqualTo(State.PAUSED);
        assertThat(r.dueOn()).isNull();
        // Counted: 6–9 Feb, 18, 19, 20 Feb = 7.
        assertThat(r.countedWorkingDays()).isEqualTo(7);
    }

    @Test
    void aWorkingDayUnderAConsultationAndAFeeNoticeAtOnceIsPausedOnce() {
        // Consultation (19 Feb, 27 Feb] = 20–23, 26, 27 Feb (6); fee (22 Feb, 1 Mar] = 23, 26–29 Feb, 1 Mar (6);
        // union = 20–23, 26–29 Feb, 1 Mar = 9. 8 Mar + 9: 11–15 Mar (5), 18–21 Mar (9) → Thu 21 Mar.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-19")), new FeeNoticeIssued(d("2024-02-22")),
                new ConsultationEnded(d("2024-02-27")), new FeePaid(d("2024-03-01")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-21"));
        assertThat(r.pausedWorkingDays()).isEqualTo(9);
        assertThat(r.explanation()).contains("征求意见暂停 6 个工作日", "信息处理费待缴暂停 6 个工作日",
                "重叠的暂停只计一次，合计暂停 9 个工作日");
    }

    // ---- conclusion --------------------------------------------------------------------------

    @Test
    void aConclusionKeepsTheDueDateAndSaysHowLateItCame() {
        // Due Fri 8 Mar, concluded Tue 12 Mar: 11, 12 Mar = 2 working days late.
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new Concluded(d("2024-03-12")));

        assertThat(r.state()).isEqualTo(State.CONCLUDED);
        assertThat(r.dueOn()).isEqualTo(d("2024-03-08"));
        assertThat(r.explanation()).endsWith("答复期限至 2024-03-08；2024-03-12 结案，逾期 2 个工作日");
        assertThat(clock.workingDaysLeft(r, d("2024-03-12"))).isEmpty();
    }

    @Test
    void aConclusionDuringAnOpenConsultationEndsThePauseThatDay() {
        // Consultation from Mon 19 Feb, concluded Tue 27 Feb: paused as if ended 27 Feb (6 days) → 18 Mar.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-19")), new Concluded(d("2024-02-27")));

        assertThat(r.state()).isEqualTo(State.CONCLUDED);
        assertThat(r.dueOn()).isEqualTo(d("2024-03-18"));
        assertThat(r.pausedWorkingDays()).isEqualTo(6);
        assertThat(r.explanation()).endsWith("2024-02-27 结案");
    }

    // ---- more combinations --------------------------------------------------------------------

    @Test
    void twoConsultationsOneAfterTheOtherPauseTheClockForBoth() {
        // (6 Feb, 8 Feb] = 7, 8 Feb and (20 Feb, 22 Feb] = 21, 22 Feb: 4 working days.
        // Counted: 6 Feb; 9 Feb; 18 Feb; 19, 20 Feb; 23 Feb; 26–29 Feb; 1 Mar; 4–8 Mar; 11–14 Mar = 20.
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new ConsultationStarted(d("2024-02-06")), new ConsultationEnded(d("2024-02-08")),
                new ConsultationStarted(d("2024-02-20")), new ConsultationEnded(d("2024-02-22")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-14"));
        assertThat(r.pausedWorkingDays()).isEqualTo(4);
        assertThat(r.explanation()).isEqualTo("20 个工作日自 2024-02-05 起算；征求意见暂停 4 个工作日；答复期限至 2024-03-14");
    }

    @Test
    void aConsultationThatEndsWhileTheSupplementIsAwaitedPausesNothingOfTheRestartedPeriod() {
        // Consultation 6–9 Feb lies wholly before the supplement arrives (19 Feb): the restarted period,
        // counted after 19 Feb, is the plain one: Mon 18 Mar.
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new ConsultationStarted(d("2024-02-06")),
                new SupplementRequested(d("2024-02-07")), new ConsultationEnded(d("2024-02-09")),
                new SupplementReceived(d("2024-02-19")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-18"));
        assertThat(r.pausedWorkingDays()).isZero();
    }

    @Test
    void anExtensionDecidedWhileAFeeNoticeIsUnpaidCountsOnceTheFeeIsPaid() {
        // Notice Tue 20 Feb: counted 6–9 Feb, 18, 19, 20 Feb = 7. Extension of 15 decided Thu 22 Feb.
        ReplyDeadline paused = compute(new Received(d("2024-02-05")),
                new FeeNoticeIssued(d("2024-02-20")), new Extended(d("2024-02-22"), 15));
        assertThat(paused.state()).isEqualTo(State.PAUSED);
        assertThat(paused.dueOn()).isNull();
        assertThat(paused.periodWorkingDays()).isEqualTo(35);
        assertThat(clock.workingDaysLeft(paused, d("2024-02-29"))).hasValue(28);

        // Paid Fri 1 Mar: paused 21–23, 26–29 Feb, 1 Mar = 8, so the 20th day is Wed 20 Mar; then 15 more:
        // 21, 22 Mar (2); 25–29 Mar (7); 1–3 Apr (10); (4–6 Apr off) Sun 7 Apr (11); 8–11 Apr (15) → Thu 11 Apr.
        ReplyDeadline paid = compute(new Received(d("2024-02-05")),
                new FeeNoticeIssued(d("2024-02-20")), new Extended(d("2024-02-22"), 15), new FeePaid(d("2024-03-01")));
        assertThat(paid.state()).isEqualTo(State.RUNNING);
        assertThat(paid.dueOn()).isEqualTo(d("2024-04-11"));
        assertThat(paid.explanation()).isEqualTo(
                "20 个工作日自 2024-02-05 起算；信息处理费待缴暂停 8 个工作日；延期 15 个工作日；答复期限至 2024-04-11");
    }

    @Test
    void anApplicationConcludedWhileTheSupplementIsAwaitedHasNoDueDate() {
        // 第三十条: the applicant did not supplement; closed as OTHER_SUPPLEMENT_OVERDUE (or withdrawn).
        ReplyDeadline r = compute(new Received(d("2024-02-05")),
                new SupplementRequested(d("2024-02-07")), new Concluded(d("2024-03-11")));

        assertThat(r.state()).isEqualTo(State.CONCLUDED);
        assertThat(r.dueOn()).isNull();
        assertThat(r.unknownReason()).isNull();
        assertThat(r.explanation()).isEqualTo(
                "2024-02-07 要求补正，计时中止；收到补正之日起重新计算 20 个工作日；2024-03-11 结案（未收到补正）");
    }

    @Test
    void factsAfterTheConclusionChangeNothingAndAreNoted() {
        ReplyDeadline r = compute(new Received(d("2024-02-05")), new Concluded(d("2024-02-20")),
                new ConsultationStarted(d("2024-02-21")));

        assertThat(r.dueOn()).isEqualTo(d("2024-03-08"));
        assertThat(r.explanation()).endsWith("2024-02-20 结案；结案后的 1 个事件不影响答复期限");
    }

    // ---- the calendar as data ----------------------------------------------------------------

    @Test
    void aYearWithoutCalendarDataGivesAnUnknownReasonNotAnException() {
        ReplyClock with2098 = new ReplyClock(FarYears.officialWith2098());
        // Received Wed 10 Dec 2098: counted 11, 12, 15–19, 22–26, 29–31 Dec = 15, then 2099 has no data.
        // The supplement deadline, 7 working days (11, 12, 15–19 Dec), is still known: Fri 19 Dec 2098.
        ReplyDeadline r = with2098.compute(List.of(new Received(d("2098-12-10"))));

        assertThat(r.dueOn()).isNull();
        assertThat(r.unknownReason()).isEqualTo("2099 年工作日历尚未录入 (no working-day calendar for 2099)");
        assertThat(r.supplementRequestDeadline()).isEqualTo(d("2098-12-19"));
        assertThat(r.explanation()).contains("答复期限无法计算：2099 年工作日历尚未录入");
        assertThat(with2098.workingDaysLeft(r, d("2098-12-20"))).isEmpty();

        // Received in 2099 itself: nothing can be computed, still no exception.
        ReplyDeadline in2099 = with2098.compute(List.of(new Received(d("2099-01-05"))));
        assertThat(in2099.dueOn()).isNull();
        assertThat(in2099.supplementRequestDeadline()).isNull();
        assertThat(in2099.unknownReason()).contains("2099");
    }

    @Test
    void onceTheMissingYearIsUploadedTheDueDateIsComputed() {
        ReplyClock with2099 = new ReplyClock(FarYears.officialWith2098().withYear(CalendarYear.parse(2099, """
                year: 2099
                notice: 2099 年节假日安排（测试数据）
                off: 2099-01-01
                """)));
        // 15 counted by 31 Dec 2098; Thu 1 Jan 2099 off; 16: Fri 2 Jan; 17–20: Mon 5 – Thu 8 Jan 2099.
        assertThat(with2099.compute(List.of(new Received(d("2098-12-10")))).dueOn()).isEqualTo(d("2099-01-08"));
    }

    @Test
    void replacingThe2024CalendarWithOneMoreHolidayMovesTheDueDateByOneWorkingDay() throws IOException {
        // The shipped 2024 text as an administrator would upload it, plus Mon 26 Feb as a day off.
        String text = resource("gongkai/calendar/2024.txt") + "\noff: 2024-02-26   # an extra holiday (test)\n";
        ReplyClock amended = new ReplyClock(WorkingDayCalendar.official().withYear(CalendarYear.parse(2024, text)));

        // Without 26 Feb the 20th working day after 5 Feb is 8 Mar; with it, 11 Mar.
        assertThat(amended.compute(List.of(new Received(d("2024-02-05")))).dueOn()).isEqualTo(d("2024-03-11"));
        assertThat(clock.compute(List.of(new Received(d("2024-02-05")))).dueOn()).isEqualTo(d("2024-03-08"));
    }

    // ---- sequences the command side never produces -------------------------------------------

    @Test
    void impossibleSequencesAreProgrammingErrors() {
        Received received = new Received(d("2024-02-05"));
        assertThatThrownBy(() -> compute()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compute(new ConsultationStarted(d("2024-02-05"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("receipt");
        assertThatThrownBy(() -> compute(received, new Extended(d("2024-02-06"), 5), new Extended(d("2024-02-07"), 5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("once");
        assertThatThrownBy(() -> compute(received, new Extended(d("2024-02-06"), 21)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("20");
        assertThatThrownBy(() -> compute(received, new SupplementReceived(d("2024-02-06"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compute(received, new ConsultationEnded(d("2024-02-06"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compute(received, new ConsultationStarted(d("2024-02-08")), new FeePaid(d("2024-02-09"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> compute(received, new ConsultationStarted(d("2024-02-08")), new ConsultationStarted(d("2024-02-09"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already open");
        assertThatThrownBy(() -> compute(received, new SupplementRequested(d("2024-02-04"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("order");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ReplyClockTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
