package gongkai.query.application;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.query.reads.InList;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.Channel;
import gongkai.events.calendar.ClockEvent;
import gongkai.events.calendar.ProvisionalCalendar.ProvisionalDue;
import gongkai.events.calendar.ReplyDeadline;
import gongkai.events.store.StoredEventFormat;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.query.access.ReadAccess;
import gongkai.query.calendar.CalendarConfiguration;
import gongkai.query.calendar.KnownCalendar;
import gongkai.query.counting.ApplicationFacts;
import gongkai.query.reads.ReadBatch;
import gongkai.http.Problems;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * The clerk's view of applications: a filtered page of them (the worklist), or one, now or as of an
 * instant; each with its reply due date, how it was reached, and the working days left
 * ({@link Worklist} defines the states, DUE_SOON and OVERDUE included).
 */
@RestController
@RequestMapping("/api/applications")
public class ApplicationQueryController {

    private static final int MAX_PAGE_SIZE = 500;

    /**
     * A row of {@code application_case}: the case's facts, its clock (null if never counted), its provisional
     * due date where its period runs into a year without a calendar, and how many of its events it follows
     * (a reader that has just recorded one can tell whether this answer includes it).
     */
    private record Row(ApplicationFacts facts, ReplyDeadline deadline, ProvisionalDue provisional, int eventCount) {
    }

    private static final RowMapper<Row> ROW = (rs, i) -> new Row(ApplicationCases.FACTS.mapRow(rs, i),
                                                                 ApplicationClocks.DEADLINE.mapRow(rs, i),
                                                                 ApplicationClocks.PROVISIONAL.mapRow(rs, i),
                                                                 rs.getInt("event_count"));

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;
    private final KnownCalendar calendar;
    private final Clock clock;

    private final ReceiptSearch receipts;

