package dev.stepup.application.port.in.bootstrap;

import java.util.Optional;

/**
 * What bootstrapping did. Generated secrets are present only on the first start, and only those the
 * operator did not choose: they are to be shown once and are not kept anywhere.
 */
public record BootstrapResult(
    boolean firstStart,
    String adminUsername,
    Optional<String> generatedAdminPassword,
    Optional<String> generatedDemoApiKey) {

  @Override
  public String toString() {
    return "BootstrapResult[firstStart=" + firstStart + ", adminUsername=" + adminUsername + "]";
  }
}
