package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/** The account page: signed-out visitors sign in first; the user sees their own credentials. */
class HostedAccountControllerTest extends HostedSliceTest {

  @Test
  void aSignedOutVisitorIsSentToSignInAndBack() throws Exception {
    mvc.perform(get(ACCOUNT))
        .andExpect(status().isSeeOther())
        .andExpect(
            header()
                .string("Location", "/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Faccount"));
  }

  @Test
  void withHtmxASignedOutVisitorIsRedirectedByHeader() throws Exception {
    mvc.perform(get(ACCOUNT).header("HX-Request", "true"))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string("HX-Redirect", "/hosted/demo/sign-in?returnTo=%2Fhosted%2Fdemo%2Faccount"));
  }

  @Test
  void theUserSeesTheirCredentialsAndThePageIsNotCached() throws Exception {
    mvc.perform(get(ACCOUNT).cookie(signedIn(email(), totp())))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "no-store"))
        .andExpect(content().string(containsString("a••@example.com")))
        .andExpect(content().string(containsString("Phone")))
        .andExpect(content().string(containsString("id=\"sign-out\"")));
  }

  @Test
  void theLastSignInCredentialOffersNoRemoveButton() throws Exception {
    mvc.perform(get(ACCOUNT).cookie(signedIn(email())))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("/hosted/demo/account/unlink"))));
  }
}
