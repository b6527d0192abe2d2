package gongkai.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The administrator's pages: agencies (create, rename), users (create, roles, new password, disable),
 * the working-day calendar (a year as a month grid; a corrected year published from the text format,
 * with the due dates it moved listed after) and the projections (status, lag, a replay with its
 * progress). Each form's refusal is shown beside it, in Chinese.
 */
@Controller
public class AdminPagesController {

    static final List<String> ROLES = List.of("CLERK", "SUPERVISOR", "AUDITOR", "ADMIN");

    private final Sides sides;

    public AdminPagesController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/admin")
    public String index(Model model) {
        model.addAttribute("warnings", sides.plain(sides.read("/api/calendars/warnings")));
        return "admin/index";
    }

    @GetMapping("/admin/agencies")
    public String agencies(Model model) {
        model.addAttribute("agencies", sides.plain(sides.readCommand("/api/admin/agencies")));
        return "admin/agencies";
    }

    @PostMapping("/admin/agencies")
    public String createAgency(@RequestParam String agencyId, @RequestParam String name,
                               @RequestParam(required = false) String parentId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agencyId", agencyId.strip());
        body.put("name", name.strip());
        body.put("parentId", parentId == null || parentId.isBlank() ? null : parentId.strip());
        return attempt(() -> sides.post(body, "/api/admin/agencies"), "已创建机关 " + agencyId, "/admin/agencies", redirect);
    }

    @PostMapping("/admin/agencies/{agencyId}/name")
    public String renameAgency(@PathVariable String agencyId, @RequestParam String name, RedirectAttributes redirect) {
        return attempt(() -> sides.put(Map.of("name", name.strip()), "/api/admin/agencies/{id}/name", agencyId),
                       "已更名", "/admin/agencies", redirect);
    }

    @GetMapping("/admin/users")
    public String users(Model model) {
        model.addAttribute("users", sides.plain(sides.readCommand("/api/admin/users")));
        model.addAttribute("roles", ROLES);
        return "admin/users";
    }

