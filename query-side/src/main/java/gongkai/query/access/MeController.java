package gongkai.query.access;

import gongkai.events.access.Actor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Who the caller is: the web pages check a signing-in user's password by calling this with it. */
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
