package gongkai.events.papers;

import gongkai.events.PersonalData;

/**
 * The name a file came with. Personal data like the applicant's own fields (a scan is often named for
 * the person it concerns): withheld from readers who have no need for it, never in a log line.
 */
public record FileName(String value) implements PersonalData {

    @Override
    public String toString() {
        return "FileName[personal data withheld]";
    }
}
