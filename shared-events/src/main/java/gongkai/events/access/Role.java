package gongkai.events.access;

/**
 * The roles of docs/http-api.md ("Conventions"): a clerk records cases of their own agency, an auditor reads, an admin
 * manages.
 */
public enum Role {
    CLERK, AUDITOR, ADMIN,
    /** The pages (a process of their own) calling on a signed-in user's behalf; grants nothing by itself. */
    PAGES
}
