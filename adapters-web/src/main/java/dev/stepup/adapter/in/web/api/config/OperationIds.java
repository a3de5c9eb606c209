package dev.stepup.adapter.in.web.api.config;

import java.util.Map;
import org.springframework.web.method.HandlerMethod;

/**
 * The operationId of every API operation: what a generated client names its methods. Handler method
 * names are short because the controller says the rest ({@code UsersController.get}); these names
 * say it all by themselves and never collide.
 */
final class OperationIds {

  private static final Map<String, String> IDS =
      Map.ofEntries(
          Map.entry("UsersController.create", "createUser"),
          Map.entry("UsersController.get", "getUser"),
          Map.entry("UsersController.startSession", "createSession"),
          Map.entry("UsersController.sessions", "listSessions"),
          Map.entry("UsersController.endSession", "endUserSession"),
          Map.entry("ElevatedTokensController.issue", "issueElevatedToken"),
          Map.entry("ElevatedTokensController.introspect", "introspectElevatedToken"),
          Map.entry("ElevatedTokensController.revoke", "revokeElevatedToken"),
          Map.entry("JwksController.jwks", "getJwks"),
          Map.entry("StepUpController.check", "checkStepUp"),
          Map.entry("StepUpController.send", "sendOtp"),
          Map.entry("StepUpController.verifyOtp", "verifyOtp"),
          Map.entry("StepUpController.verifyTotp", "verifyTotp"),
          Map.entry("StepUpController.verifyRecoveryCode", "verifyRecoveryCode"),
          Map.entry("LegacyMfaController.requiredForAction", "isMfaRequiredForAction"),
          Map.entry("WalletStepUpController.challenge", "createWalletChallenge"),
          Map.entry("WalletStepUpController.verify", "verifyWallet"),
          Map.entry("PasskeyController.assertionOptions", "startPasskeyStepUp"),
          Map.entry("PasskeyController.verify", "verifyPasskey"),
          Map.entry("PasskeyController.registrationOptions", "startPasskeyRegistration"),
          Map.entry("PasskeyController.register", "registerPasskey"),
          Map.entry("SocialStepUpController.authorize", "authorizeSocialStepUp"),
          Map.entry("SocialStepUpController.authorizeLink", "authorizeSocialLink"),
          Map.entry("SocialStepUpController.callback", "completeSocialLogin"),
          Map.entry("MeController.me", "getMe"),
          Map.entry("MeController.link", "linkCredential"),
          Map.entry("MeController.confirmLink", "confirmCredentialLink"),
          Map.entry("MeController.resendLinkCode", "resendCredentialLinkCode"),
          Map.entry("MeController.walletChallenge", "createWalletLinkChallenge"),
          Map.entry("MeController.unlink", "unlinkCredential"),
          Map.entry("MeController.signOut", "endOwnSession"),
          Map.entry("MfaController.startTotp", "startTotpEnrolment"),
          Map.entry("MfaController.confirmTotp", "confirmTotpDevice"),
          Map.entry("MfaController.regenerate", "regenerateRecoveryCodes"),
          Map.entry("MfaController.chooseDefault", "setDefaultMfaDevice"),
          Map.entry("DemoWalletController.export", "exportWallet"),
          Map.entry("DemoWalletController.sign", "signWithWallet"),
          Map.entry("DemoWalletController.refresh", "refreshWallet"),
          Map.entry("DemoWalletController.reshare", "reshareWallet"),
          Map.entry("PromptsController.createForUser", "createPromptForUser"),
          Map.entry("PromptsController.createForSession", "createPrompt"),
          Map.entry("PromptsController.exchange", "exchangePromptResultCode"),
          Map.entry("TokenExchangeController.exchange", "exchangeToken"),
          Map.entry("AssertionTokensController.issue", "issueElevatedTokenByAssertion"),
          Map.entry("WebhooksApiController.deliveries", "listWebhookDeliveries"));

  private OperationIds() {}

  /**
   * The operation's id; a handler not listed yet is named by its method and its controller's noun
   * ({@code PromptsController.create} becomes {@code createPrompts}), which stays unique.
   */
  static String of(HandlerMethod handler) {
    String controller = handler.getBeanType().getSimpleName();
    String method = handler.getMethod().getName();
    String known = IDS.get(controller + "." + method);
    if (known != null) {
      return known;
    }
    String noun = controller.replaceFirst("Controller$", "");
    return method
            .toLowerCase(java.util.Locale.ROOT)
            .endsWith(noun.toLowerCase(java.util.Locale.ROOT))
        ? method
        : method + noun;
  }
}
