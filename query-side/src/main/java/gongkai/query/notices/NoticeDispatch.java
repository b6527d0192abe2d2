package gongkai.query.notices;

import gongkai.events.access.Role;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ContactFormats;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementRequested;
import gongkai.http.access.Accounts;
import gongkai.query.calendar.KnownCalendar;
import gongkai.query.report.AgencyNames;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reminders and notices, one run at an instant (docs/notices.md): owes each clerk who gave a contact an alert for
 * every open case of their agency that has entered the due window or become overdue, and, from the digest time on,
 * the day's digest; then, outside the quiet period, claims the messages owed and sends them, each from its
 * agency's template or the built-in one. Every instance of the query side runs it (see {@link NoticeScheduling});
 * {@link OutgoingMessages} makes each message once and sends it once.
 *
 * <p>The applicant's address is read only here, from the case's events (decrypted as they are read, kept in memory
 * for the sending alone), never stored, logged or put in an outcome: the record keeps it masked.
 */
@Component
public class NoticeDispatch {

    private static final Logger log = LoggerFactory.getLogger(NoticeDispatch.class);
    private static final int BATCH = 100;

    /** A clerk who receives reminders, with where. */
    record Clerk(String username, String agencyId, String email, String phone) {
        String address(Channel channel) {
            return channel == Channel.EMAIL ? email : phone;
        }
    }

    /** An open case in the window, as the read model has it. */
    record UrgentCase(String applicationId, String agencyId, LocalDate receivedOn, LocalDate dueOn,
                      DueWindow.Urgency urgency) {
    }

    /** What a sending found: where to, with what, and the template's name; or why it was not sent. */
    private record Addressed(String address, MessageTemplate message, String template, String skipped) {
        static Addressed skipped(String why) {
            return new Addressed(null, null, null, why);
        }
    }

    private final JdbcTemplate jdbc;
    private final OutgoingMessages messages;
    private final NoticeSettings settings;
    private final KnownCalendar calendar;
    private final AgencyNames agencyNames;
    private final EventStore eventStore;
    private final ObjectProvider<JavaMailSender> mail;
    private final SmsSender sms;
    private final NoticeTemplates templates;

