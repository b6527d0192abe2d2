package gongkai.http.access;

import gongkai.events.access.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/me}: who the request runs as. The pages check a password by calling it with the
 * user's own credentials, and learn the user's roles and agency.
 */
@RestController
public class MeController {

    @GetMapping("/api/me")
    public Map<String, Object> me(@AuthenticationPrincipal Actor me) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("username", me.username());
        answer.put("roles", me.roles().stream().map(Enum::name).sorted().toList());
        answer.put("agencyId", me.agencyId());
        return answer;
    }
}
