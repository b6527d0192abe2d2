package gongkai.events.application;

import gongkai.events.PersonalData;

/**
 * The applicant's personal data (个人信息 under the Personal Information Protection Law): needed to
 * answer the applicant, never needed by a report. {@link #toString()} never shows it, so that it
 * cannot leak into a log line or an error message by accident.
 */
public record Applicant(String name, String idNumber, String phone, String email, String address) implements PersonalData {

    @Override
    public String toString() {
        return "Applicant[personal data withheld]";
    }
}
