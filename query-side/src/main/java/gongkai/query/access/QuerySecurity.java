package gongkai.query.access;

import gongkai.events.access.Role;
import gongkai.http.WebSupport;
import gongkai.http.access.SignedInChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The users the command side keeps, signed in as on both sides ({@link SignedInChain}). Every reader
 * is a clerk, auditor or admin; which agencies they may read is decided by {@link ReadAccess}.
 */
@Configuration
@Import(WebSupport.class)
public class QuerySecurity {

    @Bean
    public SignedInChain.Rules querySideRoles() {
        return new SignedInChain.Rules("无权查看 (your role does not allow this)", auth -> auth
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                // The applicant's status by query code: only through the pages (CAPTCHA, limits per address).
                .requestMatchers("/api/public/**").hasRole(Role.PAGES.name())
                .anyRequest().hasAnyRole(Role.CLERK.name(), Role.AUDITOR.name(), Role.ADMIN.name(),
                                         Role.SUPERVISOR.name()));
    }
}
