package gongkai.web.access;

import gongkai.web.online.PublicFormUploads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * Sign-in with a form, a session cookie (HttpOnly, SameSite=Lax, see {@code web.properties}), a CSRF
 * token on every form, sign-out. Signed out, every page leads to the sign-in page.
 */
@Configuration
public class WebSecurity {

    @Bean
    public SecurityFilterChain pages(HttpSecurity http, SignInWithSides signIn, PublicFormUploads uploads) throws Exception {
        HttpSessionRequestCache requestedPage = new HttpSessionRequestCache();
        requestedPage.setMatchingRequestParameterName(null); // back to the page asked for, with a clean address
        return http
                .requestCache(cache -> cache.requestCache(requestedPage))
                // a body too large for the public form is refused unread (its token with it): it records nothing
                .csrf(csrf -> csrf.ignoringRequestMatchers(uploads::overTheLimit))
                .authenticationProvider(signIn)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/apply", "/apply/captcha.png", "/track", "/track/letter", "/css/public.css").permitAll()
                        .requestMatchers("/signin", "/forbidden", "/css/**", "/webjars/**", "/favicon.svg", "/error").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/signin").defaultSuccessUrl("/", false)
                                       .failureUrl("/signin?error").permitAll())
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/signin?signedOut"))
                .exceptionHandling(ex -> ex.accessDeniedPage("/forbidden"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                        + "frame-ancestors 'self'; form-action 'self'")))
                .build();
    }
}
