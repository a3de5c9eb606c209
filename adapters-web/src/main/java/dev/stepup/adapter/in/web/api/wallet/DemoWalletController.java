package dev.stepup.adapter.in.web.api.wallet;

import dev.stepup.adapter.in.web.api.ApiPaths;
import dev.stepup.adapter.in.web.api.caller.Caller;
import dev.stepup.adapter.in.web.api.caller.ElevatedAccessToken;
import dev.stepup.adapter.in.web.api.view.OperationBody;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.wallet.ExportWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.RefreshWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.ReshareWalletKeyUseCase;
import dev.stepup.application.port.in.wallet.SignWithWalletUseCase;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.application.port.in.wallet.WalletState;
import dev.stepup.domain.credential.CredentialId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sample protected resource: each operation needs {@code X-Elevated-Access-Token} for its scope
 * and answers the RFC 9470 challenge without one.
 */
@RestController
@RequestMapping(ApiPaths.ENVIRONMENT + "/wallets/{walletId}")
@Tag(name = "Demo wallet (protected actions)")
@SecurityRequirement(name = "sessionToken")
class DemoWalletController {

  private final ExportWalletKeyUseCase exportKey;
  private final SignWithWalletUseCase signer;
  private final RefreshWalletKeyUseCase refresher;
  private final ReshareWalletKeyUseCase resharer;

  DemoWalletController(
      ExportWalletKeyUseCase exportKey,
      SignWithWalletUseCase signer,
      RefreshWalletKeyUseCase refresher,
      ReshareWalletKeyUseCase resharer) {
    this.exportKey = exportKey;
    this.signer = signer;
    this.refresher = refresher;
    this.resharer = resharer;
  }

  record ExportResponse(String walletId, String privateKey) {
    @Override
    public String toString() {
      return "ExportResponse[walletId=" + walletId + "]";
    }
  }

  /**
   * @param amount what the transaction the message stands for moves; a token bound with a cap signs
   *     only with an amount within it
   */
  record SignRequest(
      @NotNull @Size(max = 4096) String message, @Valid OperationBody.OperationAmount amount) {}

  record SignResponse(String walletId, String signature) {}

  record WalletResponse(String walletId, String address, Instant keyUpdatedAt) {
    static WalletResponse of(WalletState state) {
      return new WalletResponse(state.walletId().value(), state.address(), state.keyUpdatedAt());
    }
  }

  @Operation(summary = "Reveal the private key (wallet:export)")
  @PostMapping("/export")
  ResponseEntity<ExportResponse> export(
      @PathVariable String environmentId,
      @PathVariable String walletId,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    String key =
        exportKey.export(new WalletCommand(context, new CredentialId(walletId), elevatedToken));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new ExportResponse(walletId, key));
  }

  @Operation(
      summary = "Sign a message with personal_sign (wallet:sign)",
      description =
          "A token bound to an operation signs only on its wallet, only the message whose UTF-8"
              + " bytes have the bound SHA-256 (computed here from the message signed), and only"
              + " with an `amount` within the bound cap; otherwise 403 `operation_mismatch`, and"
              + " the token is not spent. Export, refresh and reshare check the wallet id.")
  @PostMapping("/sign")
  SignResponse sign(
      @PathVariable String environmentId,
      @PathVariable String walletId,
      @Validated @RequestBody SignRequest body,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    return new SignResponse(
        walletId,
        signer.sign(
            new SignWithWalletUseCase.Command(
                context,
                new CredentialId(walletId),
                body.message(),
                elevatedToken,
                Optional.ofNullable(body.amount()).map(OperationBody.OperationAmount::toAmount))));
  }

  @Operation(summary = "Refresh the key material (wallet:refresh)")
  @PostMapping("/refresh")
  WalletResponse refresh(
      @PathVariable String environmentId,
      @PathVariable String walletId,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    return WalletResponse.of(
        refresher.refresh(new WalletCommand(context, new CredentialId(walletId), elevatedToken)));
  }

  @Operation(summary = "Reshare the key material (wallet:reshare)")
  @PostMapping("/reshare")
  WalletResponse reshare(
      @PathVariable String environmentId,
      @PathVariable String walletId,
      @Caller SessionContext context,
      @ElevatedAccessToken Optional<String> elevatedToken) {
    return WalletResponse.of(
        resharer.reshare(new WalletCommand(context, new CredentialId(walletId), elevatedToken)));
  }
}
