package gongkai.query.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.http.Problems;

import java.util.List;
import java.util.Set;

/**
 * Who may read what (docs/agencies.md, "Scopes"): a clerk reads their own agency and the agencies closed into
 * it (whose cases it handles); an auditor reads every agency in the subtree of theirs as the tree stands
 * today, and nothing beside or above it; admins read every agency.
 */
public final class ReadAccess {

    /** The tree's answers that scopes need; the query side's {@code AgencyScopes} gives them for each request. */
    public interface Scopes {

        /** The agencies the reader may read beside their own. */
        Set<String> beyondOwn(Actor reader);

        /** The agencies closed into this one, and into those, …: their cases are listed with this one's. */
        List<String> predecessors(String agencyId);
    }

    private static final Scopes NONE = new Scopes() {
        @Override
        public Set<String> beyondOwn(Actor reader) {
            return Set.of();
        }

        @Override
        public List<String> predecessors(String agencyId) {
            return List.of();
        }
    };

    /**
     * Set for each request by the scopes filter (a thread's request belongs to one running query side, and
     * several may run in one JVM); none outside a request.
     */
    private static final ThreadLocal<Scopes> SCOPES = ThreadLocal.withInitial(() -> NONE);

    private ReadAccess() {
    }

    /** The scopes of the request the thread now serves, until {@link #done()}. */
    public static void use(Scopes scopes) {
        SCOPES.set(scopes);
    }

    public static void done() {
        SCOPES.remove();
    }

    public static boolean mayRead(Actor reader, String agencyId) {
        return reader.is(Role.ADMIN) || agencyId.equals(reader.agencyId()) || SCOPES.get().beyondOwn(reader).contains(agencyId);
    }

    /** Every agency the reader may read (their own first), for a reader who is not an admin. */
    public static List<String> readable(Actor reader) {
        List<String> all = new java.util.ArrayList<>();
        if (reader.agencyId() != null) {
            all.add(reader.agencyId());
        }
        SCOPES.get().beyondOwn(reader).stream().sorted().filter(a -> !all.contains(a)).forEach(all::add);
        return all;
    }

    public static void requireAgency(Actor reader, String agencyId) {
        if (!mayRead(reader, agencyId)) {
            throw Problems.Refused.forbidden("只能查看本机关及下级机关的数据 (you may read your own agency and those under it only)");
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

    /** The agencies whose cases a list of this agency shows: its own and those of the agencies closed into it. */
    public static List<String> handledBy(String agencyId) {
        List<String> predecessors = SCOPES.get().predecessors(agencyId);
        if (predecessors.isEmpty()) {
            return List.of(agencyId);
        }
        List<String> all = new java.util.ArrayList<>(predecessors.size() + 1);
        all.add(agencyId);
        all.addAll(predecessors);
        return all;
    }

    /** A page of a listing: numbered from 0, of 1 to {@code maxSize} items; else a problem naming the field. */
    public static void requirePage(int page, int size, int maxSize) {
        if (page < 0) {
            throw Problems.Refused.badInput("page", "页码从 0 开始 (page must be 0 or more)");
        }
        if (size < 1 || size > maxSize) {
            throw Problems.Refused.badInput("size", "每页 1 至 " + maxSize + " 条 (size must be 1.." + maxSize + ")");
        }
    }
}
