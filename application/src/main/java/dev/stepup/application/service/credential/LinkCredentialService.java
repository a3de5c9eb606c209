package dev.stepup.application.service.credential;

import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase;
import dev.stepup.application.port.in.credential.LinkSocialAccountUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.credential.StartContactLinkUseCase;

/**
 * One way in for linking a credential: each kind goes to the use case that checks its proof
 * (contact codes, wallet signatures, social logins), so callers no longer choose by a format
 * string.
 */
public final class LinkCredentialService implements LinkCredentialUseCase {

  private final StartContactLinkUseCase contacts;
  private final LinkWalletUseCase wallets;
  private final LinkSocialAccountUseCase socialAccounts;

  public LinkCredentialService(
      StartContactLinkUseCase contacts,
      LinkWalletUseCase wallets,
      LinkSocialAccountUseCase socialAccounts) {
    this.contacts = contacts;
    this.wallets = wallets;
    this.socialAccounts = socialAccounts;
  }

  @Override
  public Linked link(LinkCredentialCommand command) {
    if (command instanceof LinkCredentialCommand.Wallet wallet) {
      return new Linked.Done(
          wallets.link(
              wallet.context(), wallet.challengeId(), wallet.signature(), wallet.elevatedToken()));
    }
    if (command instanceof LinkCredentialCommand.Social social) {
      return new Linked.Done(
          socialAccounts.link(social.context(), social.loginId(), social.elevatedToken()));
    }
    LinkCredentialCommand.Contact contact = (LinkCredentialCommand.Contact) command;
    return new Linked.Pending(
        contacts.start(
            new StartContactLinkUseCase.Command(
                contact.context(), contact.format(), contact.value(), contact.elevatedToken())));
  }
}
