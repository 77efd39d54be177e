package io.lectern.server;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;
import java.util.Set;

/**
 * The module template's rules (docs/architecture.md), as ArchUnit rules over {@code io.lectern.server}. Modules are
 * the first-level packages besides {@code platform}; {@code internal} is a module's own.
 */
final class ModuleRules {

    /** The modules, those built and those the template is ready for. */
    static final List<String> MODULES = List.of("identity", "catalog", "commerce", "media", "learning", "notify", "audit",
            "demo", "live", "community", "notifications", "reporting", "fixture", "fixturecycle");

    private static final String PLATFORM = "io.lectern.server.platform..";
    /** The business schemas (the platform's own tables are any module's to use through platform services). */
    private static final List<String> SCHEMAS = List.of("identity", "catalog", "commerce", "media", "learning",
            "notify", "audit");
    /** What runs SQL: any statement through Helidon's DB Client, and the platform's SQL helpers. */
    private static final Set<String> SQL_HELPERS = Set.of("io.lectern.server.platform.db.Rows.maps",
            "io.lectern.server.platform.db.Writes.add");

    private ModuleRules() {
    }

    static List<ArchRule> all() {
        return List.of(modulesHaveNoCycles(), noModuleReachesIntoAnotherModulesInternals(), platformKnowsNoBusinessModule(),
                sqlOnlyInStores(), routesDoNotTouchStores(), onlyTheCompositionRootHoldsThePlatform());
    }

    static ArchRule modulesHaveNoCycles() {
        return slices().matching("io.lectern.server.(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    static ArchRule noModuleReachesIntoAnotherModulesInternals() {
        return CompositeArchRule.of(MODULES.stream().map(module -> (ArchRule) noClasses()
                .that().resideOutsideOfPackage("io.lectern.server." + module + "..")
                .should().dependOnClassesThat().resideInAPackage("io.lectern.server." + module + ".internal..")
                .allowEmptyShould(true)).toList())
                .as("no module reaches into another module's internal packages")
                .because("modules talk through facades and events, never another module's internals");
    }

    static ArchRule platformKnowsNoBusinessModule() {
        return noClasses().that().resideInAPackage(PLATFORM)
                .should().dependOnClassesThat().resideInAnyPackage(MODULES.stream()
                        .map(m -> "io.lectern.server." + m + "..").toArray(String[]::new))
                .allowEmptyShould(true)
                .because("the platform serves every module and knows none");
    }

    static ArchRule sqlOnlyInStores() {
        return noClasses().that().resideInAPackage("io.lectern.server..").and().resideOutsideOfPackage(PLATFORM)
                .and().haveNameNotMatching(".*Store(\\$.*)?")
                .should().callMethodWhere(runsSql())
                .allowEmptyShould(true)
                .as("only stores (classes named *Store) run SQL")
                .because("a feature's store is the one place with SQL for its tables (docs/architecture.md)");
    }

    static ArchRule routesDoNotTouchStores() {
        return noClasses().that().haveSimpleNameEndingWith("Routes")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Store")
                .allowEmptyShould(true)
                .because("routes are thin: they read the request, call the feature's rules and write the answer");
    }

    static ArchRule onlyTheCompositionRootHoldsThePlatform() {
        return noClasses().that().resideOutsideOfPackage(PLATFORM)
                .and().doNotHaveFullyQualifiedName(LecternServer.class.getName())
                .should().dependOnClassesThat().areAssignableTo(io.lectern.server.platform.Platform.class)
                .allowEmptyShould(true)
                .because("each class gets the few platform services it uses through its constructor");
    }

    static ArchRule sharedModelIsFreeOfFrameworks() {
        return noClasses().should().dependOnClassesThat().resideOutsideOfPackages("io.lectern.model..", "java..",
                        "com.fasterxml.jackson.annotation..")
                .because("the shared model is plain records both sides can use");
    }

    static ArchRule sharedModelNeverDependsOnTheServer() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("io.lectern.server..");
    }

    /**
     * Table names of another module in SQL under {@code root} ({@code file: schema.table}): a module's SQL names only
     * its own schema's tables. The first folder under {@code root} is the module (a file directly in it: none).
     */
    static List<String> foreignTables(java.nio.file.Path root) throws java.io.IOException {
        java.util.regex.Pattern table = java.util.regex.Pattern.compile(
                "(?i)\\b(?:FROM|JOIN|INTO|UPDATE)\\s+(" + String.join("|", SCHEMAS) + ")\\.(\\w+)");
        List<String> found = new java.util.ArrayList<>();
        try (var files = java.nio.file.Files.walk(root)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.nio.file.Path relative = root.relativize(file);
                String module = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                var m = table.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).equalsIgnoreCase(module) && !module.equals("platform")) {
                        found.add(file.getFileName() + ": " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        return found;
    }

    private static DescribedPredicate<JavaMethodCall> runsSql() {
        return DescribedPredicate.describe("runs SQL", call -> {
            var target = call.getTarget();
            return assignableTo("io.helidon.dbclient.DbExecute").test(target.getOwner())
                    || SQL_HELPERS.contains(target.getOwner().getName() + "." + target.getName());
        });
    }
}
