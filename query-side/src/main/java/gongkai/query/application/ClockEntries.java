package gongkai.query.application;

import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.FeePaid;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementReceived;
import gongkai.events.application.SupplementRequested;
import gongkai.events.calendar.ClockEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The facts of one application that matter to its reply clock, as {@link ClockEvent}s: a plain fold of
 * its events, kept with the application so that the clock can be counted again whenever the calendar
 * changes (column {@code application_case.clock_events}, in a short text form).
 *
 * <p>Mapping: receipt, supplement requested and received, consultation started and ended, extension,
 * fee notice and payment map one to one; a withdrawal is a {@link ClockEvent.Concluded} (the clock ends
 * as with an answer); a correction of {@code receivedOn} or {@code concludedOn} changes the date of the
 * receipt or of the conclusion it corrects (the history keeps both, the clock counts the corrected one);
 * other corrections change nothing here. Entries are kept in the order recorded; {@link #inDateOrder}
 * gives them in business-date order, same-day facts in the order recorded, as {@code ReplyClock} reads
 * them (a clerk may record a step dated before one recorded earlier).
 */
public final class ClockEntries {

    private ClockEntries() {
    }

    /** The entries after {@code event}; {@code entries} is empty before the receipt. */
    public static List<ClockEvent> follow(List<ClockEvent> entries, ApplicationEvent event) {
        List<ClockEvent> next = new ArrayList<>(entries);
        if (event instanceof ApplicationReceived e) {
            next.clear();
            next.add(new ClockEvent.Received(e.receivedOn()));
        } else if (event instanceof SupplementRequested e) {
            next.add(new ClockEvent.SupplementRequested(e.requestedOn()));
        } else if (event instanceof SupplementReceived e) {
            next.add(new ClockEvent.SupplementReceived(e.receivedOn()));
        } else if (event instanceof ConsultationStarted e) {
            next.add(new ClockEvent.ConsultationStarted(e.startedOn()));
        } else if (event instanceof ConsultationEnded e) {
            next.add(new ClockEvent.ConsultationEnded(e.endedOn()));
        } else if (event instanceof ReplyPeriodExtended e) {
            next.add(new ClockEvent.Extended(e.extendedOn(), e.workingDays()));
        } else if (event instanceof FeeNoticeIssued e) {
            next.add(new ClockEvent.FeeNoticeIssued(e.issuedOn()));
        } else if (event instanceof FeePaid e) {
            next.add(new ClockEvent.FeePaid(e.paidOn()));
        } else if (event instanceof ApplicationWithdrawn e) {
            next.add(new ClockEvent.Concluded(e.withdrawnOn()));
        } else if (event instanceof ApplicationConcluded e) {
            next.add(new ClockEvent.Concluded(e.concludedOn()));
        } else if (event instanceof ApplicationCorrected e) {
            switch (e.field()) {
                case receivedOn -> next.replaceAll(c -> c instanceof ClockEvent.Received
                                                        ? new ClockEvent.Received(LocalDate.parse(e.newValue())) : c);
                case concludedOn -> next.replaceAll(c -> c instanceof ClockEvent.Concluded
                                                         ? new ClockEvent.Concluded(LocalDate.parse(e.newValue())) : c);
                default -> {
                    // applicant type, channel, outcome: nothing the clock counts
                }
            }
        }
        return next;
    }

    /** The entries of a run of events, from the receipt. */
    public static List<ClockEvent> of(List<? extends ApplicationEvent> events) {
        List<ClockEvent> entries = List.of();
        for (ApplicationEvent event : events) {
            entries = follow(entries, event);
        }
        return entries;
    }

    /** In business-date order; facts of the same day stay in the order they were recorded (a stable sort). */
    public static List<ClockEvent> inDateOrder(List<ClockEvent> entries) {
        List<ClockEvent> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(ClockEvent::date));
        return sorted;
    }

    /** The short text form: {@code Received 2024-02-05;Extended 2024-03-11 10;…}. */
    public static String encode(List<ClockEvent> entries) {
        StringBuilder text = new StringBuilder();
        for (ClockEvent e : entries) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(e.getClass().getSimpleName()).append(' ').append(e.date());
            if (e instanceof ClockEvent.Extended x) {
                text.append(' ').append(x.workingDays());
            }
        }
        return text.toString();
    }

    /** Reads {@link #encode}'s form back; {@code null} or empty is no entry at all. */
    public static List<ClockEvent> decode(String text) {
        List<ClockEvent> entries = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return entries;
        }
        for (String entry : text.split(";")) {
            String[] parts = entry.split(" ");
            LocalDate date = LocalDate.parse(parts[1]);
            entries.add(switch (parts[0]) {
                case "Received" -> new ClockEvent.Received(date);
                case "SupplementRequested" -> new ClockEvent.SupplementRequested(date);
                case "SupplementReceived" -> new ClockEvent.SupplementReceived(date);
                case "ConsultationStarted" -> new ClockEvent.ConsultationStarted(date);
                case "ConsultationEnded" -> new ClockEvent.ConsultationEnded(date);
                case "Extended" -> new ClockEvent.Extended(date, Integer.parseInt(parts[2]));
                case "FeeNoticeIssued" -> new ClockEvent.FeeNoticeIssued(date);
                case "FeePaid" -> new ClockEvent.FeePaid(date);
                case "Concluded" -> new ClockEvent.Concluded(date);
                default -> throw new IllegalArgumentException("not a clock entry: " + entry);
            });
        }
        return entries;
    }

    /** What an event is, for a clerk reading why a due date moved. */
    public static String cause(ApplicationEvent event) {
        String what;
        if (event instanceof ApplicationReceived) {
            what = "收到申请";
        } else if (event instanceof SupplementRequested) {
            what = "要求补正";
        } else if (event instanceof SupplementReceived) {
            what = "收到补正";
        } else if (event instanceof ConsultationStarted) {
            what = "开始征求意见";
        } else if (event instanceof ConsultationEnded) {
            what = "征求意见结束";
        } else if (event instanceof ReplyPeriodExtended) {
            what = "延长答复期限";
        } else if (event instanceof FeeNoticeIssued) {
            what = "发出收费通知";
        } else if (event instanceof FeePaid) {
            what = "缴纳信息处理费";
        } else if (event instanceof ApplicationWithdrawn) {
            what = "申请人撤回申请";
        } else if (event instanceof ApplicationConcluded) {
            what = "答复办结";
        } else if (event instanceof gongkai.events.application.ApplicationReopened) {
            what = "答复被纠正，重新办理";
        } else if (event instanceof ApplicationCorrected c) {
            what = switch (c.field()) {
                case receivedOn -> "更正收到申请日期";
                case concludedOn -> "更正办结日期";
                default -> "更正";
            };
        } else {
            what = "办理";
        }
        return what + " (" + event.getClass().getSimpleName() + ")";
    }
}