    public ApplicationQueryController(JdbcTemplate jdbc, EventStore eventStore, KnownCalendar calendar, Clock clock,
                                      ReceiptSearch receipts) {
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.eventStore = eventStore;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * {@code state}: a state of the case, or DUE_SOON / OVERDUE (open cases by urgency, see {@link Worklist});
     * {@code dueBefore}: open cases whose due date is known and strictly before that date. With either
     * urgency or {@code dueBefore} the page is ordered by due date, else by date of receipt.
     * {@code open=true}: the cases not yet answered or withdrawn, by due date (unknown last): the worklist.
     * {@code receivedFrom}/{@code receivedTo} (inclusive), {@code channel}, {@code applicantType} narrow it;
     * {@code q} finds the agency's applications whose request text or applicant's name contains it (the
     * words a clerk remembers of a letter). The applicant's name is kept only, encrypted, in the event that
     * received the application, so {@code q} (the clerks of the agency only) decrypts those events
     * ({@link ReceiptSearch}); it is never logged.
     */
    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String agencyId,
                                    @RequestParam(required = false) Worklist.State state,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                                    @RequestParam(defaultValue = "false") boolean open,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
                                    @RequestParam(required = false) Channel channel,
                                    @RequestParam(required = false) ApplicantType applicantType,
                                    @RequestParam(required = false) String q,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size,
                                    @AuthenticationPrincipal Actor reader) {
        String agency = ReadAccess.listedAgency(reader, agencyId);
        ReadAccess.requirePage(page, size, MAX_PAGE_SIZE);
        Today today = today(null);
        // a successor lists the cases of the agencies closed into it with its own (docs/agencies.md, "Closing")
        List<String> handled = ReadAccess.handledBy(agency);
        StringBuilder where = new StringBuilder(" where " + InList.of("agency_id", handled));
        List<Object> args = new ArrayList<>(handled);
        boolean byDueDate = dueBefore != null;
        if (state != null && state.stored()) {
            where.append(" and state = ?");
            args.add(state.name());
        } else if (state == Worklist.State.OVERDUE) {
            where.append(" and concluded_on is null and due_on < ?");
            args.add(Date.valueOf(today.date()));
            byDueDate = true;
        } else if (state == Worklist.State.DUE_SOON) {
            where.append(" and concluded_on is null and due_on >= ? and due_on < ?");
            args.add(Date.valueOf(today.date()));
            args.add(Date.valueOf(today.dueSoonLimit()));
            byDueDate = true;
        }
        if (dueBefore != null) {
            where.append(" and concluded_on is null and due_on < ?");
            args.add(Date.valueOf(dueBefore));
        }
        if (open) {
            where.append(" and state not in ('CONCLUDED', 'WITHDRAWN')");
            byDueDate = true;
        }
        if (receivedFrom != null) {
            where.append(" and received_on >= ?");
            args.add(Date.valueOf(receivedFrom));
        }
        if (receivedTo != null) {
            where.append(" and received_on <= ?");
            args.add(Date.valueOf(receivedTo));
        }
        if (channel != null) {
            where.append(" and channel = ?");
            args.add(channel.name());
        }
        if (applicantType != null) {
            where.append(" and applicant_type = ?");
            args.add(applicantType.name());
        }
        if (q != null && !q.isBlank()) {
            if (q.length() > 200) {
                throw Problems.Refused.badInput("q", "检索词不超过 200 字 (q is at most 200 characters)");
            }
            if (!reader.is(Role.CLERK) || !agency.equals(reader.agencyId())) {
                throw Problems.Refused.forbidden("只有本机关的经办人员可以按申请人或申请内容检索 (q searches personal data:"
                                                 + " the clerks of the agency only)");
            }
            where.append(" and application_id = any(string_to_array(?, chr(31)))");
            args.add(String.join("\u001f", receipts.matching(agency, q)));
        }
        // The count and the page in one round trip.
        ReadBatch batch = new ReadBatch();
        Supplier<Integer> total = batch.query("select count(*) from application_case" + where,
                                              rs -> rs.next() ? rs.getInt(1) : 0, args.toArray());
        args.add(size);
        args.add((long) page * size);
        Supplier<List<Row>> rows = batch.list("select * from application_case" + where
                                              + (byDueDate ? " order by due_on nulls last, received_on, application_id"
                                                           : " order by received_on, application_id")
                                              + " limit ? offset ?", ROW, args.toArray());
        batch.run(jdbc);
        List<Row> items = rows.get();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total.get());
        answer.put("today", today.date());
        answer.put("items", items.stream().map(row -> view(row, today)).toList());
        return answer;
    }

    /**
     * The same worklist or search as {@link #list}, every page of it, as an XLSX sheet (at most 50,000 rows),
     * without personal data.
     */
    @GetMapping(value = "/export", produces = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    public org.springframework.http.ResponseEntity<byte[]> export(
            @RequestParam(required = false) String agencyId, @RequestParam(required = false) Worklist.State state,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
            @RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) ApplicantType applicantType,
            @RequestParam(required = false) String q, @AuthenticationPrincipal Actor reader) {
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 0; page < 100; page++) {
            Map<String, Object> one = list(agencyId, state, dueBefore, open, receivedFrom, receivedTo, channel,
                                           applicantType, q, page, MAX_PAGE_SIZE, reader);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) one.get("items");
            all.addAll(items);
            if (items.size() < MAX_PAGE_SIZE) {
                break;
            }
        }
        return org.springframework.http.ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"applications.xlsx\"")
                .body(WorklistWorkbook.of(all));
    }

    /**
     * The dashboard's counts of the agency's open cases: due soon, overdue (as in {@link Worklist}), each
     * paused state, in progress (the clock runs) and all open ones.
     */
    @GetMapping("/counts")
    public Map<String, Object> counts(@RequestParam(required = false) String agencyId,
                                      @AuthenticationPrincipal Actor reader) {
        String agency = ReadAccess.listedAgency(reader, agencyId);
        List<String> handled = ReadAccess.handledBy(agency);
        Today today = today(null);
        Map<String, Object> counts = jdbc.queryForObject(
                "select count(*) filter (where due_on < ? and clock_state <> 'CONCLUDED') as overdue,"
                + " count(*) filter (where due_on >= ? and due_on < ? and clock_state <> 'CONCLUDED') as due_soon,"
                + " count(*) filter (where state = 'AWAITING_SUPPLEMENT') as awaiting_supplement,"
                + " count(*) filter (where state = 'IN_CONSULTATION') as in_consultation,"
                + " count(*) filter (where state = 'AWAITING_FEE') as awaiting_fee,"
                + " count(*) filter (where state = 'AWAITING_SIGN_IN') as awaiting_sign_in,"
                + " count(*) filter (where state = 'EXTENSION_REQUESTED') as extension_requested,"
                + " count(*) filter (where state in ('IN_PROGRESS', 'REOPENED', 'EXTENSION_REQUESTED')) as in_progress,"
                + " count(*) as open"
                + " from application_case where " + InList.of("agency_id", handled)
                + " and state not in ('CONCLUDED', 'WITHDRAWN')",
                (rs, i) -> {
                    Map<String, Object> c = new LinkedHashMap<>();
                    c.put("dueSoon", rs.getInt("due_soon"));
                    c.put("overdue", rs.getInt("overdue"));
                    c.put("awaitingSupplement", rs.getInt("awaiting_supplement"));
                    c.put("inConsultation", rs.getInt("in_consultation"));
                    c.put("awaitingFee", rs.getInt("awaiting_fee"));
                    c.put("awaitingSignIn", rs.getInt("awaiting_sign_in"));
                    c.put("extensionRequested", rs.getInt("extension_requested"));
                    c.put("inProgress", rs.getInt("in_progress"));
                    c.put("open", rs.getInt("open"));
                    return c;
                },
                countArgs(today, handled));
        counts.put("today", today.date());
        return counts;
    }

    private static Object[] countArgs(Today today, List<String> agencies) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(today.date()), Date.valueOf(today.date()),
                                                    Date.valueOf(today.dueSoonLimit())));
        args.addAll(agencies);
        return args.toArray();
    }

    @GetMapping("/{id}")
    public Map<String, Object> one(@PathVariable String id,
                                   @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                   @AuthenticationPrincipal Actor reader) {
        Today today = today(asOf);
        Row row;
        if (asOf == null) {
            List<Row> found = jdbc.query("select * from application_case where application_id = ?", ROW, id);
            row = found.isEmpty() ? null : found.get(0);
        } else {
            row = asOf(id, asOf, today.calendar());
        }
        if (row == null || !ReadAccess.mayRead(reader, row.facts().agencyId())) {
            throw Problems.Refused.notFound("未找到该申请 (no application " + id + " that you may read)");
        }
        Map<String, Object> view = view(row, today);
        view.put("eventCount", row.eventCount());
        view.put("asOf", asOf);
        return view;
    }

    /**
     * The application as the system knew it at {@code asOf}: its own events recorded until then, folded,
     * and its clock counted from them on the calendar as known now.
     */
    private Row asOf(String id, OffsetDateTime asOf, WorkingDayCalendar calendar) {
        List<ApplicationEvent> events = new ArrayList<>();
        eventStore.readEvents(id).asStream()
                  .filter(message -> !message.getTimestamp().isAfter(asOf.toInstant()))
                  .map(DomainEventMessage::getPayload)
                  .filter(ApplicationEvent.class::isInstance)
                  .map(ApplicationEvent.class::cast)
                  .forEach(events::add);
        if (events.isEmpty()) {
            return null;
        }
        ApplicationFacts facts = ApplicationFacts.fold(events);
        if (facts == null) {
            return null; // submitted online, not yet received
        }
        List<ClockEvent> entries = ClockEntries.of(events);
        ReplyDeadline deadline = ApplicationClocks.count(id, entries, calendar);
        return new Row(facts, deadline, ApplicationClocks.provisional(entries, deadline, calendar),
                       events.size());
    }

    /** Today (or the day of {@code asOf}) in Asia/Shanghai, and the calendar to tell urgency by. */
    private record Today(LocalDate date, WorkingDayCalendar calendar, LocalDate dueSoonLimit) {
    }

    private Today today(OffsetDateTime asOf) {
        LocalDate date = asOf == null ? LocalDate.now(clock)
                                      : asOf.atZoneSameInstant(CalendarConfiguration.BUSINESS_ZONE).toLocalDate();
        WorkingDayCalendar known = calendar.current();
        return new Today(date, known, Worklist.dueSoonLimit(known, date));
    }

    private static Map<String, Object> view(Row row, Today today) {
        ApplicationFacts f = row.facts();
        ReplyDeadline deadline = row.deadline();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("applicationId", f.applicationId());
        view.put("agencyId", f.agencyId());
        view.put("state", Worklist.stateOf(f.state(), deadline, today.date(), today.dueSoonLimit()));
        view.put("lifecycleState", f.state());
        view.put("applicantType", f.applicantType());
        view.put("channel", f.channel());
        view.put("receivedOn", f.receivedOn());
        view.put("supplementRequestedOn", f.supplementRequestedOn());
        view.put("supplementReceivedOn", f.supplementReceivedOn());
        view.put("consultationStartedOn", f.consultationStartedOn());
        view.put("extensionWorkingDays", f.extensionWorkingDays());
        view.put("extensionRequestedOn", f.extensionRequestedOn());
        view.put("awaitingSignInSince", f.awaitingSignInSince());
        view.put("unpaidFeeNoticeOn", f.unpaidFeeNoticeOn());
        view.put("concludedOn", f.concludedOn());
        view.put("outcome", f.outcome());
        view.put("withheldReasons", f.withheldReasons());
        view.put("reopenedOn", f.reopenedOn());
        view.put("reansweredOn", f.reansweredOn());
        view.put("reanswerOutcome", f.reanswerOutcome());
        view.put("clockState", deadline == null ? null : deadline.state());
        view.put("dueOn", deadline == null ? null : deadline.dueOn());
        view.put("dueExplanation", deadline == null ? null : deadline.explanation());
        view.put("dueUnknownReason", deadline == null ? null : deadline.unknownReason());
        // 暂定: dueOn stays null (a year without data is never guessed); the provisional date stands beside it.
        view.put("dueProvisional", row.provisional() != null);
        view.put("provisionalDueOn", row.provisional() == null ? null : row.provisional().dueOn());
        view.put("provisionalExplanation", row.provisional() == null ? null : row.provisional().explanation());
        OptionalInt left = Worklist.workingDaysLeft(today.calendar(), deadline, today.date());
        view.put("workingDaysLeft", left.isPresent() ? left.getAsInt() : null);
        view.put("pausedWorkingDays", deadline == null ? null : deadline.pausedWorkingDays());
        view.put("supplementRequestDeadline", deadline == null ? null : deadline.supplementRequestDeadline());
        return view;
    }
}
