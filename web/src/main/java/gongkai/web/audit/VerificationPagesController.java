package gongkai.web.audit;

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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Verification of the event store against its hash chain, as the query side runs it: a job started
 * here, its progress followed (htmx asks once a second while it runs), its result read (intact, or each
 * altered, deleted, reordered or inserted event named), the earlier ones listed.
 */
@Controller
public class VerificationPagesController {

    private final Sides sides;

    public VerificationPagesController(Sides sides) {
        this.sides = sides;
    }

    @GetMapping("/audit/verifications")
    public String list(Model model) {
        model.addAttribute("jobs", sides.plain(sides.read("/api/audit/verifications", Map.of("size", 50))));
        return "audit/verifications";
    }

    @PostMapping("/audit/verifications")
    public String start(@RequestParam(required = false) String anchor, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (anchor != null && !anchor.isBlank()) {
            String[] parts = anchor.strip().split(":", 2);
            try {
                body.put("anchorIndex", Long.parseLong(parts[0]));
            } catch (NumberFormatException e) {
                redirect.addFlashAttribute("startError", "锚点须写作 序号:哈希 (the anchor is INDEX:HASH)");
                return "redirect:/audit/verifications";
            }
            body.put("anchorHash", parts.length > 1 ? parts[1] : null);
        }
        try {
            JsonNode started = sides.postToQuery(body, "/api/audit/verifications");
            return "redirect:/audit/verifications/" + started.get("id").asText();
        } catch (Refused refused) {
            if (refused.status() == 409) {
                redirect.addFlashAttribute("startError", "已有一项核验正在进行，以下是它的进度。");
                String running = refused.detail().replaceFirst(".*running: ([0-9a-f-]{36}).*", "$1");
                return running.length() == 36 ? "redirect:/audit/verifications/" + running : "redirect:/audit/verifications";
            }
            if (refused.status() == 400) {
                redirect.addFlashAttribute("startError", Zh.chinese(refused.detail()));
                return "redirect:/audit/verifications";
            }
            throw refused;
        }
    }

    @GetMapping("/audit/verifications/{id}")
    public String one(@PathVariable String id, Model model,
                      @RequestHeader(value = "HX-Request", required = false) String htmx) {
        model.addAttribute("job", sides.plain(sides.read("/api/audit/verifications/{id}", id)));
        return htmx != null ? "audit/verification :: progress" : "audit/verification";
    }
}
