package dev.stepup.application.port.in.stepup;

/**
 * Issues a single-use, five-minute Sign-In with Ethereum challenge for the user's external wallet
 * (embedded, server-held wallets never verify); {@link VerifyStepUpUseCase} takes the signature.
 */
public interface StartWalletStepUpUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException when the wallet may not verify or the
   *     method is locked
   */
  SignatureRequest start(StartWalletStepUpCommand command);
}
