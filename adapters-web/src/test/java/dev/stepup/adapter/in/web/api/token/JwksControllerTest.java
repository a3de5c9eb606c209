package dev.stepup.adapter.in.web.api.token;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.adapter.in.web.api.ApiSliceTest;
import org.junit.jupiter.api.Test;

/** The public keys that verify elevated tokens, for anyone, briefly cached. */
class JwksControllerTest extends ApiSliceTest {

  @Test
  void theKeySetIsPublicAndCachedBriefly() throws Exception {
    when(verificationKeys.jwksJson()).thenReturn("{\"keys\":[{\"kid\":\"k1\"}]}");
    mvc.perform(get("/.well-known/jwks.json"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", containsString("application/jwk-set+json")))
        .andExpect(header().string("Cache-Control", "max-age=300, public"))
        .andExpect(content().string("{\"keys\":[{\"kid\":\"k1\"}]}"));
  }
}
