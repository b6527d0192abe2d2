package gongkai.command.calendar;

import gongkai.command.Refusal;
import gongkai.command.calendar.CalendarCommands.PublishCalendarYear;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static gongkai.command.Refusals.TODAY;
import static gongkai.command.Refusals.clockAtToday;
import static gongkai.command.Refusals.invalid;

/** The rules of publishing a year's working-day calendar (today is 2024-03-15). */
class CalendarPublicationAggregateTest {

    static final String Y2025 = """
            # 国务院办公厅关于2025年部分节假日安排的通知
            year: 2025
            notice: 国办发明电〔2024〕12号
            off: 2025-01-01
            off: 2025-01-28..2025-02-04
            work: 2025-01-26
            """;

    private FixtureConfiguration<CalendarPublicationAggregate> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CalendarPublicationAggregate.class);
        fixture.registerInjectableResource(clockAtToday());
    }

    @Test
    void aValidTextIsPublishedDatedTodayNamingItsNotice() {
        fixture.givenNoPriorActivity()
               .when(new PublishCalendarYear(2025, Y2025))
               .expectEvents(new WorkingDayCalendarPublished(2025, "国办发明电〔2024〕12号", Y2025, TODAY))
               .expectResultMessagePayload(true);
    }

    @Test
    void publishingTheSameTextAgainRecordsNothing() {
        fixture.given(new WorkingDayCalendarPublished(2025, "国办发明电〔2024〕12号", Y2025, TODAY.minusDays(3)))
               .when(new PublishCalendarYear(2025, Y2025))
               .expectNoEvents()
               .expectResultMessagePayload(false);
    }

    @Test
    void anotherTextReplacesTheYear() {
        String amended = Y2025 + "off: 2025-03-03  # 一个补充的休息日\n";
        fixture.given(new WorkingDayCalendarPublished(2025, "国办发明电〔2024〕12号", Y2025, TODAY.minusDays(3)))
               .when(new PublishCalendarYear(2025, amended))
               .expectEvents(new WorkingDayCalendarPublished(2025, "国办发明电〔2024〕12号", amended, TODAY));
    }

    @Test
    void aTextThatIsNotACalendarOfTheYearIsBadInputNamingTheLine() {
        String wrongWeekday = Y2025 + "work: 2025-03-03\n"; // line 7: a Monday cannot be a worked weekend day
        fixture.givenNoPriorActivity()
               .when(new PublishCalendarYear(2025, wrongWeekday))
               .expectNoEvents()
               .expectException(refusalSaying("text", "line 7"));
        fixture.givenNoPriorActivity()
               .when(new PublishCalendarYear(2025, Y2025.replace("year: 2025", "year: 2024")))
               .expectNoEvents()
               .expectException(refusalSaying("text", "line 2"));
        fixture.givenNoPriorActivity()
               .when(new PublishCalendarYear(2025, "  \n"))
               .expectNoEvents()
               .expectException(invalid("text"));
    }

    @Test
    void aYearBeforeTheRegulationsIsBadInput() {
        fixture.givenNoPriorActivity()
               .when(new PublishCalendarYear(2007, Y2025.replace("2025", "2007")))
               .expectNoEvents()
               .expectException(invalid("year"));
    }

    @Test
    void aYearAfterNextYearIsBadInput() {
        fixture.givenNoPriorActivity()
               .when(new PublishCalendarYear(TODAY.getYear() + 2, Y2025.replace("2025", "2026")))
               .expectNoEvents()
               .expectException(invalid("year"));
    }

    private static TypeSafeMatcher<Object> refusalSaying(String field, String part) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof Refusal r && r.kind() == Refusal.Kind.INVALID && field.equals(r.field())
                       && r.getMessage().contains(part);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal of ").appendValue(field).appendText(" saying ").appendValue(part);
            }
        };
    }
}
