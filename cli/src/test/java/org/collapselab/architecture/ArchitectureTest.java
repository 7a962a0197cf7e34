package org.collapselab.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package design, checked on the compiled main classes of every module: no package depends on itself through
 * others (no cycles), and the framework (study plug-in API, runner, store, reports, figures and the shared readers)
 * knows no study family, so a family is added without touching it.
 */
class ArchitectureTest {
    /** The family-blind framework. */
    static final String[] FRAMEWORK = {
        "org.collapselab.experiments.study..",
        "org.collapselab.experiments.run..",
        "org.collapselab.experiments.store..",
        "org.collapselab.experiments.report..",
        "org.collapselab.experiments.figures..",
        "org.collapselab.experiments.stats..",
        "org.collapselab.experiments.params..",
        "org.collapselab.experiments.export..",
        "org.collapselab.experiments.reproduce.."
    };
    /** What the framework may use of the project besides itself: the core library. */
    static final String[] CORE = {
        "org.collapselab.validation..",
        "org.collapselab.problem..",
        "org.collapselab.spectrum..",
        "org.collapselab.theory..",
        "org.collapselab.data..",
        "org.collapselab.linalg..",
        "org.collapselab.simulation..",
        "org.collapselab.model..",
        "org.collapselab.estimation..",
        "org.collapselab.advice..",
        "org.collapselab.classification..",
        "org.collapselab.forecast..",
        "org.collapselab.stats.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ArchitectureTest::isProjectCode)
                .importPackages("org.collapselab");
    }

    /** The project's own classes, whether Maven resolves a module to its classes folder or (after package) its jar. */
    private static boolean isProjectCode(com.tngtech.archunit.core.importer.Location location) {
        return !location.isJar() || location.contains("/collapselab-");
    }

    @Test
    void thereAreNoPackageCycles() {
        slices().matching("org.collapselab.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theFrameworkImportsNoFamily() {
        String[] allowed = new String[FRAMEWORK.length + CORE.length];
        System.arraycopy(FRAMEWORK, 0, allowed, 0, FRAMEWORK.length);
        System.arraycopy(CORE, 0, allowed, FRAMEWORK.length, CORE.length);
        noClasses()
                .that()
                .resideInAnyPackage(FRAMEWORK)
                .should()
                .dependOnClassesThat(resideInAnyPackage("org.collapselab..").and(not(resideInAnyPackage(allowed))))
                .because("a study family plugs into the framework through StudyFamily; the framework never names one")
                .check(classes);
    }

    @Test
    void theCoreLibraryHasNoIo() {
        noClasses()
                .that()
                .resideInAnyPackage(CORE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "java.net..", "org.collapselab.experiments..")
                .check(classes);
    }

    @Test
    void allModulesWereImported() {
        // the rules above are only as good as the classes they see
        for (String p : new String[] {
            "org.collapselab.theory",
            "org.collapselab.experiments.run",
            "org.collapselab.experiments.gaussian",
            "org.collapselab.nn.loop",
            "org.collapselab.server",
            "org.collapselab.distributed",
            "org.collapselab.cli"
        }) {
            org.assertj.core.api.Assertions.assertThat(classes.containPackage(p))
                    .as(p)
                    .isTrue();
        }
    }
}
