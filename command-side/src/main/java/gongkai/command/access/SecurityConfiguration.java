package gongkai.command.access;

import gongkai.events.access.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.http.IdempotencyKeys;
import gongkai.http.WebSupport;
import gongkai.http.access.SignedInChain;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** Admins manage agencies and users; clerks record. Sign-in and errors as both sides do them ({@link SignedInChain}). */
@Configuration
@Import(WebSupport.class)
public class SecurityConfiguration {

    @Bean
    public SignedInChain.Rules commandSideRoles() {
        return new SignedInChain.Rules("无权执行此操作 (your role does not allow this)", auth -> auth
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                // The public form reaches the command side only through the pages (CAPTCHA, limits per address).
                .requestMatchers("/api/public/**").hasRole(Role.PAGES.name())
                // 第三十三条: an extension needs the approval of the head of the disclosure office.
                .requestMatchers("/api/applications/*/extension", "/api/applications/*/extension-request/approval",
                                 "/api/applications/*/extension-request/refusal").hasRole(Role.SUPERVISOR.name())
                // 个人信息保护法 第四十七条: a clerk of the agency or an admin erases an applicant's personal data
                .requestMatchers("/api/applications/*/personal-data/erasure").hasAnyRole(Role.CLERK.name(), Role.ADMIN.name())
                .requestMatchers("/api/**").hasRole(Role.CLERK.name())
                .anyRequest().authenticated());
    }

    /** Retried POSTs answered once ({@link IdempotencyKeys}), after sign-in: a key belongs to its user. */
    @Bean
    public FilterRegistrationBean<IdempotencyKeys> idempotencyKeys(JdbcTemplate jdbc, ObjectMapper json) {
        FilterRegistrationBean<IdempotencyKeys> registration = new FilterRegistrationBean<>(new IdempotencyKeys(jdbc, json));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
