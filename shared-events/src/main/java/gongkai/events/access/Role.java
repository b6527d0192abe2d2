package gongkai.events.access;

/**
 * The roles of docs/http-api.md ("Conventions"): a clerk records cases of their own agency, an auditor reads, an admin
 * manages.
 */
public enum Role {
    CLERK, AUDITOR, ADMIN
}
