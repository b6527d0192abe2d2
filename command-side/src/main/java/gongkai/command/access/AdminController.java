package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import gongkai.command.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The admin endpoints of docs/http-api.md ("Administration"): agencies (a tree) and users. */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public record NewAgency(@NotBlank @Pattern(regexp = ID_PATTERN) String agencyId,
                            @NotBlank @Size(max = 200) String name,
                            @Pattern(regexp = ID_PATTERN) String parentId) {
    }

    public record NewUser(@NotBlank @Pattern(regexp = ID_PATTERN) String username,
                          @NotBlank @Size(max = 200) String password,
                          @NotEmpty Set<Role> roles,
                          @Pattern(regexp = ID_PATTERN) String agencyId) {
    }

    private final UserAccounts accounts;

    public AdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/agencies")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> createAgency(@Valid @RequestBody NewAgency agency) {
        if (agency.parentId() != null && !accounts.agencyExists(agency.parentId())) {
            throw Refusal.invalid("parentId", "上级机关不存在 (no agency " + agency.parentId() + ")");
        }
        accounts.createAgency(agency.agencyId(), agency.name(), agency.parentId());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("agencyId", agency.agencyId());
        created.put("name", agency.name());
        created.put("parentId", agency.parentId());
        return created;
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    public Map<String, Object> createUser(@Valid @RequestBody NewUser user) {
        PasswordPolicy.refusal(user.username(), user.password()).ifPresent(refusal -> {
            throw Refusal.invalid("password", refusal);
        });
        Set<Role> roles = EnumSet.copyOf(user.roles());
        if (roles.contains(Role.PAGES) || user.username().equals(BootstrapAdmin.PAGES)) {
            throw Refusal.invalid(roles.contains(Role.PAGES) ? "roles" : "username",
                                  "页面服务账号是内置的 (the pages account is built in, not created)");
        }
        boolean needsAgency = roles.contains(Role.CLERK) || roles.contains(Role.AUDITOR);
        if (needsAgency && user.agencyId() == null) {
            throw Refusal.invalid("agencyId", "办事员和审计员必须属于一个机关 (clerks and auditors belong to an agency)");
        }
        if (user.agencyId() != null && !accounts.agencyExists(user.agencyId())) {
            throw Refusal.invalid("agencyId", "机关不存在 (no agency " + user.agencyId() + ")");
        }
        accounts.createUser(user.username(), user.password(), roles, user.agencyId());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("username", user.username());
        created.put("roles", roles);
        created.put("agencyId", user.agencyId());
        return created;
    }
}
