package io.lectern.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Desktop layering: core logic without JavaFX, ViewModels without nodes, never the server's code. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.lectern.desktop");
    }

    @Test
    void coreNeverImportsJavaFx() {
        noClasses().that().resideInAPackage("io.lectern.desktop.core..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void viewModelsNeverTouchNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAPackage("javafx.scene..").check(classes);
    }

    @Test
    void desktopNeverDependsOnTheServer() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.lectern.server..").check(classes);
    }
}
