package gongkai.events.proactive;

import gongkai.events.CaseEvent;

/** An event in the life of one rule (规章) or normative document (行政规范性文件) of an agency. */
public sealed interface DocumentEvent extends CaseEvent permits DocumentIssued, DocumentRepealed {

    String documentId();

    @Override
    default String caseId() {
        return documentId();
    }
}
