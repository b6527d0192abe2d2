package gongkai.web.online;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 网上申请 for the clerks: the agency's applications submitted online, each with what the applicant wrote, to
 * confirm (the date of receipt is the day of confirmation, 第三十一条) or to return with a reason.
 */
@Controller
public class SubmissionsController {

    private final Sides sides;

    public SubmissionsController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/submissions")
    public ModelAndView list() {
        JsonNode pending = sides.read("/api/submissions");
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : pending.path("items")) {
            Map<String, Object> row = new LinkedHashMap<>(sides.plain(item));
            String id = item.path("applicationId").asText();
            var filesCall = sides.beside(() -> sides.read("/api/applications/{id}/attachments", id));
            JsonNode submitted = sides.read("/api/applications/{id}/history", id)
                                      .path("events").path(0).path("content");
            // the files the applicant attached, to look at before confirming
            row.put("files", sides.plain(Sides.answerOf(filesCall)).get("files"));
            row.put("content", sides.plain(submitted));
            // withheld (a string) for a reader who may not see personal data
            row.put("applicantName", submitted.path("applicant").isObject()
                                     ? submitted.path("applicant").path("name").asText(null) : null);
            items.add(row);
        }
        ModelAndView page = new ModelAndView("submissions");
        page.addObject("items", items);
        return page;
    }

    @PostMapping("/submissions/{id}/confirmation")
    public ModelAndView confirm(@PathVariable String id, RedirectAttributes redirect) {
        try {
            sides.post(Map.of(), "/api/applications/{id}/confirmation", id);
            redirect.addFlashAttribute("recorded", "已确认收到，答复期限自次日起算。");
            return new ModelAndView("redirect:/applications/" + id);
        } catch (Refused refused) {
            redirect.addFlashAttribute("problem", Zh.chinese(refused.detail()));
            return new ModelAndView("redirect:/submissions");
        }
    }

    @PostMapping("/submissions/{id}/return")
    public ModelAndView returnToApplicant(@PathVariable String id, @RequestParam(defaultValue = "") String returnedOn,
                                          @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("returnedOn", returnedOn.isBlank() ? null : returnedOn);
        body.put("reason", reason.isBlank() ? null : reason);
        try {
            sides.post(body, "/api/applications/{id}/return", id);
            redirect.addFlashAttribute("recorded", "已退回申请人。");
        } catch (Refused refused) {
            String detail = refused.fieldErrors().isEmpty() ? refused.detail() : String.join("；", refused.fieldErrors().values());
            redirect.addFlashAttribute("problem", Zh.chinese(detail));
        }
        return new ModelAndView("redirect:/submissions");
    }
}
