package dev.stepup.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hexagonal layering of DESIGN.md section 6, checked on the compiled production classes of
 * every module. Each rule's message says what to do instead of breaking it.
 */
class LayeringTest {

  static final String DOMAIN = "dev.stepup.domain..";
  static final String APPLICATION = "dev.stepup.application..";
  static final String COMPOSITION_ROOT = "dev.stepup.server..";
  static final String WEB = "dev.stepup.adapter.in.web..";
  static final String CONSOLE = "dev.stepup.adapter.in.console..";
  static final String INBOUND = "dev.stepup.adapter.in..";
  static final String PERSISTENCE = "dev.stepup.adapter.out.persistence..";
  static final String CRYPTO = "dev.stepup.adapter.out.crypto..";
  static final String MESSAGING = "dev.stepup.adapter.out.messaging..";

  private static JavaClasses production;

  /**
   * Leaves out test classes, including other modules' test-jars (the application's fakes), and the
   * host backends' Java client and the example host app (test dependencies here; they are no part
   * of the server's rings).
   */
  static final ImportOption PRODUCTION_ONLY =
      location ->
          ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
              && !location.matches(java.util.regex.Pattern.compile(".*-tests\\.jar.*"))
              && !location.matches(
                  java.util.regex.Pattern.compile(
                      ".*(stepup-client[^/]*\\.jar|/clients/java/"
                          + "|example-host-app[^/]*\\.jar|/examples/host-app/).*"));

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter().withImportOption(PRODUCTION_ONLY).importPackages("dev.stepup");
  }

  static ArchRule domainDependsOnTheJdkOnly() {
    return classes()
        .that()
        .resideInAPackage(DOMAIN)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", DOMAIN)
        .because(
            "the domain is pure Java that architects reuse on its own: keep framework and"
                + " library code in an adapter and let the application reach it through a port"
                + " (an interface in dev.stepup.application.port.out)");
  }

  static ArchRule applicationDependsOnTheDomainOnly() {
    return classes()
        .that()
        .resideInAPackage(APPLICATION)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", DOMAIN, APPLICATION)
        .because(
            "use cases only orchestrate the domain through ports: declare what you need as an"
                + " out-port interface in dev.stepup.application.port.out and implement it in an"
                + " adapter module; wire it in dev.stepup.server");
  }

  static ArchRule adaptersDoNotDependOnEachOther() {
    return slices()
        .matching("dev.stepup.adapter.(*).(*)..")
        .namingSlices("adapter $1.$2")
        .should()
        .notDependOnEachOther()
        .because(
            "adapters meet only through the application's ports: if one adapter needs what"
                + " another provides, add a port in dev.stepup.application.port.out, implement it"
                + " in the providing adapter, and wire the two in dev.stepup.server");
  }

  static ArchRule onlyTheCompositionRootSeesAdapters() {
    return noClasses()
        .that()
        .resideInAnyPackage(DOMAIN, APPLICATION)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.stepup.adapter..", COMPOSITION_ROOT)
        .because(
            "only the composition root (dev.stepup.server) assembles adapters: depend on a port"
                + " interface and let a @Bean method in dev.stepup.server supply the adapter");
  }

  /**
   * The value records that in-port signatures carry today (who asked, what the audit log answers)
   * still live in port.out; adapters may read them but no out-port behind them.
   */
  static final DescribedPredicate<JavaClass> IN_PORT_VALUES =
      JavaClass.Predicates.belongToAnyOf(
          dev.stepup.application.port.out.audit.RequestOrigin.class,
          dev.stepup.application.port.out.audit.AuditEvent.class,
          dev.stepup.application.port.out.audit.AuditEventType.class);

  static ArchRule inboundAdaptersUseInPortsOnly() {
    return noClasses()
        .that()
        .resideInAPackage(INBOUND)
        .should()
        .dependOnClassesThat(
            JavaClass.Predicates.resideInAnyPackage(
                    "dev.stepup.application.port.out..", "dev.stepup.application.service..")
                .and(DescribedPredicate.not(IN_PORT_VALUES)))
        .because(
            "controllers drive the application through its use cases: inject an in-port"
                + " (dev.stepup.application.port.in), adding a small use case or query and its"
                + " service when none fits, and wire it in dev.stepup.server; never an out-port"
                + " or a service class");
  }

  static ArchRule onion() {
    return onionArchitecture()
        .domainModels(DOMAIN)
        .domainServices("dev.stepup.application.port..")
        .applicationServices("dev.stepup.application.service..")
        .adapter("web", WEB)
        .adapter("console", CONSOLE)
        .adapter("persistence", PERSISTENCE)
        .adapter("crypto", CRYPTO)
        .adapter("messaging", MESSAGING)
        .ensureAllClassesAreContainedInArchitectureIgnoring(COMPOSITION_ROOT)
        // The composition root assembles every ring; that is its job (ADR 0001).
        .ignoreDependency(
            JavaClass.Predicates.resideInAPackage(COMPOSITION_ROOT),
            DescribedPredicate.alwaysTrue())
        .because(
            "every class belongs to one ring of the hexagon: put new code in the domain, an"
                + " application port or service, or one adapter package (see CONVENTIONS.md)");
  }

  static ArchRule domainPackagesHaveNoCycles() {
    return slices()
        .matching("dev.stepup.domain.(*)..")
        .should()
        .beFreeOfCycles()
        .because(
            "domain concepts build on each other in one direction: move the shared type into the"
                + " more basic package, or pass an id instead of the aggregate");
  }

  static ArchRule vendorTypesStayInTheirAdapter(String vendorPackage, String adapter) {
    return noClasses()
        .that()
        .resideOutsideOfPackages(adapter, COMPOSITION_ROOT)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(vendorPackage)
        .because(
            vendorPackage
                + " is confined to "
                + adapter
                + ": expose what you need from it through a port, implemented in that adapter");
  }

  @TestFactory
  List<DynamicTest> layeringRules() {
    return List.of(
        rule("domain depends only on the JDK", domainDependsOnTheJdkOnly()),
        rule("application depends only on the domain", applicationDependsOnTheDomainOnly()),
        rule("adapters do not depend on each other", adaptersDoNotDependOnEachOther()),
        rule("only the composition root sees adapters", onlyTheCompositionRootSeesAdapters()),
        rule("onion architecture", onion()),
        rule("inbound adapters use in-ports only", inboundAdaptersUseInPortsOnly()),
        rule("domain packages are free of cycles", domainPackagesHaveNoCycles()),
        rule("Nimbus stays in crypto", vendorTypesStayInTheirAdapter("com.nimbusds..", CRYPTO)),
        rule("Yubico stays in crypto", vendorTypesStayInTheirAdapter("com.yubico..", CRYPTO)),
        rule("web3j stays in crypto", vendorTypesStayInTheirAdapter("org.web3j..", CRYPTO)),
        rule(
            "BouncyCastle stays in crypto",
            vendorTypesStayInTheirAdapter("org.bouncycastle..", CRYPTO)),
        rule("JDBC stays in persistence", vendorTypesStayInTheirAdapter("java.sql..", PERSISTENCE)),
        rule(
            "Flyway stays in persistence",
            vendorTypesStayInTheirAdapter("org.flywaydb..", PERSISTENCE)),
        rule(
            "Jakarta Mail stays in messaging",
            vendorTypesStayInTheirAdapter("jakarta.mail..", MESSAGING)));
  }

  private static DynamicTest rule(String name, ArchRule rule) {
    return DynamicTest.dynamicTest(name, () -> rule.check(production));
  }

  @Test
  void theImportSeesEveryModule() {
    // Guards the rules above against passing vacuously on an empty import.
    org.assertj.core.api.Assertions.assertThat(production.stream().map(c -> c.getPackageName()))
        .anyMatch(p -> p.startsWith("dev.stepup.domain."))
        .anyMatch(p -> p.startsWith("dev.stepup.application.service"))
        .anyMatch(p -> p.startsWith("dev.stepup.adapter.out.persistence"))
        .anyMatch(p -> p.startsWith("dev.stepup.adapter.out.crypto"))
        .anyMatch(p -> p.startsWith("dev.stepup.adapter.out.messaging"))
        .anyMatch(p -> p.startsWith("dev.stepup.adapter.in.web"))
        .anyMatch(p -> p.startsWith("dev.stepup.adapter.in.console"))
        .anyMatch(p -> p.startsWith("dev.stepup.server"));
  }
}
