package dev.stepup.adapter.in.web.hosted;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase.Linked;
import dev.stepup.application.port.in.credential.PendingLink;
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
    when(linking.link(
            argThat(
                c ->
                    c instanceof LinkCredentialCommand.Contact contact
                        && contact.format().equals("email")
                        && contact.value().equals("bob@example.com"))))
        .thenReturn(new Linked.Pending(pending()));
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
    when(linking.link(any()))
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
    verifyNoInteractions(linking, confirmContactLink, resendContactLinkCode);
  }

  @Test
  void aWrongCodeKeepsTheCodeFormAndTheRightOneLinks() throws Exception {
    Cookie session = signedIn(email());
    MockHttpSession browser = new MockHttpSession();
    when(linking.link(any())).thenReturn(new Linked.Pending(pending()));
    mvc.perform(
            post(LINK)
                .cookie(session)
                .session(browser)
                .param("format", "email")
                .param("value", "bob@example.com"))
        .andExpect(status().isOk());

    when(confirmContactLink.confirm(
            argThat(c -> c != null && c.pendingId().equals("pl_1") && c.code().equals("000000"))))
        .thenThrow(new RefusedException(RefusalReason.INVALID_CODE).attemptsLeft(2));
    mvc.perform(post(LINK + "/confirm").cookie(session).session(browser).param("code", "000000"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("id=\"proof-error\"")))
        .andExpect(content().string(containsString("That code is not right.")));

    when(confirmContactLink.confirm(
            argThat(c -> c != null && c.pendingId().equals("pl_1") && c.code().equals("123456"))))
        .thenReturn(
            credential(
                "crd_bob", CredentialFormat.EMAIL, "bob@example.com", null, "b••@example.com"));
    mvc.perform(post(LINK + "/confirm").cookie(session).session(browser).param("code", "123456"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Email b••@example.com was added.")));
  }
}
