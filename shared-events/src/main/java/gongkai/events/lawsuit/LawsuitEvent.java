package gongkai.events.lawsuit;

import gongkai.events.CaseEvent;

/** An event in the life of one administrative lawsuit (行政诉讼) about the agency's disclosure work. */
public sealed interface LawsuitEvent extends CaseEvent permits LawsuitFiled, LawsuitJudged {

    String lawsuitId();

    @Override
    default String caseId() {
        return lawsuitId();
    }
}
