package dev.stepup.adapter.in.web.hosted;

import dev.stepup.adapter.in.web.hosted.AccountChange.ChooseDefault;
import dev.stepup.adapter.in.web.hosted.AccountChange.EnrolTotp;
import dev.stepup.adapter.in.web.hosted.AccountChange.LinkContact;
import dev.stepup.adapter.in.web.hosted.AccountChange.LinkSocial;
import dev.stepup.adapter.in.web.hosted.AccountChange.LinkWallet;
import dev.stepup.adapter.in.web.hosted.AccountChange.RegenerateRecoveryCodes;
import dev.stepup.adapter.in.web.hosted.AccountChange.RegisterPasskey;
import dev.stepup.adapter.in.web.hosted.AccountChange.Unlink;
import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase;
import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.mfa.ChooseDefaultMfaUseCase;
import dev.stepup.application.port.in.mfa.PasskeyUseCase;
import dev.stepup.application.port.in.mfa.RegenerateRecoveryCodesUseCase;
import dev.stepup.application.port.in.mfa.StartTotpEnrolmentUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Does an account change with the token held for it (now, or back from step-up) and puts what the
 * page shows about it in its {@link AccountPage}; refusals are thrown to {@link AccountRoom}.
 */
@Component
class AccountChanges {

  private final UnlinkCredentialUseCase unlinkCredential;
  private final LinkCredentialUseCase linking;
  private final StartTotpEnrolmentUseCase startTotp;
  private final RegenerateRecoveryCodesUseCase recoveryCodes;
  private final ChooseDefaultMfaUseCase defaultMfa;
  private final PasskeyUseCase passkeys;
  private final TotpEnrolments enrolments;
  private final Clock clock;

  AccountChanges(
      UnlinkCredentialUseCase unlinkCredential,
      LinkCredentialUseCase linking,
      StartTotpEnrolmentUseCase startTotp,
      RegenerateRecoveryCodesUseCase recoveryCodes,
      ChooseDefaultMfaUseCase defaultMfa,
      PasskeyUseCase passkeys,
      TotpEnrolments enrolments,
      Clock clock) {
    this.unlinkCredential = unlinkCredential;
    this.linking = linking;
    this.startTotp = startTotp;
    this.recoveryCodes = recoveryCodes;
    this.defaultMfa = defaultMfa;
    this.passkeys = passkeys;
    this.enrolments = enrolments;
    this.clock = clock;
  }

  void perform(
      AccountChange change,
      AccountRoom.Visit visit,
      Optional<String> token,
      HttpServletRequest request) {
    SessionContext context = visit.context();
    if (change instanceof EnrolTotp totp) {
      var started =
          startTotp.startTotpEnrolment(
              new StartTotpEnrolmentUseCase.Command(context, present(totp.alias()), token));
      visit.page().enrolment(enrolments.keep(request, context, started), null);
    } else if (change instanceof RegisterPasskey passkey) {
      PasskeyUseCase.Options options =
          passkeys.registrationOptions(context, present(passkey.alias()), token);
      visit
          .page()
          .passkey(
              new AccountPage.PasskeyRegistration(options.challengeId(), options.publicKeyJson()));
    } else if (change instanceof RegenerateRecoveryCodes) {
      visit
          .page()
          .recoveryCodes(
              recoveryCodes.regenerateRecoveryCodes(
                  new RegenerateRecoveryCodesUseCase.Command(context, token)));
      visit.page().done("You have new recovery codes; the old ones no longer work.");
    } else if (change instanceof LinkContact link) {
      PendingLink started =
          ((LinkCredentialUseCase.Linked.Pending)
                  linking.link(
                      new LinkCredentialCommand.Contact(
                          context, link.format(), link.value(), token)))
              .pending();
      visit.page().proof(HostedLinkProofs.keep(request, context, started, clock.instant()), null);
    } else if (change instanceof ChooseDefault chosen) {
      defaultMfa.chooseDefault(
          new ChooseDefaultMfaUseCase.Command(
              context, new CredentialId(chosen.credentialId()), token));
      visit.page().done("Your default way to confirm it’s you is saved.");
    } else if (change instanceof Unlink unlink) {
      unlinkCredential.unlink(
          new UnlinkCredentialUseCase.Command(
              context, new CredentialId(unlink.credentialId()), token));
      visit.page().done("The credential was removed.");
    } else if (change instanceof LinkWallet wallet) {
      Credential linked =
          done(
              linking.link(
                  new LinkCredentialCommand.Wallet(
                      context, wallet.challengeId(), wallet.signature(), token)));
      visit.page().done("Wallet " + linked.alias().orElse("") + " was added.");
    } else if (change instanceof LinkSocial social) {
      Credential linked =
          done(linking.link(new LinkCredentialCommand.Social(context, social.loginId(), token)));
      visit
          .page()
          .done(
              "Your "
                  + linked.type().orElse("social")
                  + " account "
                  + linked.alias().orElse("")
                  + " was added.");
    } else {
      throw new IllegalStateException("unknown change " + change);
    }
  }

  private static Credential done(LinkCredentialUseCase.Linked linked) {
    return ((LinkCredentialUseCase.Linked.Done) linked).credential();
  }

  private static Optional<String> present(String alias) {
    return Optional.ofNullable(alias).filter(a -> !a.isBlank());
  }
}
