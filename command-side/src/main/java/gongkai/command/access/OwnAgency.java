package gongkai.command.access;

import gongkai.command.Refusal;
import gongkai.events.access.Actor;
import gongkai.http.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A clerk records only for their own agency. Named in a request's body, another agency is bad input
 * (400 on {@code agencyId}, as for applications). Named in the path ({@code /api/agencies/{agencyId}/…}),
 * it is 403 Forbidden, whether or not that agency exists: the path names an agency, not a case, so
 * there is nothing to hide by pretending it is unknown, and nothing is revealed about it either.
 */
public final class OwnAgency {

    private OwnAgency() {
    }

    public static void inBody(String agencyId, Actor clerk) {
        if (!agencyId.equals(clerk.agencyId())) {
            throw Refusal.invalid("agencyId", "只能登记本机关的案件 (you record cases of your own agency only)");
        }
    }

    public static void inPath(String agencyId, Actor clerk) {
        if (!agencyId.equals(clerk.agencyId())) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, Problems.of(
                    HttpStatus.FORBIDDEN, "只能登记本机关的信息 (you record for your own agency only)"), null);
        }
    }
}
