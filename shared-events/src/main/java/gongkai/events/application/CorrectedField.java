package gongkai.events.application;

/** The facts of an application that a clerk may correct; each correction is an event of its own. */
public enum CorrectedField {
    applicantType, receivedOn, channel, outcome, concludedOn
}
