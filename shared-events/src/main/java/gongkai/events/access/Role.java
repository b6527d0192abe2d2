package gongkai.events.access;

/**
 * The roles of docs/http-api.md ("Conventions"): a clerk records cases of their own agency, an auditor reads, an admin
 * manages.
 */
public enum Role {
    CLERK, AUDITOR, ADMIN,
    /**
     * The head of an agency's disclosure office (政府信息公开工作机构负责人): approves or refuses the extensions its
     * clerks request (第三十三条). Belongs to an agency; usually held together with CLERK.
     */
    SUPERVISOR,
    /** The pages (a process of their own) calling on a signed-in user's behalf; grants nothing by itself. */
    PAGES
}