    @PostMapping("/admin/users")
    public String createUser(@RequestParam String username, @RequestParam String password,
                             @RequestParam(required = false) List<String> roles,
                             @RequestParam(required = false) String agencyId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username.strip());
        body.put("password", password);
        body.put("roles", roles == null ? List.of() : roles);
        body.put("agencyId", agencyId == null || agencyId.isBlank() ? null : agencyId.strip());
        return attempt(() -> sides.post(body, "/api/admin/users"), "已创建用户 " + username, "/admin/users", redirect);
    }

    @PostMapping("/admin/users/{username}/roles")
    public String changeRoles(@PathVariable String username, @RequestParam(required = false) List<String> roles,
                              @RequestParam(required = false) String agencyId, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roles", roles == null ? List.of() : roles);
        body.put("agencyId", agencyId == null || agencyId.isBlank() ? null : agencyId.strip());
        return attempt(() -> sides.put(body, "/api/admin/users/{u}/roles", username), "已修改 " + username + " 的角色",
                       "/admin/users", redirect);
    }

    @PostMapping("/admin/users/{username}/password")
    public String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        return attempt(() -> sides.put(Map.of("password", password), "/api/admin/users/{u}/password", username),
                       "已重设 " + username + " 的密码", "/admin/users", redirect);
    }

    @PostMapping("/admin/users/{username}/disabled")
    public String disable(@PathVariable String username, @RequestParam boolean disabled, RedirectAttributes redirect) {
        return attempt(() -> sides.put(Map.of("disabled", disabled), "/api/admin/users/{u}/disabled", username),
                       (disabled ? "已停用 " : "已启用 ") + username, "/admin/users", redirect);
    }

    /** Where a clerk receives reminders (docs/notices.md): a work e-mail address and a mobile number. */
    @PostMapping("/admin/users/{username}/contact")
    public String setContact(@PathVariable String username, @RequestParam(required = false) String email,
                             @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email == null || email.isBlank() ? null : email.strip());
        body.put("phone", phone == null || phone.isBlank() ? null : phone.strip());
        return attempt(() -> sides.put(body, "/api/admin/users/{u}/contact", username), "已修改 " + username + " 的联系方式",
                       "/admin/users", redirect);
    }

    /** The templates of an agency's messages (docs/notices.md), each kind with the one in use, editable. */
    @GetMapping("/admin/notice-templates")
    public String noticeTemplates(@RequestParam(required = false) String agencyId, Model model) {
        model.addAttribute("agencies", sides.plain(sides.readCommand("/api/admin/agencies")));
        if (agencyId != null && !agencyId.isBlank()) {
            try {
                model.addAttribute("templates", sides.plain(sides.read("/api/admin/notice-templates/{a}", agencyId.strip())));
            } catch (Refused refused) {
                if (refused.status() >= 500) {
                    throw refused;
                }
                model.addAttribute("formError", Zh.chinese(refused.detail()));
            }
        }
        model.addAttribute("agencyId", agencyId);
        return "admin/notice-templates";
    }

    @PostMapping("/admin/notice-templates/{agencyId}/{kind}")
    public String putNoticeTemplate(@PathVariable String agencyId, @PathVariable String kind, @RequestParam String subject,
                                    @RequestParam String body, RedirectAttributes redirect) {
        return attempt(() -> sides.putToQuery(Map.of("subject", subject, "body", body), "/api/admin/notice-templates/{a}/{k}",
                                              agencyId, kind),
                       "已保存 " + kind + " 的模板", "/admin/notice-templates?agencyId=" + agencyId, redirect);
    }

    @GetMapping("/admin/calendars")
    public String calendars(Model model) {
        model.addAttribute("years", sides.plain(sides.read("/api/calendars")));
        model.addAttribute("warnings", sides.plain(sides.read("/api/calendars/warnings")));
        return "admin/calendars";
    }

    /** A year as a month grid; {@code since}: the publication before the one just made, to wait for the new one. */
    @GetMapping("/admin/calendars/{year}")
    public String calendar(@PathVariable int year, @RequestParam(required = false) String since, Model model,
                           @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("year", year);
        model.addAttribute("since", since);
        JsonNode moved = null;
        try {
            moved = sides.read("/api/calendars/{y}/moved-due-dates", year);
        } catch (Refused refused) {
            if (!refused.notFound()) {
                throw refused;
            }
        }
        boolean waiting = since != null && moved != null && since.equals(moved.path("eventId").asText("none"));
        model.addAttribute("waiting", waiting || (since != null && moved == null));
        model.addAttribute("moved", moved == null ? null : sides.plain(moved));
        if (htmx != null) {
            return "admin/calendar :: moves";
        }
        try {
            JsonNode known = sides.read("/api/calendars/{y}", year);
            model.addAttribute("calendar", sides.plain(known));
            model.addAttribute("months", months(year, dates(known.get("daysOff")), dates(known.get("workedWeekendDays"))));
        } catch (Refused refused) {
            if (!refused.notFound()) {
                throw refused;
            }
            model.addAttribute("missing", Zh.chinese(refused.detail()));
        }
        return "admin/calendar";
    }

    @PostMapping("/admin/calendars/{year}")
    public String publish(@PathVariable int year, @RequestParam String text, RedirectAttributes redirect) {
        String since = "none";
        try {
            since = sides.read("/api/calendars/{y}/moved-due-dates", year).path("eventId").asText("none");
        } catch (Refused refused) {
            if (!refused.notFound()) {
                throw refused;
            }
        }
        try {
            sides.put(Map.of("text", text), "/api/admin/calendars/{y}", year);
        } catch (Refused refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("publishError", Zh.chinese(refused.detail()));
            redirect.addFlashAttribute("text", text);
            return "redirect:/admin/calendars/" + year;
        }
        redirect.addFlashAttribute("message", year + " 年工作日历已发布，正在重新计算受影响的答复期限。");
        return "redirect:/admin/calendars/" + year + "?since=" + since;
    }

    @GetMapping("/admin/projections")
    public String projections(Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("projections", sides.plain(sides.read("/api/projections")));
        return htmx != null ? "admin/projections :: status" : "admin/projections";
    }

    @PostMapping("/admin/projections/replay")
    public String replay(@RequestParam(required = false) String name, RedirectAttributes redirect) {
        String path = name == null || name.isBlank() ? "/api/admin/projections/replay"
                                                     : "/api/admin/projections/" + name + "/replay";
        return attempt(() -> sides.postToQuery(Map.of(), path), "已开始重建", "/admin/projections", redirect);
    }

    /** One day of the month grid: its date (null for the padding before the 1st) and what kind of day it is. */
    public record Day(LocalDate date, String kind) {
    }

    public record Month(int month, List<List<Day>> weeks) {
    }

    static List<Month> months(int year, Set<LocalDate> off, Set<LocalDate> worked) {
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            List<List<Day>> weeks = new ArrayList<>();
            List<Day> week = new ArrayList<>();
            LocalDate first = LocalDate.of(year, m, 1);
            for (int pad = 1; pad < first.getDayOfWeek().getValue(); pad++) {
                week.add(new Day(null, "pad"));
            }
            for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                String kind = off.contains(d) ? "off" : worked.contains(d) ? "worked" : weekend ? "weekend" : "working";
                week.add(new Day(d, kind));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                weeks.add(week);
            }
            months.add(new Month(m, weeks));
        }
        return months;
    }

    private static Set<LocalDate> dates(JsonNode list) {
        Set<LocalDate> dates = new HashSet<>();
        if (list != null) {
            list.forEach(d -> dates.add(LocalDate.parse(d.asText())));
        }
        return dates;
    }

    private static String attempt(Runnable call, String done, String back, RedirectAttributes redirect) {
        try {
            call.run();
            redirect.addFlashAttribute("message", done);
        } catch (Refused refused) {
            if (refused.status() >= 500) {
                throw refused;
            }
            redirect.addFlashAttribute("formError", Zh.chinese(refused.detail()));
            redirect.addFlashAttribute("formErrors", refused.fieldErrors());
        }
        return "redirect:" + back;
    }
}
