package gongkai.query.counting;

/** One check relation (勾稽关系) verified on a report: its name, whether it holds, and why not. */
public record Check(String name, boolean passed, String detail) {
}
