package dev.stepup.adapter.in.web.api.credential;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.adapter.in.web.api.error.ApiException;
import dev.stepup.adapter.in.web.api.view.CredentialView;
import dev.stepup.application.port.in.credential.ConfirmContactLinkUseCase;
import dev.stepup.application.port.in.credential.GetSignedInUserUseCase;
import dev.stepup.application.port.in.credential.LinkCredentialCommand;
import dev.stepup.application.port.in.credential.LinkCredentialUseCase;
import dev.stepup.application.port.in.credential.LinkWalletUseCase;
import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.application.port.in.credential.ResendContactLinkCodeUseCase;
import dev.stepup.application.port.in.credential.UnlinkCredentialUseCase;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.user.EndSessionUseCase;
import dev.stepup.domain.credential.Credential;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.user.User;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user: who they are, their credentials, and signing out. */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT)
@Tag(name = "End user: account")
@SecurityRequirement(name = "sessionToken")
class MeController {

  private final GetSignedInUserUseCase signedInUser;
  private final UnlinkCredentialUseCase unlinkCredential;
  private final EndSessionUseCase endSession;
  private final LinkCredentialUseCase linking;
  private final LinkWalletUseCase wallets;
  private final ConfirmContactLinkUseCase confirmations;
  private final ResendContactLinkCodeUseCase resends;

  MeController(
      GetSignedInUserUseCase signedInUser,
      UnlinkCredentialUseCase unlinkCredential,
      LinkCredentialUseCase linking,
      ConfirmContactLinkUseCase confirmations,
      ResendContactLinkCodeUseCase resends,
      EndSessionUseCase endSession,
      LinkWalletUseCase wallets) {
    this.signedInUser = signedInUser;
    this.unlinkCredential = unlinkCredential;
    this.endSession = endSession;
    this.linking = linking;
    this.wallets = wallets;
    this.confirmations = confirmations;
    this.resends = resends;
  }

  record MeResponse(String userId, List<CredentialView> credentials, boolean mfa) {}

  /**
   * {@code challengeId} and {@code signature} prove possession of a {@code blockchain} value; the
   * {@code loginId} of a completed provider login proves an {@code oauth} account.
   */
  record LinkRequest(
      @NotBlank @Size(max = 32) String format,
      @Size(max = 320) String value,
      @Size(max = 100) String challengeId,
      @Size(max = 200) String signature,
      @Size(max = 100) String loginId) {}

  /** An address or number waiting for its code: confirm it with the code sent to it. */
  record PendingLinkResponse(
      String pendingId, String format, String sentTo, Instant expiresAt, String confirm) {
    static PendingLinkResponse of(String environmentId, PendingLink p) {
      return new PendingLinkResponse(
          p.pendingId(),
          p.format().wire(),
          p.alias(),
          p.expiresAt(),
          ApiPaths.ENVIRONMENT.replace("{environmentId}", environmentId)
              + "/credentials/pending/"
              + p.pendingId()
              + "/confirm");
    }
  }

  record ConfirmLinkRequest(@NotBlank @Size(max = 16) String code) {}

  record WalletChallengeRequest(@NotBlank @Size(max = 64) String address) {}

  record WalletChallengeResponse(String challengeId, String address, String message) {}

  @Operation(summary = "The signed-in user and their credentials")
  @GetMapping("/me")
  MeResponse me(@PathVariable String environmentId, @Caller SessionContext context) {
    User user = signedInUser.me(context);
    return new MeResponse(
        user.id().value(),
        user.credentials().stream().map(CredentialView::of).toList(),
        user.hasMfa());
  }

  @Operation(
      summary =
          "Link an email, phone number, external wallet or social account (protected by"
              + " credential:link)",
      description =
          "An email address or phone number is proved first: the answer is 202 with a pendingId"
              + " and a code goes to the address or number; the credential exists only once"
              + " POST /credentials/pending/{pendingId}/confirm receives that code. A wallet (signed"
              + " challenge) or social account (completed login) is proved by the request itself"
              + " and linked at once (201).")
  @ApiResponse(
      responseCode = "201",
      description = "Wallet or social account linked",
      content = @Content(schema = @Schema(implementation = CredentialView.class)))
  @ApiResponse(
      responseCode = "202",
      description = "Code sent to the email address or phone number; nothing linked yet",
      content = @Content(schema = @Schema(implementation = PendingLinkResponse.class)))
  @PostMapping("/credentials")
  ResponseEntity<Object> link(
      @PathVariable String environmentId,
      @Validated @RequestBody LinkRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    LinkCredentialUseCase.Linked linked = linking.link(command(body, context, elevatedToken));
    if (linked instanceof LinkCredentialUseCase.Linked.Pending pending) {
      return ResponseEntity.status(HttpStatus.ACCEPTED)
          .body(PendingLinkResponse.of(environmentId, pending.pending()));
    }
    Credential credential = ((LinkCredentialUseCase.Linked.Done) linked).credential();
    return ResponseEntity.status(HttpStatus.CREATED).body(CredentialView.of(credential));
  }

