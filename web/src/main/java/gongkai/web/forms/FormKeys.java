package gongkai.web.forms;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestDataValueProcessor;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One idempotency key per form as it was shown: every form the pages render carries a hidden
 * {@value #FIELD} (added beside the CSRF token, so no template can forget it), and each command that
 * submitting the form sends goes to the command side with the header {@code Idempotency-Key} made from it
 * (docs/http-api.md, "Idempotency-Key"). A form sent twice (a double click, back and resubmit, a retry after
 * a timeout) is then recorded once, the second answer being the first one again; a form shown anew (after a
 * refusal, say) has a new key, so a corrected submission is a new request, not a conflicting repeat.
 */
@Configuration
public class FormKeys {

    public static final String FIELD = "formKey";

    private static final String SENT = FormKeys.class.getName() + ".sent";
    private static final Pattern KEY = Pattern.compile("[0-9a-f-]{36}");

    /** Wraps the processor that adds the CSRF token to every form, so that each form gets its key too. */
    @Bean
    static BeanPostProcessor formKeysBesideTheCsrfToken() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof RequestDataValueProcessor processor ? withFormKey(processor) : bean;
            }
        };
    }

    /**
     * The key for the next command sent while handling the current form submission: the form's key and the
     * command's place among those the submission sends (a submission sending two commands sends two keys,
     * the same two again when it is repeated). Empty outside a request or for a request without a valid key.
     */
    public static Optional<String> next() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        String key = request.getParameter(FIELD);
        if (key == null || !KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Integer sent = (Integer) attributes.getAttribute(SENT, RequestAttributes.SCOPE_REQUEST);
        int place = sent == null ? 1 : sent + 1;
        attributes.setAttribute(SENT, place, RequestAttributes.SCOPE_REQUEST);
        return Optional.of(key + "/" + place);
    }

    private static RequestDataValueProcessor withFormKey(RequestDataValueProcessor processor) {
        return new RequestDataValueProcessor() {
            @Override
            public String processAction(HttpServletRequest request, String action, String httpMethod) {
                return processor.processAction(request, action, httpMethod);
            }

            @Override
            public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
                return processor.processFormFieldValue(request, name, value, type);
            }

            @Override
            public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
                Map<String, String> fields = new HashMap<>();
                Map<String, String> others = processor.getExtraHiddenFields(request);
                if (others != null) {
                    fields.putAll(others);
                }
                fields.put(FIELD, UUID.randomUUID().toString());
                return fields;
            }

            @Override
            public String processUrl(HttpServletRequest request, String url) {
                return processor.processUrl(request, url);
            }
        };
    }
}
