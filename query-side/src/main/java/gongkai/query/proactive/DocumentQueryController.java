package gongkai.query.proactive;

import gongkai.events.access.Actor;
import gongkai.query.access.ReadAccess;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** An agency's register of rules and normative documents (table 二), and its opening balance if recorded. */
@RestController
public class DocumentQueryController {

    private final Documents documents;

    public DocumentQueryController(Documents documents) {
        this.documents = documents;
    }

    @GetMapping("/api/agencies/{agencyId}/documents")
    public Map<String, Object> register(@PathVariable String agencyId, @AuthenticationPrincipal Actor reader) {
        ReadAccess.requireAgency(reader, agencyId);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("agencyId", agencyId);
        answer.put("documents", documents.ofAgency(agencyId));
        answer.put("openingBalance", documents.openingBalance(agencyId));
        return answer;
    }
}
