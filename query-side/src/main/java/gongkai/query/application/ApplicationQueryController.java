package gongkai.query.application;

import gongkai.events.access.Actor;
import gongkai.events.application.ApplicationEvent;
import gongkai.query.access.ReadAccess;
import gongkai.query.web.Problems;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The clerk's view of applications: a filtered page of them, or one, now or as of an instant. */
@RestController
@RequestMapping("/api/applications")
public class ApplicationQueryController {

    private static final int MAX_PAGE_SIZE = 500;

    private final JdbcTemplate jdbc;
    private final EventStore eventStore;

    public ApplicationQueryController(JdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @GetMapping
    public Map<String, Object> list(@RequestParam(required = false) String agencyId,
                                    @RequestParam(required = false) ApplicationFacts.State state,
                                    @RequestParam(required = false)
                                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueBefore,
                                    @RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size,
                                    @AuthenticationPrincipal Actor reader) {
        String agency = agencyId != null ? agencyId : reader.agencyId();
        if (agency == null) {
            throw Problems.Refused.badInput("agencyId", "请指定机关 (agencyId is required)");
        }
        ReadAccess.requireAgency(reader, agency);
        if (page < 0) {
            throw Problems.Refused.badInput("page", "页码从 0 开始 (page must be 0 or more)");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Problems.Refused.badInput("size", "每页 1 至 " + MAX_PAGE_SIZE + " 条 (size must be 1.." + MAX_PAGE_SIZE + ")");
        }
        StringBuilder where = new StringBuilder(" where agency_id = ?");
        List<Object> args = new ArrayList<>(List.of(agency));
        if (state != null) {
            where.append(" and state = ?");
            args.add(state.name());
        }
        Integer total = jdbc.queryForObject("select count(*) from application_case" + where, Integer.class,
                                            args.toArray());
        args.add(size);
        args.add((long) page * size);
        List<ApplicationFacts> items = jdbc.query("select * from application_case" + where
                                                  + " order by received_on, application_id limit ? offset ?",
                                                  ApplicationCases.FACTS, args.toArray());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", page);
        answer.put("size", size);
        answer.put("total", total);
        answer.put("items", items.stream().map(ApplicationQueryController::view).toList());
        return answer;
    }

    @GetMapping("/{id}")
    public Map<String, Object> one(@PathVariable String id,
                                   @RequestParam(required = false)
                                   @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime asOf,
                                   @AuthenticationPrincipal Actor reader) {
        ApplicationFacts facts;
        if (asOf == null) {
            List<ApplicationFacts> found = jdbc.query("select * from application_case where application_id = ?",
                                                      ApplicationCases.FACTS, id);
            facts = found.isEmpty() ? null : found.get(0);
        } else {
            facts = asOf(id, asOf);
        }
        if (facts == null || !ReadAccess.mayRead(reader, facts.agencyId())) {
            throw Problems.Refused.notFound("未找到该申请 (no application " + id + " that you may read)");
        }
        Map<String, Object> view = view(facts);
        view.put("asOf", asOf);
        return view;
    }

    /** The application as the system knew it at {@code asOf}: its own events recorded until then, folded. */
    private ApplicationFacts asOf(String id, OffsetDateTime asOf) {
        List<ApplicationEvent> events = new ArrayList<>();
        eventStore.readEvents(id).asStream()
                  .filter(message -> !message.getTimestamp().isAfter(asOf.toInstant()))
                  .map(DomainEventMessage::getPayload)
                  .filter(ApplicationEvent.class::isInstance)
                  .map(ApplicationEvent.class::cast)
                  .forEach(events::add);
        return events.isEmpty() ? null : ApplicationFacts.fold(events);
    }

    static Map<String, Object> view(ApplicationFacts f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("applicationId", f.applicationId());
        view.put("agencyId", f.agencyId());
        view.put("state", f.state());
        view.put("applicantType", f.applicantType());
        view.put("channel", f.channel());
        view.put("receivedOn", f.receivedOn());
        view.put("supplementRequestedOn", f.supplementRequestedOn());
        view.put("supplementReceivedOn", f.supplementReceivedOn());
        view.put("consultationStartedOn", f.consultationStartedOn());
        view.put("extensionWorkingDays", f.extensionWorkingDays());
        view.put("unpaidFeeNoticeOn", f.unpaidFeeNoticeOn());
        view.put("concludedOn", f.concludedOn());
        view.put("outcome", f.outcome());
        view.put("withheldReasons", f.withheldReasons());
        view.put("dueOn", null);
        return view;
    }
}
