package dev.stepup.server.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No production code interrupts another thread: an interrupt that lands during one of H2's file
 * reads or writes closes the embedded database for every connection (ADR 0038). Stopping is
 * signalled and waited for instead ({@code Quiescence}, {@code BatchedAuditTrail#close}).
 */
class ThreadsTest {

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(LayeringTest.PRODUCTION_ONLY)
            .importPackages("dev.stepup");
  }

  @Test
  void noExecutorIsShutDownByInterruptingItsThreads() {
    noClasses()
        .should()
        .callMethodWhere(target(name("shutdownNow")))
        .because(
            "shutdownNow interrupts threads that may be inside H2's file I/O, which closes the"
                + " embedded database; use Quiescence.await (shutdown, then a bounded wait)")
        .check(production);
  }

  @Test
  void threadsAreInterruptedOnlyToRestoreTheirOwnFlag() {
    // Thread.interrupt() on the current thread restores a flag caught in InterruptedException;
    // these classes do only that. PostgresCacheChanges wakes its listener, which holds a
    // PostgreSQL connection and never touches H2.
    noClasses()
        .that()
        .doNotHaveSimpleName("HttpSmsGateway")
        .and()
        .doNotHaveSimpleName("GroupCommit")
        .and()
        .doNotHaveSimpleName("PostgresCacheChanges")
        .and()
        .doNotHaveSimpleName("Quiescence")
        .should()
        .callMethod(Thread.class, "interrupt")
        .because(
            "an interrupt during one of H2's file reads or writes closes the embedded database;"
                + " signal the thread to stop (a flag and LockSupport.unpark) and wait for it")
        .check(production);
  }
}
