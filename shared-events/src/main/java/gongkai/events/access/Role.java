package gongkai.events.access;

/** The roles of api.md: a clerk records cases of their own agency, an auditor reads, an admin manages. */
public enum Role {
    CLERK, AUDITOR, ADMIN
}
