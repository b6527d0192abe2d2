package gongkai.events;

import java.time.LocalDate;

/**
 * An event in the life of one case (an application, a reconsideration, a lawsuit). Every case event
 * names its case and the business date it is about: the day the clerk says it happened, in
 * Asia/Shanghai, which is what the annual report counts (not the instant it was recorded).
 */
public interface CaseEvent {

    String caseId();

    LocalDate businessDate();
}
