package gongkai.query.application;

import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.calendar.ClockEvent;
import gongkai.events.calendar.ProvisionalCalendar.ProvisionalDue;
import gongkai.events.calendar.ReplyDeadline;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.cells.ApplicationCells;
import gongkai.query.timeliness.TimelinessFigures;
import gongkai.query.timeliness.TimelinessTally;
import gongkai.query.counting.ApplicationCounting.CountedCell;
import gongkai.query.counting.ApplicationCounting;
import gongkai.query.counting.ApplicationFacts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch of application events does to the read model, worked out in memory and written
 * once, at the end of the batch, in a few JDBC batches (the processor's batch is one transaction
 * with its token). An application is read from the tables at most once per batch; its facts, its
 * cells of table 三 (each opened or closed at the instant of the event that did it, exactly as if
 * the events were handled one by one) and its reply clock follow every event in memory.
 * This is what makes a replay fast: one JDBC round trip per event would cost far more than the
 * event's handling itself, whereas writes collected and flushed once per batch cost a few round trips
 * per batch.
 */
final class ApplicationBatch {

    /** One application as the batch knows it. */
    static final class Working {
        ApplicationFacts facts;
        final boolean stored;
        Instant firstRecordedAt;
        Instant lastRecordedAt;
        int events;
        List<ClockEvent> clock;
        ReplyDeadline deadline;
        /** The provisional due date beside a clock a missing calendar year leaves without one; else null. */
        ProvisionalDue provisional;
        /** Cells counted before the batch, still open: their row ids. */
        final Map<CountedCell, Long> openStored;
        /** Cells opened in this batch and still open. */
        final Map<CountedCell, ApplicationCells.NewCell> openNew = new HashMap<>();
        /** Its part in the timeliness tally as stored before the batch; null when it had none. */
        final TimelinessTally.Share storedShare;
        /** How its answer counts in the timeliness figures, as the batch writes it; null when not answered. */
        TimelinessFigures.Answer answer;

        Working(ApplicationFacts facts, boolean stored, List<ClockEvent> clock, ReplyDeadline deadline,
                ProvisionalDue provisional, Map<CountedCell, Long> openStored, TimelinessTally.Share storedShare) {
            this.facts = facts;
            this.stored = stored;
            this.storedShare = storedShare;
            this.clock = clock;
            this.deadline = deadline;
            this.provisional = provisional;
            this.openStored = openStored;
        }
    }

    private final ApplicationCases cases;
    private final ApplicationCells cells;
    private final ApplicationClocks clocks;
    private final WorkingDayCalendar calendar;
    private final TimelinessTally timeliness;
    private final Map<String, Working> working = new LinkedHashMap<>();
    private final List<ApplicationCells.NewCell> newCells = new ArrayList<>();
    private final List<ApplicationCells.Closing> closings = new ArrayList<>();
    private final List<ApplicationClocks.HistoryRow> history = new ArrayList<>();

    ApplicationBatch(ApplicationCases cases, ApplicationCells cells, ApplicationClocks clocks, WorkingDayCalendar calendar,
                     TimelinessTally timeliness) {
        this.cases = cases;
        this.timeliness = timeliness;
        this.cells = cells;
        this.clocks = clocks;
        this.calendar = calendar;
    }

    void apply(ApplicationEvent event, String eventId, Instant recordedAt) {
        Working w = working.get(event.applicationId());
        if (event instanceof ApplicationReceived received) {
            if (w == null) {
                w = new Working(ApplicationFacts.received(received), false, List.of(), null, null, new HashMap<>(), null);
                w.firstRecordedAt = recordedAt;
                working.put(event.applicationId(), w);
            } else {
                w.facts = ApplicationFacts.received(received);
            }
        } else {
            if (w == null) {
                w = cases.working(event.applicationId(), cells);
                if (w == null) {
                    return; // cannot happen for a stream read in order; never fail the whole segment for it
                }
                working.put(event.applicationId(), w);
            }
            String heldBy = w.facts.agencyId();
            w.facts = w.facts.apply(event);
            if (!heldBy.equals(w.facts.agencyId())) {
                // Transferred: table 三 counts the application once, in the agency that answers it
                // (docs/lifecycle.md, "Sign-in and transfer"), so its cells leave the agency that passed it on.
                followCells(w, heldBy, Set.of(), recordedAt, eventId);
            }
        }
        w.lastRecordedAt = recordedAt;
        w.events++;
        followCells(w, w.facts.agencyId(), ApplicationCounting.cellsOf(w.facts), recordedAt, eventId);
        followClock(w, event, eventId, recordedAt);
    }

    /**
     * Makes the application's open cells exactly {@code wanted} in agency {@code agencyId} (the one that held them,
     * for the cells it closes), each change stamped with this event.
     */
    private void followCells(Working w, String agencyId, Set<CountedCell> wanted, Instant at, String eventId) {
        w.openStored.entrySet().removeIf(open -> {
            if (wanted.contains(open.getKey())) {
                return false;
            }
            closings.add(new ApplicationCells.Closing(open.getValue(), agencyId, open.getKey(), at, eventId));
            return true;
        });
        w.openNew.entrySet().removeIf(open -> {
            if (wanted.contains(open.getKey())) {
                return false;
            }
            open.getValue().close(at, eventId);
            return true;
        });
        for (CountedCell cell : wanted) {
            if (!w.openStored.containsKey(cell) && !w.openNew.containsKey(cell)) {
                ApplicationCells.NewCell row = new ApplicationCells.NewCell(w.facts.applicationId(), agencyId, cell,
                                                                            at, eventId);
                w.openNew.put(cell, row);
                newCells.add(row);
            }
        }
    }

    private void followClock(Working w, ApplicationEvent event, String eventId, Instant at) {
        if (w.clock.isEmpty() && !(event instanceof ApplicationReceived)) {
            return; // counted from its receipt on, or not at all (see ApplicationClocks)
        }
        List<ClockEvent> entries = ClockEntries.follow(w.clock, event);
        ReplyDeadline now = ApplicationClocks.count(w.facts.applicationId(), entries, calendar);
        ProvisionalDue provisional = ApplicationClocks.provisional(entries, now, calendar);
        if (ApplicationClocks.moved(w.deadline, w.provisional, now, provisional)) {
            history.add(new ApplicationClocks.HistoryRow(w.facts.applicationId(), now, provisional, at, eventId,
                                                         ClockEntries.cause(event)));
        }
        w.clock = entries;
        w.deadline = now;
        w.provisional = provisional;
    }

    /**
     * Writes what the batch did: the applications, the moves of due dates, the cells opened and closed.
     * The tallies last (table 三's with the cells, then the timeliness figures' by the applications' parts as
     * stored before and as written now): their rows are shared with other segments' batches, and are then held
     * only until the commit that follows, always taken in the same order.
     */
    void flush() {
        Collection<Working> all = working.values();
        List<TimelinessTally.Share> before = new ArrayList<>();
        List<TimelinessTally.Share> after = new ArrayList<>();
        for (Working w : all) {
            w.answer = ApplicationClocks.answer(w.facts, w.deadline, calendar);
            if (w.storedShare != null) {
                before.add(w.storedShare);
            }
            TimelinessTally.Share now = TimelinessTally.Share.of(w.facts.agencyId(), w.facts.concludedOn(), w.answer,
                                                                 w.deadline == null ? null : w.deadline.pausedWorkingDays());
            if (now != null) {
                after.add(now);
            }
        }
        cases.saveAll(all);
        clocks.writeHistory(history);
        cells.write(newCells, closings);
        timeliness.moveBy(before, after);
    }
}
