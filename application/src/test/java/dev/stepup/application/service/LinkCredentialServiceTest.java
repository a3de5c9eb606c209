package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase.Linked;
import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import dev.stepup.application.service.credential.LinkCredentialService;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialFormat;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.user.User;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One way in for linking: {@link LinkCredentialService} sends each kind to the check it needs. */
class LinkCredentialServiceTest {

  private final Fixture f = new Fixture();
  private final User ann = f.emailUser("ann@example.com");
  private final SessionContext session = f.signIn(ann);
  private final List<String> walletProofs = new ArrayList<>();
  private final List<String> socialProofs = new ArrayList<>();

  /** Wallet linking as this test observes it: the proof it got, and a linked wallet. */
  private final LinkWalletUseCase wallets =
      new LinkWalletUseCase() {
        @Override
        public SignatureRequest linkChallenge(SessionContext context, String address) {
          throw new UnsupportedOperationException("not part of linking");
        }

        @Override
        public Credential link(
            SessionContext context,
            String challengeId,
            String signature,
            Optional<String> elevatedToken) {
          walletProofs.add(challengeId + "/" + signature + "/" + elevatedToken.orElse(""));
          return Credential.externalWallet(
              new CredentialId("cred_wallet"), "0xAbCdEf0123456789aBcDeF0123456789AbCdEf01", START);
        }
      };

  private final LinkSocialAccountUseCase socialAccounts =
      (context, loginId, elevatedToken) -> {
        socialProofs.add(loginId + "/" + elevatedToken.orElse(""));
        return Credential.email(new CredentialId("cred_social"), "ann@social.example", START);
      };

  private final LinkCredentialService linking =
      new LinkCredentialService(f.contacts, wallets, socialAccounts);

  private Optional<String> linkToken() {
    return Optional.of(f.issueToken(session, Scope.CREDENTIAL_LINK).elevatedAccessToken());
  }

  @Test
  void anEmailIsNotLinkedAtOnceButACodeGoesToIt() {
    Linked linked =
        linking.link(
            new LinkCredentialCommand.Contact(
                session, "email", "Ann.Work@Example.com", linkToken()));

    assertThat(linked).isInstanceOf(Linked.Pending.class);
    assertThat(((Linked.Pending) linked).pending().alias()).isEqualTo("a••••@example.com");
    assertThat(f.messages.lastCodeTo("ann.work@example.com")).isPresent();
    assertThat(f.credentials.me(session).credentials())
        .extracting(Credential::format)
        .containsExactly(CredentialFormat.EMAIL);
    assertThat(walletProofs).isEmpty();
    assertThat(socialProofs).isEmpty();
  }

  @Test
  void aMalformedAddressIsRefusedWithTheSignUpWordsAndNothingIsSent() {
    assertThatThrownBy(
            () ->
                linking.link(
                    new LinkCredentialCommand.Contact(
                        session, "email", "not-an-address", linkToken())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("email: not an email address");
    assertThatThrownBy(
            () ->
                linking.link(
                    new LinkCredentialCommand.Contact(session, "blockchain", "0xabc", linkToken())))
        .hasMessage("format: only email and phoneNumber can be linked with a value");
    assertThat(f.messages.sent()).isEmpty();
  }

  @Test
  void aWalletGoesToWalletLinkingWithItsSignedChallengeAndIsLinkedAtOnce() {
    Linked linked =
        linking.link(
            new LinkCredentialCommand.Wallet(session, "wch_1", "0xsig", Optional.of("tok")));

    assertThat(linked).isInstanceOf(Linked.Done.class);
    assertThat(((Linked.Done) linked).credential().id()).isEqualTo(new CredentialId("cred_wallet"));
    assertThat(walletProofs).containsExactly("wch_1/0xsig/tok");
    assertThat(socialProofs).isEmpty();
  }

  @Test
  void aSocialAccountGoesToSocialLinkingWithItsLogin() {
    Linked linked =
        linking.link(new LinkCredentialCommand.Social(session, "sol_1", Optional.of("tok")));

    assertThat(((Linked.Done) linked).credential().id()).isEqualTo(new CredentialId("cred_social"));
    assertThat(socialProofs).containsExactly("sol_1/tok");
    assertThat(walletProofs).isEmpty();
  }
}
