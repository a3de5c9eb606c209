package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Environments: creating one, its page, and renaming it in place with htmx. */
class EnvironmentsControllerTest extends ConsoleSliceTest {

  @BeforeEach
  void demo() {
    when(environments.all()).thenReturn(List.of(DEMO_ENVIRONMENT));
  }

  @Test
  void aCreatedEnvironmentOpensItsPage() throws Exception {
    when(createEnvironment.create(
            argThat(
                c ->
                    c != null
                        && c.id().equals(new EnvironmentId("staging"))
                        && c.name().equals("Staging")
                        && c.actor().equals("admin"))))
        .thenReturn(Environment.create(new EnvironmentId("staging"), "Staging"));
    mvc.perform(
            post("/admin/environments")
                .with(admin())
                .with(csrf())
                .param("id", "staging")
                .param("name", "Staging"))
        .andExpect(redirectedUrl("/admin/environments/staging"));
  }

  @Test
  void aBadIdIsExplainedAndKept() throws Exception {
    mvc.perform(
            post("/admin/environments")
                .with(admin())
                .with(csrf())
                .param("id", "Bad Id")
                .param("name", "Bad"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id: use 1-63 lower-case letters, digits")))
        .andExpect(content().string(containsString("value=\"Bad Id\"")));
    // The command refuses the id itself; nothing is created.
    verifyNoInteractions(createEnvironment);
  }

  @Test
  void anHtmxRenameAnswersTheNameFormOnly() throws Exception {
    when(renameEnvironment.rename(
            argThat(
                c ->
                    c != null
                        && c.id().equals(DEMO)
                        && c.name().equals("Demo 2")
                        && c.actor().equals("admin"))))
        .thenReturn(Environment.create(DEMO, "Demo 2"));
    mvc.perform(
            post("/admin/environments/demo/name")
                .with(admin())
                .with(csrf())
                .header("HX-Request", "true")
                .param("name", "Demo 2"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"name-form\"")))
        .andExpect(content().string(containsString("Renamed.")))
        .andExpect(content().string(not(containsString("<html"))));
  }

  @Test
  void aPlainRenameAnswersTheWholePage() throws Exception {
    when(renameEnvironment.rename(any())).thenReturn(Environment.create(DEMO, "Demo 2"));
    mvc.perform(
            post("/admin/environments/demo/name")
                .with(admin())
                .with(csrf())
                .param("name", "Demo 2"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("Renamed.")));
  }

  @Test
  void anUnknownEnvironmentIsNotFound() throws Exception {
    mvc.perform(get("/admin/environments/nowhere").with(admin())).andExpect(status().isNotFound());
  }
}
