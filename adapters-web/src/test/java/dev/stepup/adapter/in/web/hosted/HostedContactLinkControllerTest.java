package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkContactUseCase.PendingLink;
import dev.stepup.domain.credential.CredentialFormat;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** Linking an email address or phone number: the address, then the code sent to it. */
class HostedContactLinkControllerTest extends HostedSliceTest {

  private static final String LINK = ACCOUNT + "/link";

  private static PendingLink pending() {
    return new PendingLink(
        "pl_1", CredentialFormat.EMAIL, "b••@example.com", NOW.plus(Duration.ofMinutes(10)));
  }

  @Test
  void anAddressStartsAProofAndTheCodeFormAppears() throws Exception {
    when(linkContact.start(any(), eq("email"), eq("bob@example.com"), any())).thenReturn(pending());
    mvc.perform(
            post(LINK)
                .cookie(signedIn(email()))
                .param("format", "email")
                .param("value", "bob@example.com"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("b••@example.com")))
        .andExpect(content().string(containsString("id=\"confirm-link\"")))
        .andExpect(content().string(containsString("id=\"resend-link-code\"")));
  }

  @Test
  void aBadAddressIsShownAgainWithTheProblem() throws Exception {
    when(linkContact.start(any(), any(), any(), any()))
        .thenThrow(new IllegalArgumentException("value: not an email address"));
    mvc.perform(
            post(LINK).cookie(signedIn(email())).param("format", "email").param("value", "bob@"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Not an email address.")))
        .andExpect(content().string(containsString("value=\"bob@\"")));
  }

  @Test
  void aCodeWithNothingWaitingIsExplained() throws Exception {
    mvc.perform(post(LINK + "/confirm").cookie(signedIn(email())).param("code", "123456"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("Nothing is waiting for a code.")));
    verifyNoInteractions(linkContact);
  }

  @Test
  void aWrongCodeKeepsTheCodeFormAndTheRightOneLinks() throws Exception {
    Cookie session = signedIn(email());
    MockHttpSession browser = new MockHttpSession();
    when(linkContact.start(any(), any(), any(), any())).thenReturn(pending());
    mvc.perform(
            post(LINK)
                .cookie(session)
                .session(browser)
                .param("format", "email")
                .param("value", "bob@example.com"))
        .andExpect(status().isOk());

    when(linkContact.confirm(any(), eq("pl_1"), eq("000000")))
        .thenThrow(new RefusedException(Refusal.INVALID_CODE, "That code is not right."));
    mvc.perform(post(LINK + "/confirm").cookie(session).session(browser).param("code", "000000"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"proof-error\"")))
        .andExpect(content().string(containsString("That code is not right.")));

    when(linkContact.confirm(any(), eq("pl_1"), eq("123456")))
        .thenReturn(
            credential(
                "crd_bob", CredentialFormat.EMAIL, "bob@example.com", null, "b••@example.com"));
    mvc.perform(post(LINK + "/confirm").cookie(session).session(browser).param("code", "123456"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Email b••@example.com was added.")));
  }
}
