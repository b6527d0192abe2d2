package gongkai.web.sides;

import java.util.Map;

/**
 * A side refused a request: its problem answer ({@code detail}, and for bad fields {@code errors},
 * field → message). The pages show the detail as the rule that refused, and each field's message
 * beside its field.
 */
public class Refused extends RuntimeException {

    private final int status;
    private final Map<String, String> fieldErrors;

    public Refused(int status, String detail, Map<String, String> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.fieldErrors = fieldErrors;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public boolean notFound() {
        return status == 404;
    }
}
