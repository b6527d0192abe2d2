package gongkai.bench;

import gongkai.events.MetaDataKeys;
import gongkai.events.agency.AgencyCreated;
import gongkai.events.agency.AgencyKind;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.Outcome;
import gongkai.events.personal.DataKeyRing;
import gongkai.events.personal.MasterKey;
import gongkai.events.store.StoredEventFormat;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A large history, fast: synthetic applications (receipt, consultation, its end, the answer) of 200
 * agencies (or as many as asked: a tenth of them makes each agency's year as large as at ten times the
 * events) over ten years, appended through Axon's JDBC storage engine with gongkai's stored format, in
 * batches of 1000 events per transaction. Each event is recorded at noon of its business day, as a history kept
 * as it happened: a store that is restored or rebuilt holds years of records, not one afternoon's (what a restore
 * does with old events can differ from what it does with new ones: the notices owe nothing for an event recorded
 * more than two days before, docs/notices.md).
 */
final class BulkLoad {

    /** What was loaded; {@code midway}: an instant in the middle of the busiest year, for the report as it stood then. */
    record Loaded(long events, double eventsPerSecond, String busiestAgency, int busiestYear, Instant midway) {
    }

    private static final List<Outcome> OUTCOMES = List.of(Outcome.DISCLOSED, Outcome.UNAVAILABLE_NOT_HELD,
                                                          Outcome.NOT_PROCESSED_DUPLICATE, Outcome.OTHER_OTHER);
    private final Benchmark.Database db;
    private final int agencies;

    /** How many agencies the history is spread over. */
    int agencies() {
        return agencies;
    }

    BulkLoad(Benchmark.Database db, int agencies) {
        this.db = db;
        this.agencies = agencies;
    }

    /**
     * A province's tree before the applications (the scale docs/agencies.md names): a root, 8 cities, 9 counties each, 13
     * departments and townships each, 2 units under each of those: 2,889 agencies in five levels, ids
     * {@code agency-0} (the root) onwards, level by level, so that the applications' agencies are its nodes.
     */
    static final int[] PROVINCE_FAN_OUT = {8, 9, 13, 2};

    static int provinceSize() {
        int size = 1;
        int level = 1;
        for (int fanOut : PROVINCE_FAN_OUT) {
            level *= fanOut;
            size += level;
        }
        return size;
    }

    /** The first county's id (level 3): the roll-up timed as a county's. */
    static String firstCounty() {
        return "agency-" + (1 + PROVINCE_FAN_OUT[0]);
    }

