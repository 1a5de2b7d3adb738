package com.lineguard.standalone;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module boundaries, checked on the production classes of all modules (standalone has them all on its class
 * path): the command and query sides share only the contracts, the contracts stand alone, and the platform serves
 * both sides without knowing either.
 */
@AnalyzeClasses(packages = "com.lineguard", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_command_side_does_not_depend_on_the_query_side =
            noClasses().that().resideInAPackage("com.lineguard.command..")
                    .should().dependOnClassesThat().resideInAPackage("com.lineguard.query..");

    @ArchTest
    static final ArchRule the_query_side_does_not_depend_on_the_command_side =
            noClasses().that().resideInAPackage("com.lineguard.query..")
                    .should().dependOnClassesThat().resideInAPackage("com.lineguard.command..");

    @ArchTest
    static final ArchRule the_contracts_depend_on_no_other_lineguard_package =
            classes().that().resideInAPackage("com.lineguard.contracts..")
                    .should().onlyDependOnClassesThat(resideOutsideOfPackage("com.lineguard..")
                            .or(resideInAPackage("com.lineguard.contracts..")));

    @ArchTest
    static final ArchRule the_platform_depends_on_neither_side =
            noClasses().that().resideInAPackage("com.lineguard.platform..")
                    .should().dependOnClassesThat().resideInAnyPackage("com.lineguard.command..",
                            "com.lineguard.query..");
}
