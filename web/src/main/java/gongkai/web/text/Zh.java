package gongkai.web.text;

import gongkai.events.CaseResult;
import gongkai.events.application.ApplicantType;
import gongkai.events.lawsuit.Route;
import gongkai.events.application.Channel;
import gongkai.events.application.Outcome;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * How the pages write dates, instants and the API's codes in Chinese (templates call it as
 * {@code @zh}): dates as 2024年3月8日, instants in Asia/Shanghai, where every business date lives.
 */
@Component("zh")
public class Zh {

    public static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu年M月d日");
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu年M月d日 HH:mm:ss");

    private static final Map<String, String> CHANNELS = Map.of(
            Channel.IN_PERSON.name(), "当面提交", Channel.MAIL.name(), "邮寄", Channel.ONLINE.name(), "互联网",
            Channel.FAX.name(), "传真", Channel.OTHER.name(), "其他");

    private static final Map<String, String> STATES = Map.ofEntries(
            Map.entry("IN_PROGRESS", "办理中"), Map.entry("AWAITING_SUPPLEMENT", "待补正"),
            Map.entry("IN_CONSULTATION", "征求意见中"), Map.entry("AWAITING_FEE", "待缴费"),
            Map.entry("WITHDRAWN", "已撤回"), Map.entry("CONCLUDED", "已答复"), Map.entry("REOPENED", "重新办理"),
            Map.entry("DUE_SOON", "即将到期"), Map.entry("OVERDUE", "已逾期"),
            Map.entry("AWAITING_SIGN_IN", "待签收"), Map.entry("EXTENSION_REQUESTED", "延期待审批"),
            Map.entry("SUBMITTED", "已提交，待机关确认收到"), Map.entry("RETURNED", "已退回"));

    /** A date of the API (ISO, e.g. 2024-03-08) as 2024年3月8日; anything else as it is. */
    public String date(Object iso) {
        if (iso == null || iso.toString().isEmpty()) {
            return "";
        }
        try {
            return DATE.format(LocalDate.parse(iso.toString()));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** An instant of the API (ISO-8601 with offset) in Asia/Shanghai, to the second. */
    public String instant(Object iso) {
        if (iso == null || iso.toString().isEmpty()) {
            return "";
        }
        try {
            return INSTANT.format(OffsetDateTime.parse(iso.toString()).atZoneSameInstant(BUSINESS_ZONE));
        } catch (DateTimeParseException e) {
            try {
                return INSTANT.format(Instant.parse(iso.toString()).atZone(BUSINESS_ZONE));
            } catch (DateTimeParseException notAnInstant) {
                return iso.toString();
            }
        }
    }

    public String channel(Object code) {
        return code == null ? "" : CHANNELS.getOrDefault(code.toString(), code.toString());
    }

    public String state(Object code) {
        return code == null ? "" : STATES.getOrDefault(code.toString(), code.toString());
    }

    public String applicantType(Object code) {
        try {
            return code == null ? "" : ApplicantType.valueOf(code.toString()).label();
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }

    /** An official outcome by the label of the national form's row, without the group's prefix. */
    public String outcome(Object code) {
        try {
            return code == null ? "" : Outcomes.shortLabel(Outcome.valueOf(code.toString()));
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }

    /** A reconsideration's or lawsuit's result (维持, 纠正, 其他) as table 四 names it. */
    public String result(Object code) {
        try {
            return code == null ? "" : CaseResult.valueOf(code.toString()).label();
        } catch (IllegalArgumentException e) {
            return code.toString();
        }
    }

    /** How a lawsuit came to court, stored as the route's name or as its group key in table 四. */
    public String route(Object code) {
        if (code == null) {
            return "";
        }
        for (Route route : Route.values()) {
            if (route.name().equals(code.toString()) || route.groupKey().equals(code.toString())) {
                return route.label().replace("行政诉讼 · ", "");
            }
        }
        return code.toString();
    }

    /** The Chinese part of a side's bilingual message, "中文 (English)" → "中文". */
    public static String chinese(String message) {
        if (message == null) {
            return "";
        }
        int english = message.indexOf(" (");
        if (english > 0 && message.endsWith(")")) {
            return message.substring(0, english);
        }
        return message;
    }

    public String cn(String message) {
        return chinese(message);
    }
}