    public NoticeDispatch(JdbcTemplate jdbc, OutgoingMessages messages, NoticeSettings settings, KnownCalendar calendar,
                          AgencyNames agencyNames, EventStore eventStore, ObjectProvider<JavaMailSender> mail,
                          SmsSender sms, NoticeTemplates templates) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.settings = settings;
        this.calendar = calendar;
        this.agencyNames = agencyNames;
        this.eventStore = eventStore;
        this.mail = mail;
        this.sms = sms;
        this.templates = templates;
    }

    /** Owes what is owed at {@code now}, then sends what may go at {@code now}; the number of messages settled. */
    public int runAt(Instant now) {
        ZonedDateTime local = now.atZone(settings.zone());
        LocalDate today = local.toLocalDate();
        List<UrgentCase> urgent = urgentCases(today);
        Map<String, List<Clerk>> clerks = clerksByAgency();
        oweAlerts(urgent, clerks, now);
        if (!local.toLocalTime().isBefore(settings.digestAt())) {
            oweDigests(urgent, clerks, today, now);
        }
        if (settings.quiet().holds(now)) {
            return 0;
        }
        // a digest lists the cases of its day: read once per day and run, not once per message
        Map<LocalDate, List<UrgentCase>> urgentByDay = new HashMap<>(Map.of(today, urgent));
        int settled = 0;
        for (List<OutgoingMessages.Claimed> batch = messages.claim(BATCH, now); !batch.isEmpty();
             batch = messages.claim(BATCH, now)) {
            for (OutgoingMessages.Claimed m : batch) {
                send(m, now, urgentByDay);
                settled++;
            }
        }
        return settled;
    }

    /** The open cases of every agency in the due window on {@code day}, overdue ones first, then by due date. */
    List<UrgentCase> urgentCases(LocalDate day) {
        LocalDate limit = settings.window().limit(calendar.current(), day);
        List<UrgentCase> found = new ArrayList<>();
        jdbc.query("select application_id, agency_id, received_on, due_on from application_case "
                   + "where concluded_on is null and state not in ('CONCLUDED', 'WITHDRAWN') and due_on < ? "
                   + "order by due_on, application_id", rs -> {
            LocalDate dueOn = rs.getDate("due_on").toLocalDate();
            Optional<DueWindow.Urgency> urgency = DueWindow.of(dueOn, day, limit);
            if (urgency.isPresent()) {
                found.add(new UrgentCase(rs.getString("application_id"), rs.getString("agency_id"),
                                         rs.getDate("received_on").toLocalDate(), dueOn, urgency.get()));
            }
        }, Date.valueOf(limit));
        return found;
    }

    /** The enabled clerks who gave an e-mail address or a mobile number, by agency. */
    private Map<String, List<Clerk>> clerksByAgency() {
        List<Clerk> clerks = new ArrayList<>();
        jdbc.query("select username, roles, agency_id, email, phone from command_side.user_account "
                   + "where enabled and agency_id is not null and (email is not null or phone is not null)", rs -> {
            if (Accounts.parseRoles(rs.getString("roles")).contains(Role.CLERK)) {
                clerks.add(new Clerk(rs.getString("username"), rs.getString("agency_id"), rs.getString("email"),
                                     rs.getString("phone")));
            }
        });
        return clerks.stream().collect(Collectors.groupingBy(Clerk::agencyId));
    }

    private void oweAlerts(List<UrgentCase> urgent, Map<String, List<Clerk>> clerks, Instant now) {
        for (UrgentCase c : urgent) {
            NoticeKind kind = c.urgency() == DueWindow.Urgency.OVERDUE ? NoticeKind.OVERDUE_ALERT : NoticeKind.DUE_SOON_ALERT;
            for (Clerk clerk : clerks.getOrDefault(c.agencyId(), List.of())) {
                for (Channel channel : Channel.values()) {
                    if (clerk.address(channel) != null) {
                        messages.owe(new OutgoingMessages.Owed(
                                kind + ":" + c.applicationId() + ":" + c.dueOn() + ":" + clerk.username() + ":" + channel,
                                kind, channel, c.agencyId(), c.applicationId(), null, c.dueOn(), clerk.username(), now));
                    }
                }
            }
        }
    }

    private void oweDigests(List<UrgentCase> urgent, Map<String, List<Clerk>> clerks, LocalDate today, Instant now) {
        for (String agency : urgent.stream().map(UrgentCase::agencyId).distinct().toList()) {
            for (Clerk clerk : clerks.getOrDefault(agency, List.of())) {
                for (Channel channel : Channel.values()) {
                    if (clerk.address(channel) != null) {
                        messages.owe(new OutgoingMessages.Owed(
                                NoticeKind.DIGEST + ":" + agency + ":" + today + ":" + clerk.username() + ":" + channel,
                                NoticeKind.DIGEST, channel, agency, null, null, today, clerk.username(), now));
                    }
                }
            }
        }
    }

    private void send(OutgoingMessages.Claimed m, Instant now, Map<LocalDate, List<UrgentCase>> urgentByDay) {
        Addressed addressed;
        try {
            addressed = m.kind().audience() == NoticeKind.Audience.APPLICANT ? toApplicant(m) : toClerk(m, urgentByDay);
        } catch (RuntimeException e) {
            log.warn("message {} ({} by {}) could not be prepared: {}", m.id(), m.kind(), m.channel(),
                     e.getClass().getSimpleName());
            messages.settle(m.id(), OutgoingMessages.Status.FAILED, null, null, "未能生成 (" + e.getClass().getSimpleName() + ")", now);
            return;
        }
        if (addressed.skipped() != null) {
            messages.settle(m.id(), OutgoingMessages.Status.SKIPPED, null, null, addressed.skipped(), now);
            return;
        }
        String masked = m.channel() == Channel.EMAIL ? ContactMasks.email(addressed.address())
                                                     : ContactMasks.phone(addressed.address());
        try {
            if (m.channel() == Channel.EMAIL) {
                JavaMailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    messages.settle(m.id(), OutgoingMessages.Status.SKIPPED, masked, addressed.template(),
                                    "未配置邮件服务器 (spring.mail.host)", now);
                    return;
                }
                SimpleMailMessage email = new SimpleMailMessage();
                email.setFrom(settings.from());
                email.setTo(addressed.address());
                email.setSubject(addressed.message().subject());
                email.setText(addressed.message().body());
                sender.send(email);
            } else {
                sms.send(new SmsSender.Sms("message-" + m.id(), addressed.address().replace(" ", ""),
                                           addressed.message().body()));
            }
        } catch (RuntimeException e) {
            // the exception's own message may hold the address: only its type is kept
            log.warn("message {} ({} by {}) was refused: {}", m.id(), m.kind(), m.channel(), e.getClass().getSimpleName());
            messages.settle(m.id(), OutgoingMessages.Status.FAILED, masked, addressed.template(),
                            "发送失败 (" + e.getClass().getSimpleName() + ")", now);
            return;
        }
        messages.settle(m.id(), OutgoingMessages.Status.SENT, masked, addressed.template(), null, now);
    }

    private Addressed toClerk(OutgoingMessages.Claimed m, Map<LocalDate, List<UrgentCase>> urgentByDay) {
        List<Clerk> found = jdbc.query("select username, agency_id, email, phone from command_side.user_account "
                                       + "where username = ? and enabled", (rs, i) -> new Clerk(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), m.recipientUsername());
        if (found.isEmpty() || !m.agencyId().equals(found.get(0).agencyId())) {
            return Addressed.skipped("收件人已停用或已调离本机关 (the clerk is disabled or moved)");
        }
        String address = found.get(0).address(m.channel());
        if (address == null) {
            return Addressed.skipped("收件人未留此联系方式 (no address of this kind)");
        }
        Map<String, String> values = new HashMap<>();
        values.put("agencyName", agencyName(m.agencyId()));
        if (m.kind() == NoticeKind.DIGEST) {
            List<UrgentCase> cases = urgentByDay.computeIfAbsent(m.referenceDate(), this::urgentCases).stream()
                                                .filter(c -> c.agencyId().equals(m.agencyId())).toList();
            if (cases.isEmpty()) {
                return Addressed.skipped("已无逾期或即将到期的案件 (nothing due any more)");
            }
            values.put("date", words(m.referenceDate()));
            values.put("workingDays", Integer.toString(settings.window().workingDays()));
            values.put("overdueCount", Long.toString(cases.stream().filter(c -> c.urgency() == DueWindow.Urgency.OVERDUE).count()));
            values.put("dueSoonCount", Long.toString(cases.stream().filter(c -> c.urgency() == DueWindow.Urgency.DUE_SOON).count()));
            values.put("cases", cases.stream().map(NoticeDispatch::line).collect(Collectors.joining("\n")));
        } else {
            List<LocalDate[]> open = jdbc.query("select received_on, due_on from application_case where application_id = ? "
                                                + "and concluded_on is null and state not in ('CONCLUDED', 'WITHDRAWN')",
                                                (rs, i) -> new LocalDate[]{rs.getDate(1).toLocalDate(),
                                                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()},
                                                m.caseId());
            if (open.isEmpty()) {
                return Addressed.skipped("案件已办结 (the case is closed)");
            }
            values.put("applicationId", m.caseId());
            values.put("receivedOn", words(open.get(0)[0]));
            values.put("dueOn", words(open.get(0)[1] == null ? m.referenceDate() : open.get(0)[1]));
        }
        return addressed(m, address, values);
    }

    private Addressed toApplicant(OutgoingMessages.Claimed m) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(m.caseId(), 0).asStream().toList();
        ApplicationReceived received = null;
        Object trigger = null;
        boolean sealed = false;
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof ApplicationReceived r) {
                received = r;
            } else if (payload instanceof PersonalDataSealed) {
                sealed = true;
            } else if (payload instanceof PersonalDataUnsealed) {
                sealed = false;
            }
            if (event.getIdentifier().equals(m.eventId())) {
                trigger = payload;
            }
        }
        if (received == null || trigger == null) {
            return Addressed.skipped("案件事件不全 (the case's events are missing)");
        }
        if (sealed) {
            return Addressed.skipped("个人信息已封存，停止处理 (personal data sealed: 个人信息保护法第四十七条)");
        }
        Applicant applicant = received.applicant();
        String address = applicant == null ? null : m.channel() == Channel.EMAIL ? applicant.email() : applicant.phone();
        boolean valid = m.channel() == Channel.EMAIL ? ContactFormats.isEmail(address) : ContactFormats.isMobile(address);
        if (!valid) {
            return Addressed.skipped(m.channel() == Channel.EMAIL ? "申请人未留电子邮箱 (no e-mail address)"
                                                                  : "申请人未留手机号码 (no mobile number)");
        }
        Map<String, String> values = new HashMap<>();
        values.put("applicantName", applicant.name());
        values.put("agencyName", agencyName(m.agencyId()));
        values.put("receivedOn", words(received.receivedOn()));
        List<LocalDate> due = jdbc.queryForList("select due_on from application_case where application_id = ?",
                                                LocalDate.class, m.caseId());
        values.put("dueOn", due.isEmpty() || due.get(0) == null ? "法定期限内" : words(due.get(0)));
        if (trigger instanceof SupplementRequested s) {
            values.put("requestedOn", words(s.requestedOn()));
            values.put("replyBy", s.replyBy() == null ? "" : words(s.replyBy()));
        } else if (trigger instanceof ReplyPeriodExtended x) {
            values.put("workingDays", Integer.toString(x.workingDays()));
        } else if (trigger instanceof ApplicationConcluded c) {
            values.put("concludedOn", words(c.concludedOn()));
            values.put("outcome", ApplicantNotices.outcomeWords(c.outcome()));
        }
        return addressed(m, address, values);
    }

    private Addressed addressed(OutgoingMessages.Claimed m, String address, Map<String, String> values) {
        NoticeTemplates.Chosen template = templates.of(m.agencyId(), m.kind());
        return new Addressed(address, template.template().render(values), template.name(), null);
    }

    private String agencyName(String agencyId) {
        String name = agencyNames.name(agencyId);
        return name == null ? agencyId : name;
    }

    private static String line(UrgentCase c) {
        return "· " + c.applicationId() + "，" + words(c.receivedOn()) + "收到，" + words(c.dueOn()) + "到期"
               + (c.urgency() == DueWindow.Urgency.OVERDUE ? "（已逾期）" : "");
    }

    /** A date as a letter writes it: 2024年3月8日. */
    static String words(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
