package gongkai.query.calendar;

import gongkai.events.calendar.CalendarFormatException;
import gongkai.events.calendar.CalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import gongkai.query.reads.ReadBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The working-day calendar as the query side knows it: the years shipped with gongkai
 * ({@link WorkingDayCalendar#official()}), each replaced or completed by the latest publication of
 * that year (table {@code working_day_calendar}, kept by {@link CalendarProjection}).
 *
 * <p>{@link #current()} answers from memory and reloads when the table's version changed, so every
 * reader (the projections, any instance of the query side) counts on what is committed. Under the
 * shared {@link ClockLock} that check is exact: no publication commits while a holder counts.
 */
@Repository
public class KnownCalendar {

    private static final Logger log = LoggerFactory.getLogger(KnownCalendar.class);

    /** One year as known: where its data comes from, and the publication if it was published. */
    public record KnownYear(CalendarYear calendar, boolean published, LocalDate publishedOn, Instant publishedAt,
                            String eventId) {
    }

    private record Loaded(long version, WorkingDayCalendar calendar) {
    }

    private final JdbcTemplate jdbc;
    private volatile Loaded loaded = new Loaded(-1, WorkingDayCalendar.official());

    public KnownCalendar(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The calendar to count on now: the shipped years, with every published year applied. */
    public WorkingDayCalendar current() {
        return ReadBatch.now(jdbc, this::current);
    }

    /** {@link #current()} with its version read in a batch of other reads. */
    public Supplier<WorkingDayCalendar> current(ReadBatch batch) {
        Supplier<Long> version = batch.query(VERSION, rs -> rs.next() ? rs.getLong(1) : 0L);
        return () -> calendarAt(version.get());
    }

    private WorkingDayCalendar calendarAt(long version) {
        Loaded known = loaded;
        if (known.version() != version) {
            known = new Loaded(version, load());
            loaded = known;
        }
        return known.calendar();
    }

    /** Every year known, ascending, with where its data comes from. */
    public List<KnownYear> years() {
        List<KnownYear> years = new ArrayList<>();
        WorkingDayCalendar official = WorkingDayCalendar.official();
        List<KnownYear> published = published();
        for (int year : current().years()) {
            Optional<KnownYear> p = published.stream().filter(k -> k.calendar().year() == year).findFirst();
            years.add(p.orElseGet(() -> new KnownYear(official.year(year).orElseThrow(), false, null, null, null)));
        }
        return years;
    }

    /** Records a publication: it replaces whatever was known of its year, and bumps the version. */
    public void record(WorkingDayCalendarPublished e, String eventId, Instant recordedAt, String actor) {
        jdbc.update("insert into working_day_calendar (year, notice, text, version, event_id, published_on, published_at, "
                    + "published_by) values (?, ?, ?, nextval('working_day_calendar_version'), ?, ?, ?, ?) "
                    + "on conflict (year) do update set notice = excluded.notice, text = excluded.text, "
                    + "version = excluded.version, event_id = excluded.event_id, published_on = excluded.published_on, "
                    + "published_at = excluded.published_at, published_by = excluded.published_by",
                    e.year(), e.notice(), e.text(), eventId, Date.valueOf(e.publishedOn()), Timestamp.from(recordedAt), actor);
    }

    public void deleteAll() {
        jdbc.update("delete from working_day_calendar");
    }

    private static final String VERSION = "select coalesce(max(version), 0) from working_day_calendar";

    private WorkingDayCalendar load() {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        for (KnownYear year : published()) {
            calendar = calendar.withYear(year.calendar());
        }
        return calendar;
    }

    private List<KnownYear> published() {
        List<KnownYear> years = new ArrayList<>();
        jdbc.query("select year, text, published_on, published_at, event_id from working_day_calendar order by year", rs -> {
            int year = rs.getInt(1);
            try {
                years.add(new KnownYear(CalendarYear.parse(year, rs.getString(2)), true, rs.getDate(3).toLocalDate(),
                                        rs.getTimestamp(4).toInstant(), rs.getString(5)));
            } catch (CalendarFormatException e) {
                // Cannot happen: the command side parsed the text before recording it.
                log.error("The published calendar of {} cannot be read ({}); the shipped data, if any, stays", year,
                          e.getMessage());
            }
        });
        return years;
    }
}
