package gongkai.events.access;

/**
 * The roles of api.md: a clerk records cases of their own agency, an auditor reads, an admin manages.
 * PAGES is the built-in account of the web pages, which may do nothing itself but act on behalf of a
 * signed-in user (header {@code Gongkai-On-Behalf-Of}), with that user's roles and agency.
 */
public enum Role {
    CLERK, AUDITOR, ADMIN, PAGES
}
