package dev.stepup.domain.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The README shows the example that {@link DomainLibraryIT} compiles and runs, not a copy. */
class DomainReadmeTest {

  @Test
  void readmeShowsTheTestedExampleVerbatim() throws Exception {
    String readme = StepUpExampleFiles.read(StepUpExampleFiles.readme());
    String example = StepUpExampleFiles.read(StepUpExampleFiles.example());

    assertThat(readme)
        .as("domain/README.md must show src/test/resources/example/StepUpExample.java verbatim")
        .contains("```java\n" + example + "```\n");
  }

  @Test
  void readmeShowsWhatTheExamplePrints() throws Exception {
    String readme = StepUpExampleFiles.read(StepUpExampleFiles.readme());

    assertThat(readme)
        .as("domain/README.md must show the example's output as DomainLibraryIT asserts it")
        .contains("```text\n" + StepUpExampleFiles.EXPECTED_OUTPUT + "```\n");
  }
}