    void loadProvince() throws Exception {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
            JdbcEventStorageEngine engine = StoredEventFormat.storageEngine(() -> kept, NoTransactionManager.INSTANCE,
                                                                            NoOpEventUpcaster.INSTANCE).build();
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            List<Integer> parents = new ArrayList<>(List.of(-1));
            int next = 0;
            List<Integer> level = List.of(next++);
            for (int depth = 0; depth < PROVINCE_FAN_OUT.length; depth++) {
                List<Integer> below = new ArrayList<>();
                for (int parent : level) {
                    for (int i = 0; i < PROVINCE_FAN_OUT[depth]; i++) {
                        parents.add(parent);
                        below.add(next++);
                    }
                }
                level = below;
            }
            for (int i = 0; i < parents.size(); i++) {
                String id = "agency-" + i;
                AgencyKind kind = i <= 1 + PROVINCE_FAN_OUT[0] * (1 + PROVINCE_FAN_OUT[1]) ? AgencyKind.PEOPLES_GOVERNMENT
                                  : i % 2 == 0 ? AgencyKind.DEPARTMENT : AgencyKind.TOWNSHIP;
                AgencyCreated created = new AgencyCreated(id, "机关" + i, parents.get(i) < 0 ? null : "agency-" + parents.get(i),
                                                          kind, LocalDate.of(2015, 1, 1));
                batch.add(recorded("AgencyAggregate", created.caseId(), 0, created, id, created.createdOn()));
            }
            engine.appendEvents(batch);
            connection.commit();
            System.out.printf("  a province of %d agencies in %d levels%n", parents.size(), PROVINCE_FAN_OUT.length + 1);
        }
    }

    /** An event of the agency's, recorded by the benchmark at noon of its business day. */
    private static DomainEventMessage<?> recorded(String type, String aggregateId, long sequence, Object payload,
                                                  String agency, LocalDate businessDate) {
        return new GenericDomainEventMessage<>(type, aggregateId, sequence, payload,
                                               MetaData.with(MetaDataKeys.ACTOR, "bench").and(MetaDataKeys.AGENCY, agency)
                                                       .and(MetaDataKeys.BUSINESS_DATE, businessDate.toString()),
                                               UUID.randomUUID().toString(), noon(businessDate));
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    /** The data keys as the command side keeps them, created here in the bulk's own transactions. */
    private static DataKeyRing dataKeys(Connection connection) {
        MasterKey master = MasterKey.of(Service.MASTER_KEY, "the benchmark");
        return new DataKeyRing(() -> master, new DataKeyRing.Store() {
            @Override
            public DataKeyRing.Wrapped find(String caseId) {
                try (PreparedStatement select = connection.prepareStatement(
                        "select wrapped_key from " + StoredEventFormat.SCHEMA + ".data_key where case_id = ?")) {
                    select.setString(1, caseId);
                    try (ResultSet rs = select.executeQuery()) {
                        return rs.next() ? new DataKeyRing.Wrapped(rs.getBytes(1)) : null;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public DataKeyRing.Wrapped create(String caseId, byte[] wrapped, Consumer<DataKeyRing.Wrapped> remember) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "insert into " + StoredEventFormat.SCHEMA + ".data_key (case_id, wrapped_key) values (?, ?)")) {
                    insert.setString(1, caseId);
                    insert.setBytes(2, wrapped);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                DataKeyRing.Wrapped stored = new DataKeyRing.Wrapped(wrapped);
                remember.accept(stored);
                return stored;
            }
        }, Duration.ofMinutes(10));
    }

    Loaded load(long events) throws Exception {
        Random random = new Random(2023);
        Map<String, Integer> perAgencyYear = new HashMap<>();
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> method.getName().equals("close") ? null : method.invoke(connection, args));
            JdbcEventStorageEngine engine = StoredEventFormat.storageEngine(() -> kept, NoTransactionManager.INSTANCE,
                                                                            NoOpEventUpcaster.INSTANCE,
                                                                            StoredEventFormat.serializer(dataKeys(kept),
                                                                                                         Service.encryptPersonalData))
                                                             .build();
            long start = System.nanoTime();
            long appended = 0;
            List<DomainEventMessage<?>> batch = new ArrayList<>(1000);
            while (appended < events) {
                String agency = "agency-" + random.nextInt(agencies);
                String id = UUID.randomUUID().toString();
                LocalDate received = LocalDate.of(2016 + random.nextInt(10), 1, 1).plusDays(random.nextInt(365));
                perAgencyYear.merge(agency + "/" + received.getYear(), 1, Integer::sum);
                List<ApplicationEvent> lifecycle = List.of(
                        new ApplicationReceived(id, agency, received, Channel.values()[random.nextInt(5)],
                                                ApplicantType.values()[random.nextInt(6)], new Applicant("申请人", null, null, null, null),
                                                "请公开道路维修预算及其执行情况"),
                        new ConsultationStarted(id, received.plusDays(3), "第三方"),
                        new ConsultationEnded(id, received.plusDays(12)),
                        new ApplicationConcluded(id, received.plusDays(15 + random.nextInt(30)),
                                                 OUTCOMES.get(random.nextInt(OUTCOMES.size())), List.of(), null));
                long sequence = 0;
                for (ApplicationEvent event : lifecycle) {
                    batch.add(recorded("ApplicationAggregate", id, sequence++, event, agency, event.businessDate()));
                }
                if (batch.size() >= 1000) {
                    engine.appendEvents(batch);
                    connection.commit();
                    appended += batch.size();
                    batch.clear();
                    if (appended % 200_000 < 1000) {
                        System.out.printf("  … %d events%n", appended);
                    }
                }
            }
            if (!batch.isEmpty()) {
                engine.appendEvents(batch);
                connection.commit();
                appended += batch.size();
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            String busiest = perAgencyYear.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            int year = Integer.parseInt(busiest.split("/")[1]);
            return new Loaded(appended, appended / elapsed, busiest.split("/")[0], year, noon(LocalDate.of(year, 7, 1)));
        }
    }
}
