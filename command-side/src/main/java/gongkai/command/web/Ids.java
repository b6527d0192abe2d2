package gongkai.command.web;

import gongkai.command.Refusal;

import java.util.UUID;

/** Case ids are UUIDs, chosen by the client or by gongkai. */
public final class Ids {

    private Ids() {
    }

    /** The id the client chose, in canonical form, or a new one when it chose none. */
    public static String chosenOrNew(String field, String id) {
        return id == null ? UUID.randomUUID().toString() : uuid(field, id);
    }

    /** An optional reference to another case: null stays null, anything else must be a UUID. */
    public static String optional(String field, String id) {
        return id == null ? null : uuid(field, id);
    }

    public static String uuid(String field, String id) {
        try {
            return UUID.fromString(id).toString();
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(field, "编号必须是 UUID (" + field + " must be a UUID)");
        }
    }
}
