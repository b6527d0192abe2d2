package gongkai.events;

/** Names of the metadata stored with every event, so that both sides read what the other wrote. */
public final class MetaDataKeys {

    /** The authenticated user who recorded the event. */
    public static final String ACTOR = "actor";
    /** The agency whose case the event belongs to. */
    public static final String AGENCY = "agencyId";
    /** The business date the event is about (ISO date); the recorded instant is the event's own timestamp. */
    public static final String BUSINESS_DATE = "businessDate";
    /** On an event recorded by an import: the SHA-256 of the file it came from (the actor is who imported it). */
    public static final String IMPORTED_FROM = "importedFrom";

    private MetaDataKeys() {
    }
}
