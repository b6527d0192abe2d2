package gongkai.web.forms;

import java.util.List;

/**
 * A short form that records one command: posted by the page as {@code key}, sent to the command side's
 * {@code apiPath} (a URI template whose variables the page fills: the case's id), with a button.
 */
public record Action(String key, String title, String apiPath, List<Field> fields, String button) {
}
