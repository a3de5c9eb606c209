package dev.stepup.adapter.in.console;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log: the whole page for a visit, only the log for an htmx filter change. */
class AuditLogControllerTest extends ConsoleSliceTest {

  @BeforeEach
  void nothingLogged() {
    when(environments.all()).thenReturn(List.of(DEMO_ENVIRONMENT));
    when(auditLog.read(any())).thenReturn(List.of());
  }

  @Test
  void aVisitGetsTheWholePage() throws Exception {
    mvc.perform(get("/admin/audit").with(admin()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("<html")))
        .andExpect(content().string(containsString("id=\"audit-filters\"")))
        .andExpect(content().string(containsString("id=\"log\"")));
  }

  @Test
  void anHtmxFilterChangeGetsOnlyTheLog() throws Exception {
    mvc.perform(get("/admin/audit").with(admin()).header("HX-Request", "true").param("env", "demo"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("id=\"log\"")))
        .andExpect(content().string(not(containsString("<html"))))
        .andExpect(content().string(not(containsString("id=\"audit-filters\""))));
  }
}
