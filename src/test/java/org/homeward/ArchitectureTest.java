package org.homeward;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The core is a library: only the cli package knows picocli, and nothing depends on cli. */
class ArchitectureTest {
  private final JavaClasses classes =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.homeward");

  @Test
  void onlyTheCliPackageImportsPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.homeward.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("picocli..")
        .check(classes);
  }

  @Test
  void theCoreDoesNotDependOnTheCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.homeward.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.homeward.cli..")
        .check(classes);
  }
}
