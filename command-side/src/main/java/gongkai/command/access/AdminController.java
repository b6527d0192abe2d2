package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.events.application.ContactFormats;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import gongkai.command.Refusal;
import org.springframework.http.HttpStatus;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The admin endpoints of docs/http-api.md ("Administration"): agencies listed (their changes are events:
 * {@code gongkai.command.agency.AgencyController})
 * and users (created, listed, roles, new password, disabled). The built-in account of the pages is
 * neither created nor changed here.
 */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

    public record NewUser(@NotBlank @Pattern(regexp = ID_PATTERN) String username,
                          @NotBlank @Size(max = 200) String password,
                          @NotEmpty Set<Role> roles,
                          @Pattern(regexp = ID_PATTERN) String agencyId) {
    }

    public record NewRoles(@NotEmpty Set<Role> roles, @Pattern(regexp = ID_PATTERN) String agencyId) {
    }

    public record NewPassword(@NotBlank @Size(min = 8, max = 200) String password) {
    }

    public record Disabled(@NotNull Boolean disabled) {
    }

    /** Where a clerk receives reminders: a work e-mail address and a mobile number (for SMS), either or both. */
    public record Contact(@Size(max = 254) String email, @Size(max = 32) String phone) {
    }

    private final UserAccounts accounts;

    public AdminController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/agencies")
    public Map<String, Object> agencies() {
        return Map.of("agencies", accounts.agencies());
    }

    @GetMapping("/users")
    public Map<String, Object> users() {
        return Map.of("users", accounts.users());
    }

    /** New roles (and agency) for a user. An admin cannot take the ADMIN role from themselves. */
    @PutMapping("/users/{username}/roles")
    public UserAccounts.Listed changeRoles(@PathVariable String username, @Valid @RequestBody NewRoles change,
                                           @AuthenticationPrincipal Actor admin) {
        Set<Role> roles = EnumSet.copyOf(change.roles());
        requireNotBuiltIn(username);
        if (roles.contains(Role.PAGES)) {
            throw Refusal.invalid("roles", "页面服务账号是内置的 (the role PAGES belongs to the built-in account only)");
        }
        requireAgencyFor(roles, change.agencyId());
        if (username.equals(admin.username()) && !roles.contains(Role.ADMIN)) {
            throw Refusal.conflict("不能取消自己的管理员角色 (you cannot take the ADMIN role from yourself)");
        }
        if (!accounts.changeRoles(username, roles, change.agencyId())) {
            throw notFound("用户不存在 (no user " + username + ")");
        }
        return accounts.user(username).orElseThrow();
    }

    /** A new password, set by an admin (e.g. one the user forgot); the old one stops working at once. */
    @PutMapping("/users/{username}/password")
    public Map<String, Object> resetPassword(@PathVariable String username, @Valid @RequestBody NewPassword password) {
        requireNotBuiltIn(username);
        if (!accounts.resetPassword(username, password.password())) {
            throw notFound("用户不存在 (no user " + username + ")");
        }
        return Map.of("username", username, "passwordReset", true);
    }

    /** Disables a user (they sign in nowhere; their name stays on what they recorded) or enables them again. */
    @PutMapping("/users/{username}/disabled")
    public UserAccounts.Listed disable(@PathVariable String username, @Valid @RequestBody Disabled disabled,
                                      @AuthenticationPrincipal Actor admin) {
        requireNotBuiltIn(username);
        if (username.equals(admin.username()) && disabled.disabled()) {
            throw Refusal.conflict("不能停用自己的账号 (you cannot disable yourself)");
        }
        if (!accounts.setDisabled(username, disabled.disabled())) {
            throw notFound("用户不存在 (no user " + username + ")");
        }
        return accounts.user(username).orElseThrow();
    }

    /** Where the user receives the reminders of their agency's cases (docs/notices.md); empty or null for none. */
    @PutMapping("/users/{username}/contact")
    public UserAccounts.Listed setContact(@PathVariable String username, @Valid @RequestBody Contact contact) {
        requireNotBuiltIn(username);
        String email = blankToNull(contact.email());
        String phone = blankToNull(contact.phone());
        if (email != null && !ContactFormats.isEmail(email)) {
            throw Refusal.invalid("email", "电子邮箱格式不正确 (not an e-mail address)");
        }
        if (phone != null && !ContactFormats.isMobile(phone)) {
            throw Refusal.invalid("phone", "须为 11 位手机号码，用于接收短信 (a mainland mobile number, for SMS)");
        }
        if (!accounts.setContact(username, email, phone == null ? null : phone.replace(" ", ""))) {
            throw notFound("用户不存在 (no user " + username + ")");
        }
        return accounts.user(username).orElseThrow();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ResponseStatusException notFound(String message) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, message);
    }

    /** The pages' account is kept by each process's start from its configured password, not from here. */
    private static void requireNotBuiltIn(String username) {
        if (username.equals(BootstrapAdmin.PAGES)) {
            throw Refusal.conflict("页面服务账号是内置的，由各进程启动时设置 (the pages account is built in)");
        }
    }

    private void requireAgencyFor(Set<Role> roles, String agencyId) {
        boolean needsAgency = roles.contains(Role.CLERK) || roles.contains(Role.AUDITOR)
                              || roles.contains(Role.SUPERVISOR);
        if (needsAgency && agencyId == null) {
            throw Refusal.invalid("agencyId", "办事员、审计员和负责人必须属于一个机关 (clerks, auditors and supervisors belong to an agency)");
        }
        if (agencyId != null && !accounts.agencyExists(agencyId)) {
            throw Refusal.invalid("agencyId", "机关不存在 (no agency " + agencyId + ")");
        }
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
        requireAgencyFor(roles, user.agencyId());
        accounts.createUser(user.username(), user.password(), roles, user.agencyId());
        Map<String, Object> created = new LinkedHashMap<>();
        created.put("username", user.username());
        created.put("roles", roles);
        created.put("agencyId", user.agencyId());
        return created;
    }
}
