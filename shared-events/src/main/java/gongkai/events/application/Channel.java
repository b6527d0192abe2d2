package gongkai.events.application;

/** How an application reached the agency; it decides which day counts as the day of receipt (第三十一条). */
public enum Channel {
    IN_PERSON, MAIL, ONLINE, FAX, OTHER
}
