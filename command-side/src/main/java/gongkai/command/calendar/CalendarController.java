package gongkai.command.calendar;

import gongkai.command.Refusal;
import gongkai.command.access.CommandSender;
import gongkai.command.calendar.CalendarCommands.PublishCalendarYear;
import gongkai.events.access.Actor;
import gongkai.events.calendar.CalendarYear;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code PUT /api/admin/calendars/{year}}: an administrator adds or replaces the working-day calendar
 * of a year (ADMIN only, as everything under {@code /api/admin}). The body is the calendar text of
 * {@link CalendarYear#parse(int, String)}, either as {@code text/plain} (UTF-8 unless the request
 * names another charset) or as JSON {@code {"text": "…"}}. Text that is not a calendar of the year is
 * 400 naming the line (field {@code text}). 200 either way: {@code recorded} is
 * {@code WorkingDayCalendarPublished}, or {@code nothing} when that very text was already published.
 */
@RestController
@RequestMapping("/api/admin/calendars")
public class CalendarController {

    public record CalendarBody(@NotNull String text) {
    }

    private final CommandSender commands;

    public CalendarController(CommandSender commands) {
        this.commands = commands;
    }

    @PutMapping(path = "/{year}", consumes = MediaType.TEXT_PLAIN_VALUE)
    public Map<String, Object> publishText(@PathVariable int year, @RequestBody(required = false) byte[] body,
                                           @RequestHeader(name = "Content-Type", required = false) String contentType,
                                           @AuthenticationPrincipal Actor admin) {
        return publish(year, decode(body, contentType), admin);
    }

    @PutMapping(path = "/{year}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> publishJson(@PathVariable int year, @Valid @RequestBody CalendarBody body,
                                           @AuthenticationPrincipal Actor admin) {
        return publish(year, body.text(), admin);
    }

    private Map<String, Object> publish(int year, String text, Actor admin) {
        boolean recorded = commands.send(new PublishCalendarYear(year, text), admin);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("recorded", recorded ? "WorkingDayCalendarPublished" : "nothing");
        answer.put("year", year);
        answer.put("notice", CalendarYear.parse(year, text).notice());
        return answer;
    }

    /** The body as text: the charset the request names, else UTF-8 (a BOM is dropped). */
    private static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            throw Refusal.invalid("text", "工作日历内容为空 (the calendar text is empty)");
        }
        Charset charset = StandardCharsets.UTF_8;
        if (contentType != null) {
            try {
                MediaType type = MediaType.parseMediaType(contentType);
                if (type.getCharset() != null) {
                    charset = type.getCharset();
                }
            } catch (RuntimeException e) {
                throw Refusal.invalid("Content-Type", "无法识别的字符集 (unknown charset in Content-Type)");
            }
        }
        String text = new String(body, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
