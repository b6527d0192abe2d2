package gongkai.command.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of the command side, held by its compiled classes: the rules of every case are plain
 * Java (Axon and Spring are wiring around them), and the command side never reads the read models.
 */
class ArchitectureTest {

    /**
     * Besides the state class of every aggregate (the class {@code X} beside its Axon wiring
     * {@code XAggregate}), the rules and ports that are not an aggregate's state.
     */
    static final Set<String> OTHER_RULES = Set.of(
            "gongkai.command.BusinessDates",
            "gongkai.command.Refusal",
            "gongkai.command.CaseNotFound",
            "gongkai.command.application.CorrectingDecisions",
            "gongkai.command.application.RecordedDecisions",
            "gongkai.command.application.Agencies",
            "gongkai.command.application.OnlineSubmission",
            "gongkai.command.application.IdentityNumbers",
            "gongkai.command.calendar.PublishedCalendars");

    static JavaClasses classes;

    @BeforeAll
    static void importTheCommandSide() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gongkai.command");
    }

    /** A class of the rules: an aggregate's state (named as its wiring without "Aggregate"), or one named above. */
    static final DescribedPredicate<JavaClass> RULES = DescribedPredicate.describe(
            "are an aggregate's state or one of " + OTHER_RULES, c -> {
                String name = outermost(c.getName());
                return OTHER_RULES.contains(name) || classes.contain(name + "Aggregate");
            });

    @Test
    void theRulesDependOnNeitherSpringNorAxonNorTheDatabase() {
        noClasses().that(RULES)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                                                                   "java.sql..", "javax.sql..", "jakarta..")
                .because("a rule is plain Java, tested without a container or a database; Axon is wiring only")
                .check(classes);
    }

    @Test
    void everyAggregateHasItsStateAsAPlainClassAndEveryRuleNamedExists() {
        List<String> aggregates = classes.stream().map(JavaClass::getName)
                .filter(n -> n.endsWith("Aggregate") && !n.contains("$")).toList();
        assertThat(aggregates).hasSizeGreaterThanOrEqualTo(7);
        for (String aggregate : aggregates) {
            assertThat(classes.contain(aggregate.substring(0, aggregate.length() - "Aggregate".length())))
                    .as("the plain state class of " + aggregate).isTrue();
        }
        for (String name : OTHER_RULES) {
            assertThat(classes.contain(name)).as(name).isTrue();
        }
    }

    @Test
    void theCommandSideReadsNoReadModel() throws IOException {
        noClasses().should().dependOnClassesThat().resideInAPackage("gongkai.query..")
                .because("the command side decides on its own events, never on a projection")
                .check(classes);
        List<String> readingTheQuerySide;
        long sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<Path> all = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(java|sql|properties|yml|yaml|xml)")).toList();
            sources = all.stream().filter(p -> p.toString().endsWith(".java")).count();
            readingTheQuerySide = all.stream().filter(p -> read(p).toLowerCase().contains("query_side"))
                    .map(Path::toString).toList();
        }
        assertThat(sources).isGreaterThan(10);
        assertThat(readingTheQuerySide).as("files naming the query side's schema").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String outermost(String className) {
        int nested = className.indexOf('$');
        return nested < 0 ? className : className.substring(0, nested);
    }
}
