package gongkai.query.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The boundaries of the query side, held by its compiled classes: the rules are plain Java, the
 * packages depend on each other in one direction only, and the query side only reads the store.
 */
class ArchitectureTest {

    /**
     * The rule classes: all of {@code gongkai.query.counting} (the counting rules and the tables they
     * fill), and the other rules of the read side, each one file named for it.
     */
    static final String COUNTING = "gongkai.query.counting..";
    static final Set<String> OTHER_RULES = Set.of(
            "gongkai.query.application.ClockEntries",
            "gongkai.query.application.Worklist",
            "gongkai.query.timeliness.TimelinessFigures",
            "gongkai.query.report.OverviewDraft",
            "gongkai.query.report.publication.ReportDigest",
            "gongkai.query.chain.ChainHashing",
            "gongkai.query.agency.AgencyTree",
            "gongkai.query.oversight.ReportDeadline",
            "gongkai.query.notices.QuietPeriod",
            "gongkai.query.notices.DueWindow",
            "gongkai.query.notices.NoticeKind",
            "gongkai.query.notices.MessageTemplate",
            "gongkai.query.notices.ContactMasks",
            "gongkai.query.notices.ApplicantNotices");

    static JavaClasses classes;

    @BeforeAll
    static void importTheQuerySide() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gongkai.query");
    }

    @Test
    void theRulesDependOnNeitherSpringNorAxonNorTheDatabase() {
        ArchRule rule = noClasses().that(resideInAPackage(COUNTING).or(describe(
                        "are one of " + OTHER_RULES, c -> OTHER_RULES.contains(outermost(c.getName())))))
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.axonframework..",
                                                                   "java.sql..", "javax.sql..")
                .because("a rule is plain Java, tested without a container or a database");
        rule.check(classes);
    }

    @Test
    void everyRuleNamedHereExists() {
        // a rule renamed or moved would otherwise leave the rule above checking nothing
        for (String name : OTHER_RULES) {
            assertThat(classes.contain(name)).as(name).isTrue();
        }
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("gongkai.query.counting"))).hasSizeGreaterThan(10);
    }

    @Test
    void thePackagesFormNoCycle() {
        slices().matching("gongkai.query.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theQuerySideSendsNoCommandAndPublishesNoEvent() {
        noClasses().should().dependOnClassesThat().belongToAnyOf(CommandGateway.class, CommandBus.class,
                                                                 EventGateway.class, AggregateLifecycle.class)
                .because("the query side reads the store; only the command side records events")
                .check(classes);
        noClasses().should().callMethodWhere(describe("publishes or appends events", call ->
                        Set.of("publish", "appendEvents", "storeSnapshot").contains(call.getName())
                        && (call.getTargetOwner().isAssignableTo(EventBus.class)
                            || call.getTargetOwner().isAssignableTo(EventStorageEngine.class))))
                .because("the query side reads the store; only the command side records events")
                .check(classes);
    }

    private static final Pattern WRITE_TO_COMMAND_SIDE =
            Pattern.compile("(insert\\s+into|update|delete\\s+from)\\s+command_side\\.", Pattern.CASE_INSENSITIVE);

    @Test
    void theQuerySideWritesNothingInTheCommandSidesSchema() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            sources = files.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(java|sql)")).toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
        assertThat(sources.stream().filter(p -> WRITE_TO_COMMAND_SIDE.matcher(read(p)).find()).map(Path::toString))
                .as("files writing into the command side's schema").isEmpty();
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
