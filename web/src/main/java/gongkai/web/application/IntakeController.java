package gongkai.web.application;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.access.SignedIn;
import gongkai.web.forms.Forms;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.UUID;

/**
 * 登记申请: every field of the receive command. The form carries the application's id, chosen when the
 * form is shown: sent twice (a double click, back and send again), it records one application, as the
 * command side takes a repeat of the same receipt as the same application.
 */
@Controller
public class IntakeController {

    private final Sides sides;

    public IntakeController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/applications/new")
    public String form(Model model) {
        model.addAttribute("applicationId", UUID.randomUUID().toString());
        return show(model, null, Map.of(), Map.of());
    }

    @PostMapping("/applications")
    public String receive(@RequestParam MultiValueMap<String, String> posted, Model model, RedirectAttributes redirect) {
        String applicationId = posted.getFirst("applicationId");
        Map<String, Object> body = Forms.body(posted, ApplicationForms.INTAKE);
        body.put("applicationId", applicationId);
        body.put("agencyId", SignedIn.current().agencyId());
        model.addAttribute("applicationId", applicationId);
        try {
            JsonNode answer = receive(body);
            redirect.addFlashAttribute("recorded", "申请已登记。");
            return "redirect:/applications/" + answer.path("applicationId").asText();
        } catch (Refused refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            return show(model, Zh.chinese(refused.detail()), refused.fieldErrors(), Forms.values(posted));
        }
    }

    /**
     * The same form sent twice at once (a double click) reaches the command side twice at once: the one that
     * comes second may find the application being created (409). Sent again, it finds it recorded and is
     * answered as a repeat; a genuine refusal is refused again.
     */
    private JsonNode receive(Map<String, Object> body) {
        try {
            return sides.post(body, "/api/applications");
        } catch (Refused refused) {
            if (refused.status() != 409) {
                throw refused;
            }
            return sides.post(body, "/api/applications");
        }
    }

    private String show(Model model, String refusal, Map<String, String> errors, Map<String, Object> values) {
        model.addAttribute("fields", ApplicationForms.INTAKE);
        model.addAttribute("failed", refusal == null ? null : "intake");
        model.addAttribute("refusal", refusal);
        model.addAttribute("errors", errors);
        model.addAttribute("values", values);
        return "intake";
    }
}
