package dev.stepup.adapter.in.web.api.cors;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import dev.stepup.application.port.in.stepup.CheckStepUpResult;
import dev.stepup.domain.environment.BrowserOrigins;
import dev.stepup.domain.environment.Environment;
import dev.stepup.domain.policy.StepUpDecision;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Cross-origin calls: end-user endpoints for listed origins only, API-key endpoints never. */
class BrowserCorsTest extends ApiSliceTest {

  private static final String APP = "https://app.example.test";

  @BeforeEach
  void demoListsOneOrigin() {
    Environment demo = Environment.create(DEMO, "Demo");
    demo.allowBrowserOrigins(BrowserOrigins.of(List.of(APP)));
    when(findEnvironments.find(DEMO)).thenReturn(Optional.of(demo));
    endUserSignedIn();
    hostBackendKeys();
  }

  private static MockHttpServletRequestBuilder preflight(String path, String origin) {
    return options(path)
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header(
            "Access-Control-Request-Headers", "authorization,content-type,x-elevated-access-token");
  }

  @Test
  void aListedOriginMayCallAnEndUserEndpoint() throws Exception {
    mvc.perform(preflight(ENV + "/step-up/check", APP))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", APP))
        .andExpect(header().string("Access-Control-Allow-Methods", containsString("POST")))
        .andExpect(
            header()
                .string("Access-Control-Allow-Headers", containsString("x-elevated-access-token")))
        .andExpect(header().doesNotExist("Access-Control-Allow-Credentials"))
        .andExpect(header().stringValues("Vary", org.hamcrest.Matchers.hasItem("Origin")));

    when(checkStepUp.check(any()))
        .thenReturn(
            CheckStepUpResult.from(
                new StepUpDecision.NotRequired(StepUpDecision.NotRequired.Why.STEP_UP_DISABLED)));
    mvc.perform(
            post(ENV + "/step-up/check")
                .header("Origin", APP)
                .header("Authorization", USER_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"wallet:sign\"}"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", APP))
        .andExpect(
            header().string("Access-Control-Expose-Headers", containsString("WWW-Authenticate")));
  }

  @Test
  void anOriginNotListedGetsNothing() throws Exception {
    mvc.perform(preflight(ENV + "/step-up/check", "https://evil.example.test"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    mvc.perform(preflight(ENV + "/step-up/check", APP + ":8443"))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    // Another environment's list does not open this one.
    mvc.perform(preflight("/api/v1/environments/other/step-up/check", APP))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }

  @Test
  void apiKeyEndpointsNeverAnswerCrossOrigin() throws Exception {
    mvc.perform(preflight(ENV + "/elevated-tokens", APP))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    mvc.perform(preflight(ENV + "/users", APP))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
    mvc.perform(
            post(ENV + "/elevated-tokens/introspect")
                .header("Origin", APP)
                .header("Authorization", KEY_BEARER)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"token\":\"x\"}"))
        .andExpect(header().doesNotExist("Access-Control-Allow-Origin"));
  }
}
