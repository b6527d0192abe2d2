package gongkai.web.forms;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.web.sides.Refused;
import gongkai.web.sides.Sides;
import gongkai.web.text.Zh;
import org.springframework.util.MultiValueMap;

import java.util.Map;

/**
 * A form sent as a command: recorded (the side's answer), or refused with the rule that refused it and
 * each bad field's message, to show the form again as it was sent. Other failures (a case not there,
 * a side down) are not the form's to show: they go on as {@link Refused}.
 */
public record Submission(JsonNode answer, Failure failure) {

    /** What the page shows on a refused form: which form, the rule's detail, messages by field, the values sent. */
    public record Failure(String form, String refusal, Map<String, String> errors, Map<String, Object> values, int status) {
    }

    public boolean recorded() {
        return failure == null;
    }

    public static Submission send(Sides sides, Action action, Map<String, Object> body,
                                  MultiValueMap<String, String> posted, Object... uriVariables) {
        try {
            return new Submission(sides.post(body, action.apiPath(), uriVariables), null);
        } catch (Refused refused) {
            if (refused.notFound() || (refused.status() != 400 && refused.status() != 409)) {
                throw refused;
            }
            return new Submission(null, new Failure(action.key(), Zh.chinese(refused.detail()), refused.fieldErrors(),
                                                    Forms.values(posted), refused.status()));
        }
    }

    public static Submission send(Sides sides, Action action, MultiValueMap<String, String> posted,
                                  Object... uriVariables) {
        return send(sides, action, Forms.body(posted, action.fields()), posted, uriVariables);
    }
}
