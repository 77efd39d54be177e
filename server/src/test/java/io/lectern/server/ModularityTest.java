package io.lectern.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/architecture.md, checked on the compiled server and shared model; and each rule shown to
 * fail on a deliberate violation (the classes under {@code io.lectern.server.fixture} and
 * {@code io.lectern.server.platform.fixture} in the test sources).
 */
class ModularityTest {

    private static JavaClasses server;
    private static JavaClasses model;
    private static JavaClasses violations;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        server = importer.importPackages("io.lectern.server");
        model = importer.importPackages("io.lectern.model");
        violations = new ClassFileImporter().importPackages("io.lectern.server.fixture",
                "io.lectern.server.fixturecycle", "io.lectern.server.platform.fixture");
    }

    @Test
    void theServerKeepsEveryRule() {
        ModuleRules.all().forEach(rule -> rule.check(server));
    }

    @Test
    void theSharedModelIsPlainRecordsNeverDependingOnTheServer() {
        ModuleRules.sharedModelIsFreeOfFrameworks().check(model);
        ModuleRules.sharedModelNeverDependsOnTheServer().check(model);
    }

    /** Each rule fails on the fixture class written to break it, naming that class. */
    @Test
    void everyRuleFailsOnADeliberateViolation() {
        Map<ArchRule, String> brokenBy = Map.of(
                ModuleRules.noModuleReachesIntoAnotherModulesInternals(), "ReachesIntoCatalogInternals",
                ModuleRules.sqlOnlyInStores(), "RulesWithSql",
                ModuleRules.routesDoNotTouchStores(), "ShortcutRoutes",
                ModuleRules.onlyTheCompositionRootHoldsThePlatform(), "TakesTheWholePlatform",
                ModuleRules.platformKnowsNoBusinessModule(), "PlatformThatKnowsTheCatalog",
                ModuleRules.modulesHaveNoCycles(), "CycleOneWay");
        brokenBy.forEach((rule, fixture) -> {
            EvaluationResult result = rule.evaluate(violations);
            assertTrue(result.hasViolation(), rule.getDescription() + " should fail on " + fixture);
            String report = String.join("\n", result.getFailureReport().getDetails());
            assertTrue(report.contains(fixture), rule.getDescription() + " should name " + fixture + ":\n" + report);
        });
    }

    /** SQL names only its own module's tables (and the platform's): a module's tables are its own business. */
    @Test
    void noModuleNamesAnotherModulesTables() throws java.io.IOException {
        List<String> foreign = ModuleRules.foreignTables(java.nio.file.Path.of("src/main/java/io/lectern/server"));
        assertTrue(foreign.isEmpty(), "SQL naming another module's tables: " + foreign);
        List<String> fixture = ModuleRules.foreignTables(java.nio.file.Path.of("src/test/java/io/lectern/server/fixture"));
        assertTrue(fixture.stream().anyMatch(f -> f.contains("RulesWithSql") && f.contains("catalog.courses")),
                "the check finds the fixture's query of catalog.courses: " + fixture);
    }

    /** The fixtures break the rules only where meant to: a store may hold SQL, plain routes may use a facade. */
    @Test
    void theRulesAcceptWhatTheTemplateAllows() {
        for (ArchRule rule : List.of(ModuleRules.sqlOnlyInStores(), ModuleRules.routesDoNotTouchStores())) {
            List<String> offenders = rule.evaluate(violations).getFailureReport().getDetails().stream()
                    .map(line -> line.substring(0, Math.max(0, line.indexOf('>')))).toList();
            for (String allowed : List.of("FixtureStore", "PoliteRoutes")) {
                assertFalse(offenders.stream().anyMatch(o -> o.contains(allowed)), rule.getDescription() + " must allow "
                        + allowed + ": " + offenders);
            }
        }
    }
}
