package io.lectern.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module rules of docs/architecture.md, checked on the compiled server and shared model. */
class ModularityTest {

    static final List<String> MODULES = List.of("identity", "catalog", "commerce", "media", "learning", "live",
            "community", "notify", "audit", "reporting");

    private static JavaClasses server;
    private static JavaClasses model;

    @BeforeAll
    static void importClasses() {
        ClassFileImporter importer = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS);
        server = importer.importPackages("io.lectern.server");
        model = importer.importPackages("io.lectern.model");
    }

    @Test
    void modulesHaveNoCycles() {
        slices().matching("io.lectern.server.(*)..").should().beFreeOfCycles().allowEmptyShould(true).check(server);
    }

    @Test
    void noModuleReachesIntoAnotherModulesInternals() {
        for (String module : MODULES) {
            noClasses().that().resideOutsideOfPackage("io.lectern.server." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.lectern.server." + module + ".internal..")
                    .allowEmptyShould(true)
                    .because("modules talk through facades and events, never another module's internals")
                    .check(server);
        }
    }

    @Test
    void platformKnowsNoBusinessModule() {
        noClasses().that().resideInAPackage("io.lectern.server.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(MODULES.stream()
                        .map(m -> "io.lectern.server." + m + "..").toArray(String[]::new))
                .check(server);
    }

    @Test
    void sharedModelIsFreeOfFrameworks() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("io.lectern.model..", "java..",
                        "com.fasterxml.jackson.annotation..")
                .because("the shared model is plain records both sides can use")
                .check(model);
    }

    @Test
    void sharedModelNeverDependsOnTheServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.lectern.server..").check(model);
    }
}
