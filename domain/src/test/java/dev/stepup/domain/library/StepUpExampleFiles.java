package dev.stepup.domain.library;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the domain README's example lives and what it prints: the example's code is kept once, in
 * {@code src/test/resources/example/StepUpExample.java}, and the README shows it verbatim.
 */
final class StepUpExampleFiles {

  /** What the example prints, line by line; the README shows this too. */
  static final String EXPECTED_OUTPUT =
      """
      MFA [urn:stepup:acr:mfa] cred_totp
      Refused[reason=MFA_REQUIRED]
      NotRequired[why=VALID_TOKEN_HELD]
      Refused[reason=WRONG_SUBJECT]
      Accepted[spent=Optional[wallet:export]]
      Refused[reason=CONSUMED]
      Accepted[spent=Optional.empty] urn:stepup:acr:mfa EXPIRED
      true Refused[reason=REVOKED]
      """;

  private StepUpExampleFiles() {}

  static Path moduleDir() {
    return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
  }

  static Path example() {
    return moduleDir().resolve("src/test/resources/example/StepUpExample.java");
  }

  static Path readme() {
    return moduleDir().resolve("README.md");
  }

  static String read(Path file) throws IOException {
    // Checked out on Windows, a file may carry \r\n; the comparison is about content.
    return Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
  }
}
