package gongkai.events.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import gongkai.events.CaseEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static gongkai.events.store.StoredEventFixtures.EXPECTED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored form of every event ({@link StoredEventFixtures}) loads, through the stored format and its
 * upcasters ({@link StoredEventFormat}), as exactly the event expected; an event of today is written in
 * exactly the form of its fixture at its current revision; and every event type has that fixture.
 */
class StoredEventFormsTest {

    private static final Serializer SERIALIZER = StoredEventFormat.serializer();
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<String> fixtures() {
        return EXPECTED.keySet().stream();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aStoredEventLoadsAsExactlyTheEventItWas(String fixture) {
        Object loaded = load(fixture, new EventUpcasterChain(StoredEventFormat.upcasters()));

        assertThat(loaded).isEqualTo(EXPECTED.get(fixture));
        // equals() of BigDecimal and lists is strict: scale and order are kept too
        assertThat(loaded).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(EXPECTED.get(fixture));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void anEventOfTodayIsWrittenInTheFormOfItsFixtureAtItsCurrentRevision(String fixture) throws IOException {
        Object event = EXPECTED.get(fixture);
        String current = currentRevision(event.getClass());
        if (!current.equals(StoredEventFixtures.revision(fixture))) {
            return; // an older form: only read, never written again
        }
        SerializedObject<byte[]> written = SERIALIZER.serialize(event, byte[].class);

        assertThat(written.getType().getName()).isEqualTo(event.getClass().getName());
        assertThat(written.getType().getRevision()).isEqualTo(current);
        assertThat(JSON.readTree(new String(written.getData(), StandardCharsets.UTF_8)))
                .isEqualTo(JSON.readTree(StoredEventFixtures.payloadText(fixture)));
    }

    @Test
    void everyEventTypeHasAFixtureAtItsCurrentRevision() {
        List<JavaClass> events = eventClasses();
        assertThat(events).hasSizeGreaterThanOrEqualTo(25);
        Set<String> missing = new TreeSet<>();
        for (JavaClass event : events) {
            String fixture = event.getSimpleName() + "/rev-" + currentRevision(event.reflect());
            if (!EXPECTED.containsKey(fixture) || !Files.exists(fixtureFile(fixture))) {
                missing.add("events/" + fixture + ".json");
            }
        }
        assertThat(missing).as("event types without a fixture of their stored form").isEmpty();
    }

    @Test
    void everyFixtureFileHasItsExpectedEventAndEveryExpectedEventItsFile() throws IOException {
        Set<String> files;
        try (Stream<Path> walk = Files.walk(fixturesDirectory())) {
            files = walk.filter(p -> p.toString().endsWith(".json"))
                        .map(p -> fixturesDirectory().relativize(p).toString().replace('\\', '/').replaceAll("\\.json$", ""))
                        .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
    }

    @Test
    void everyEventTypeCarriesARevisionAndANameOfItsOwn() {
        List<JavaClass> events = eventClasses();
        assertThat(events).allSatisfy(e -> assertThat(e.isAnnotatedWith(Revision.class)).as(e.getName()).isTrue());
        assertThat(events.stream().map(JavaClass::getSimpleName).distinct()).hasSameSizeAs(events);
    }

    /** The event types: every concrete class of {@code gongkai.events} that is a case's event or carries a revision. */
    static List<JavaClass> eventClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gongkai.events").stream()
                .filter(c -> !c.isInterface() && !c.getModifiers().contains(JavaModifier.ABSTRACT))
                .filter(c -> c.isAssignableTo(CaseEvent.class) || c.isAnnotatedWith(Revision.class))
                .toList();
    }

    static String currentRevision(Class<?> event) {
        Revision revision = event.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /** Loads a fixture as the storage engine loads a row of the event table: type, revision, payload, upcasters. */
    static Object load(String fixture, EventUpcaster upcasters) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "Aggregate", "case-1", 0, "event-1", "2024-03-04T02:00:00Z", StoredEventFixtures.payloadType(fixture),
                StoredEventFixtures.revision(fixture), StoredEventFixtures.payload(fixture),
                "{}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), SERIALIZER, upcasters)).toList();
        assertThat(events).hasSize(1);
        return events.get(0).getPayload();
    }

    private static Path fixturesDirectory() {
        try {
            return Path.of(StoredEventFormsTest.class.getResource("/events").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path fixtureFile(String fixture) {
        return fixturesDirectory().resolve(fixture + ".json");
    }
}
