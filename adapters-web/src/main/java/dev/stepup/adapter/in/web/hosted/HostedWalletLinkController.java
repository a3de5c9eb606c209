package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.RefusedException;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.stepup.SignatureRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Linking an external wallet from the account page: a Sign-In with Ethereum message the page's
 * script has signed, then the link, made once a {@code credential:link} token is held.
 */
@Controller
@RequestMapping("/hosted/{environmentId}/account/wallet")
class HostedWalletLinkController {

  private final AccountRoom room;
  private final LinkWalletUseCase wallets;

  HostedWalletLinkController(AccountRoom room, LinkWalletUseCase wallets) {
    this.room = room;
    this.wallets = wallets;
  }

  @PostMapping
  String challenge(
      @PathVariable String environmentId,
      @RequestParam(defaultValue = "") String address,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Optional<AccountRoom.Visit> found = room.visit(environmentId, request, response, model);
    if (found.isEmpty()) {
      return null;
    }
    AccountRoom.Visit visit = found.get();
    try {
      SignatureRequest challenge = wallets.linkChallenge(visit.context(), address);
      visit
          .page()
          .wallet(
              new WalletSigning(
                  challenge.message(), challenge.address(), challenge.challengeId(), null));
      return room.render(visit, model);
    } catch (RefusedException | IllegalArgumentException e) {
      return room.refused(
          visit,
          request,
          response,
          model,
          new AccountChange.LinkWallet("", ""),
          e instanceof RefusedException ? PageWords.of(e) : "Enter a 0x… wallet address.");
    }
  }

  @PostMapping("/link")
  String link(
      @PathVariable String environmentId,
      @Valid WalletSignatureForm form,
      BindingResult binding,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    return room.act(
        environmentId,
        binding,
        new AccountChange.LinkWallet(form.challengeId(), form.signature()),
        request,
        response,
        model);
  }
}
