package dev.stepup.application.service;

import static dev.stepup.application.service.Fixture.ENV;
import static dev.stepup.application.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stepup.application.port.in.NotFoundException;
import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.application.port.in.token.IssuedElevatedToken;
import dev.stepup.application.port.in.wallet.SignWithWalletUseCase;
import dev.stepup.application.port.in.wallet.WalletCommand;
import dev.stepup.application.port.in.wallet.WalletState;
import dev.stepup.application.port.out.audit.AuditEventType;
import dev.stepup.application.port.out.wallet.EmbeddedWallets.EmbeddedWallet;
import dev.stepup.domain.credential.CredentialId;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.token.TokenState;
import dev.stepup.domain.user.User;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoWalletServiceTest {

  private final Fixture f = new Fixture();
  private final User ann =
      f.createUser(ENV, Optional.of("ann@example.com"), Optional.empty(), true);
  private final SessionContext session = f.signIn(ann);
  private final CredentialId walletId = ann.credentials().get(1).id();

  private Optional<String> token(Scope scope) {
    return Optional.of(f.issueToken(session, scope).elevatedAccessToken());
  }

  @Test
  void exportNeedsASingleUseTokenAndRevealsTheKeyOnce() {
    assertThat(
            refusal(() -> f.wallet.export(new WalletCommand(session, walletId, Optional.empty())))
                .refusal())
        .isEqualTo(Refusal.STEP_UP_REQUIRED);
    IssuedElevatedToken export = f.issueToken(session, Scope.WALLET_EXPORT);

    String key =
        f.wallet.export(
            new WalletCommand(session, walletId, Optional.of(export.elevatedAccessToken())));

    EmbeddedWallet wallet = f.wallets.find(walletId).orElseThrow();
    assertThat(key).startsWith("0x");
    assertThat(f.walletKeys.addressOf(HexFormat.of().parseHex(key.substring(2))))
        .isEqualTo(wallet.address());
    assertThat(f.lastEvent(AuditEventType.WALLET_OPERATION).scopes())
        .containsExactly(Scope.WALLET_EXPORT);
    assertThat(f.audit.events())
        .allSatisfy(e -> assertThat(e.reason().orElse("")).doesNotContain(key.substring(2)));
    assertThat(
            refusal(
                    () ->
                        f.wallet.export(
                            new WalletCommand(
                                session, walletId, Optional.of(export.elevatedAccessToken()))))
                .refusal())
        .isEqualTo(Refusal.TOKEN_CONSUMED);
  }

  @Test
  void signingWithAMultiUseTokenWorksRepeatedly() {
    IssuedElevatedToken sign = f.issueToken(session, Scope.WALLET_SIGN);
    byte[] key = f.cipher.decrypt(f.wallets.find(walletId).orElseThrow().encryptedPrivateKey());

    String first =
        f.wallet.sign(
            new SignWithWalletUseCase.Command(
                session, walletId, "hello", Optional.of(sign.elevatedAccessToken())));
    String second =
        f.wallet.sign(
            new SignWithWalletUseCase.Command(
                session, walletId, "again", Optional.of(sign.elevatedAccessToken())));

    assertThat(first).isEqualTo(f.walletKeys.personalSign(key, "hello"));
    assertThat(second).isEqualTo(f.walletKeys.personalSign(key, "again"));
    assertThat(f.stateOf(sign)).isEqualTo(TokenState.ACTIVE);
    assertThat(f.events(AuditEventType.WALLET_OPERATION)).hasSize(2);
  }

  @Test
  void anEmptyOrOversizedMessageIsNotSigned() {
    assertThatThrownBy(
            () ->
                f.wallet.sign(
                    new SignWithWalletUseCase.Command(
                        session, walletId, "", token(Scope.WALLET_SIGN))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                f.wallet.sign(
                    new SignWithWalletUseCase.Command(
                        session, walletId, "x".repeat(4097), token(Scope.WALLET_SIGN))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refreshAndReshareRewrapTheKeyUnderTheirOwnScopes() {
    f.clock.advance(Duration.ofMinutes(1));
    EmbeddedWallet before = f.wallets.find(walletId).orElseThrow();

    WalletState refreshed =
        f.wallet.refresh(new WalletCommand(session, walletId, token(Scope.WALLET_REFRESH)));
    assertThat(
            refusal(
                    () ->
                        f.wallet.reshare(
                            new WalletCommand(session, walletId, token(Scope.WALLET_REFRESH))))
                .refusal())
        .isEqualTo(Refusal.STEP_UP_REQUIRED);
    WalletState reshared =
        f.wallet.reshare(new WalletCommand(session, walletId, token(Scope.WALLET_RESHARE)));

    assertThat(refreshed.address()).isEqualTo(before.address());
    assertThat(refreshed.keyUpdatedAt()).isEqualTo(f.clock.instant());
    assertThat(reshared.walletId()).isEqualTo(walletId);
    EmbeddedWallet after = f.wallets.find(walletId).orElseThrow();
    assertThat(f.cipher.decrypt(after.encryptedPrivateKey()))
        .isEqualTo(f.cipher.decrypt(before.encryptedPrivateKey()));
  }

  @Test
  void anotherUsersWalletIsNotFoundAndTheirTokenIsNotSpent() {
    User bob = f.createUser(ENV, Optional.of("bob@example.com"), Optional.empty(), false);
    SessionContext bobSession = f.signIn(bob);
    IssuedElevatedToken bobsToken = f.issueToken(bobSession, Scope.WALLET_EXPORT);

    assertThatThrownBy(
            () ->
                f.wallet.export(
                    new WalletCommand(
                        bobSession, walletId, Optional.of(bobsToken.elevatedAccessToken()))))
        .isInstanceOf(NotFoundException.class);
    assertThat(f.stateOf(bobsToken)).isEqualTo(TokenState.ACTIVE);
  }
}
