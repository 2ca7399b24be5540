package org.ventanilla.ops;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module and package rules of DESIGN.md ("Modules and what each may use"), checked on the compiled
 * production classes of every module so that they cannot drift.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("org.ventanilla");
    }

    @Test
    void everyModuleContributesClassesToTheCheck() {
        assertThat(classes.containPackage("org.ventanilla.core.port")).isTrue();
        assertThat(classes.containPackage("org.ventanilla.ops")).isTrue();
    }

    @Test
    void coreDependsOnNoOtherModule() {
        check(noClasses().that().resideInAPackage("org.ventanilla.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ventanilla.routing..", "org.ventanilla.channels..", "org.ventanilla.console..", "org.ventanilla.ops.."));
    }

    @Test
    void routingNeverUsesChannelsConsoleOrOps() {
        check(noClasses().that().resideInAPackage("org.ventanilla.routing..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ventanilla.channels..", "org.ventanilla.console..", "org.ventanilla.ops.."));
    }

    @Test
    void channelsUseOnlyTheRoutingApiPackage() {
        check(noClasses().that().resideInAPackage("org.ventanilla.channels..")
                .should().dependOnClassesThat(
                        DescribedPredicate.describe("routing outside its api package",
                                c -> c.getPackageName().startsWith("org.ventanilla.routing")
                                        && !c.getPackageName().startsWith("org.ventanilla.routing.api"))));
        check(noClasses().that().resideInAPackage("org.ventanilla.channels..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ventanilla.console..", "org.ventanilla.ops.."));
    }

    @Test
    void consoleUsesOnlyTheRoutingApiPackage() {
        check(noClasses().that().resideInAPackage("org.ventanilla.console..")
                .should().dependOnClassesThat(
                        DescribedPredicate.describe("routing outside its api package",
                                c -> c.getPackageName().startsWith("org.ventanilla.routing")
                                        && !c.getPackageName().startsWith("org.ventanilla.routing.api"))));
        check(noClasses().that().resideInAPackage("org.ventanilla.console..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ventanilla.channels..", "org.ventanilla.ops.."));
    }

    @Test
    void domainNeverImportsAdaptersNorInfrastructureTypes() {
        check(noClasses().that().resideInAPackage("org.ventanilla.core.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ventanilla.core.adapter..", "io.vertx..", "java.sql..", "javax.sql..", "io.lettuce..",
                        "com.zaxxer..", "org.flywaydb.."));
    }

    @Test
    void portsAreFreeOfInfrastructureTypes() {
        check(noClasses().that().resideInAPackage("org.ventanilla.core.port..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ventanilla.core.adapter..", "io.vertx..", "java.sql..", "io.lettuce.."));
    }

    @Test
    void routingLogicIsFreeOfAdaptersOfOtherModules() {
        check(noClasses().that().resideInAnyPackage("org.ventanilla.routing.engine..", "org.ventanilla.routing.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ventanilla.core.adapter..", "io.lettuce..", "java.sql.."));
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(true).check(classes);
    }
}
