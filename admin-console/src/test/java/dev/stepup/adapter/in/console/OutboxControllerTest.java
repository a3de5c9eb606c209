package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The outbox page: failed deliveries of one environment, chosen with the environment picker. */
class OutboxControllerTest extends ConsoleSliceTest {

  @Test
  void thePickerMarksTheEnvironmentShown() throws Exception {
    when(environments.all()).thenReturn(List.of(DEMO_ENVIRONMENT));
    mvc.perform(get("/admin/outbox").with(admin()).param("env", "demo"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"outbox-env\"")))
        .andExpect(
            content()
                .string(
                    containsString("<option value=\"demo\" selected=\"selected\">Demo</option>")))
        .andExpect(
            content().string(containsString("None: every message was sent or is on its way.")));
  }

  @Test
  void anEnvironmentIdThatCannotExistIsNotFound() throws Exception {
    mvc.perform(get("/admin/outbox").with(admin()).param("env", "No_Such!"))
        .andExpect(status().isNotFound());
  }
}
