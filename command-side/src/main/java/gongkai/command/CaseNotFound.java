package gongkai.command;

/** No case with that id in the caller's agency (HTTP 404). Cases of other agencies are not revealed. */
public final class CaseNotFound extends RuntimeException {

    public CaseNotFound(String kind, String id) {
        super("未找到该案件 (no " + kind + " " + id + " in your agency)", null, false, false);
    }
}