  /** The request as the link use case's command; each kind names the proof it lacks. */
  private static LinkCredentialCommand command(
      LinkRequest body, SessionContext context, Optional<String> elevatedToken) {
    if ("blockchain".equals(body.format())) {
      if (isBlank(body.challengeId()) || isBlank(body.signature())) {
        throw ApiException.invalid(
            "challengeId: linking a wallet needs a signed challenge from"
                + " POST /credentials/wallet-challenge, sent with its signature");
      }
      return new LinkCredentialCommand.Wallet(
          context, body.challengeId(), body.signature(), elevatedToken);
    }
    if ("oauth".equals(body.format())) {
      if (isBlank(body.loginId())) {
        throw ApiException.invalid(
            "loginId: linking an account needs a completed sign-in started at"
                + " GET /credentials/oauth/{provider}/authorize");
      }
      return new LinkCredentialCommand.Social(context, body.loginId(), elevatedToken);
    }
    if (isBlank(body.value())) {
      throw ApiException.invalid("value: is required");
    }
    return new LinkCredentialCommand.Contact(context, body.format(), body.value(), elevatedToken);
  }

  @Operation(
      summary = "Link the email address or phone number a code was sent to",
      description =
          "Send the code that went to the address or number, from the session that asked for"
              + " it. A wrong code answers invalid_code (five wrong entries end the code); an"
              + " expired or spent one code_expired.")
  @ApiResponse(responseCode = "201", description = "Linked")
  @PostMapping("/credentials/pending/{pendingId}/confirm")
  ResponseEntity<CredentialView> confirmLink(
      @PathVariable String environmentId,
      @PathVariable String pendingId,
      @Validated @RequestBody ConfirmLinkRequest body,
      @Caller SessionContext context) {
    Credential linked =
        confirmations.confirm(
            new ConfirmContactLinkUseCase.Command(context, pendingId, body.code()));
    return ResponseEntity.status(HttpStatus.CREATED).body(CredentialView.of(linked));
  }

  @Operation(
      summary = "Send a new code for a pending email address or phone number",
      description = "Throttled like every code; the earlier code stops working.")
  @ApiResponse(responseCode = "202", description = "A new code is on its way")
  @PostMapping("/credentials/pending/{pendingId}/resend")
  ResponseEntity<PendingLinkResponse> resendLinkCode(
      @PathVariable String environmentId,
      @PathVariable String pendingId,
      @Caller SessionContext context) {
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(
            PendingLinkResponse.of(
                environmentId,
                resends.resend(new ResendContactLinkCodeUseCase.Command(context, pendingId))));
  }

  @Operation(
      summary = "A message for an external wallet to sign before it is linked",
      description = "Sign it with personal_sign and send both to POST /credentials.")
  @PostMapping("/credentials/wallet-challenge")
  WalletChallengeResponse walletChallenge(
      @PathVariable String environmentId,
      @Validated @RequestBody WalletChallengeRequest body,
      @Caller SessionContext context) {
    var challenge = wallets.linkChallenge(context, body.address());
    return new WalletChallengeResponse(
        challenge.challengeId(), challenge.address(), challenge.message());
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Operation(summary = "Unlink a credential (protected by credential:unlink)")
  @ApiResponse(responseCode = "204", description = "Unlinked")
  @DeleteMapping("/credentials/{credentialId}")
  ResponseEntity<Void> unlink(
      @PathVariable String environmentId,
      @PathVariable String credentialId,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    unlinkCredential.unlink(
        new UnlinkCredentialUseCase.Command(
            context, new CredentialId(credentialId), elevatedToken));
    return ResponseEntity.noContent().build();
  }

  @Operation(summary = "Sign out: ends the session and revokes its elevated tokens")
  @ApiResponse(responseCode = "204", description = "The session has ended")
  @DeleteMapping("/session")
  ResponseEntity<Void> signOut(@PathVariable String environmentId, @Caller SessionContext context) {
    endSession.end(
        new EndSessionUseCase.Command(
            context.environmentId(), context.sessionId(), context.origin()));
    return ResponseEntity.noContent().build();
  }
}
