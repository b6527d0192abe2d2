package gongkai.query.counting;

import gongkai.events.application.ApplicantType;

/** One count of table 三: how many applications are in a (row, applicant type) cell. */
public record CellCount(String rowKey, ApplicantType column, int count) {
}
