package gongkai.events.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The events both sides share are plain Java: no Spring anywhere, and of Axon only the
 * {@link Revision} of each event; the stored format ({@code gongkai.events.store}) is the one
 * place that speaks Axon's serialization and storage.
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importTheEvents() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("gongkai.events");
    }

    @Test
    void theEventsDependOnNoSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(classes);
    }

    @Test
    void outsideTheStoredFormatTheEventsKnowOfAxonOnlyTheirRevision() {
        noClasses().that().resideOutsideOfPackage("gongkai.events.store..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are Axon's, other than @Revision", c -> c.getPackageName().startsWith("org.axonframework")
                                                                  && !c.isEquivalentTo(Revision.class)))
                .check(classes);
    }
}
