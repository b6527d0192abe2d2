package gongkai.command.access;

import gongkai.events.access.Role;
import gongkai.http.WebSupport;
import gongkai.http.access.SignedInChain;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Admins manage agencies and users; clerks record. Sign-in and errors as both sides do them ({@link SignedInChain}). */
@Configuration
@Import(WebSupport.class)
public class SecurityConfiguration {

    @Bean
    public SignedInChain.Rules commandSideRoles() {
        return new SignedInChain.Rules("无权执行此操作 (your role does not allow this)", auth -> auth
                .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
                .requestMatchers("/api/**").hasRole(Role.CLERK.name())
                .anyRequest().authenticated());
    }
}
