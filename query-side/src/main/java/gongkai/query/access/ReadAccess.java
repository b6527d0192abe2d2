package gongkai.query.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.http.Problems;

/**
 * Who may read what: clerks and auditors read their own agency, admins read every agency.
 * (Agency trees and roll-ups widen an auditor's scope in a later issue.)
 */
public final class ReadAccess {

    private ReadAccess() {
    }

    public static boolean mayRead(Actor reader, String agencyId) {
        return reader.is(Role.ADMIN) || agencyId.equals(reader.agencyId());
    }

    public static void requireAgency(Actor reader, String agencyId) {
        if (!mayRead(reader, agencyId)) {
            throw Problems.Refused.forbidden("只能查看本机关的数据 (you may read your own agency only)");
        }
    }

    /**
     * The agency a list is read for: the one asked for, else the reader's own (an admin, who has none, must
     * name one); refused where the reader may not read it.
     */
    public static String listedAgency(Actor reader, String agencyId) {
        String agency = agencyId != null ? agencyId : reader.agencyId();
        if (agency == null) {
            throw Problems.Refused.badInput("agencyId", "请指定机关 (agencyId is required)");
        }
        requireAgency(reader, agency);
        return agency;
    }
}
