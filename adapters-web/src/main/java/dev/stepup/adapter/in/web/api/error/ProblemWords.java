package dev.stepup.adapter.in.web.api.error;

import dev.stepup.application.port.in.RefusedException;
import java.time.Duration;

/**
 * The API's words for a refusal: the {@code detail} of its problem+json and the description of its
 * {@code WWW-Authenticate} challenge. Host applications often show them to the end user as they
 * are, so they speak to that user.
 */
public final class ProblemWords {

  private ProblemWords() {}

  public static String detail(RefusedException e) {
    String subject = e.subject().orElse("");
    return switch (e.reason()) {
      case INVALID_CODE -> wrongCode(e);
      case INVALID_TOTP_CODE ->
          "That code is not right. Check the time on your device and try the current code.";
      case INVALID_ENROLMENT_CODE ->
          "That code is not right. Enter the code your authenticator app shows now.";
      case INVALID_RECOVERY_CODE -> "That recovery code is not valid or was already used.";
      case CODE_EXPIRED -> "This code has expired; ask for a new one.";
      case CODE_SPENT -> "This code no longer works; ask for a new one.";
      case CODE_EXHAUSTED -> "This code took too many wrong entries; ask for a new one.";
      case NO_PENDING_CODE -> "No code was sent to this session; ask for one.";
      case NO_SIGN_IN_CODE -> "No code was sent to this address; ask for one.";
      case NO_PENDING_PROOF -> "No code is waiting for this address in this session; add it again.";
      case RESEND_TOO_SOON ->
          "A code was sent moments ago. You can ask for another in " + seconds(e) + " seconds.";
      case SEND_LIMIT_REACHED ->
          "Too many codes were sent in the last hour. You can ask for another in "
              + Math.max(1, (seconds(e) + 59) / 60)
              + " minutes.";
      case METHOD_LOCKED -> {
        long minutes = Math.max(1, (seconds(e) + 59) / 60);
        yield "Too many failed attempts. Try again in "
            + minutes
            + plural(" minute", minutes)
            + ".";
      }
      case ACCOUNT_LOCKED -> {
        long hours = Math.max(1, (wait(e).toMinutes() + 59) / 60);
        yield "Too many failed attempts in a row: confirming actions on this account is blocked."
            + " Ask support to unlock it, or try again in "
            + hours
            + plural(" hour", hours)
            + ".";
      }
      case METHOD_DISABLED -> "This verification method is turned off here.";
      case SOCIAL_DISABLED -> "Social sign-in is turned off in this environment.";
      case MFA_REQUIRED ->
          "This account has multi-factor authentication: verify with your passkey,"
              + " authenticator app or a recovery code.";
      case NO_ELIGIBLE_CREDENTIAL ->
          "There is nothing on this account that this method can verify.";
      case NO_LINKED_SOCIAL_ACCOUNT -> "No " + subject + " account is linked to this user.";
      case NO_MFA_DEVICE ->
          "Recovery codes back up a passkey or authenticator app; enrol one first.";
      case EMBEDDED_WALLET_NOT_SUPPORTED ->
          "An embedded wallet cannot prove who you are; use another method.";
      case CREDENTIAL_NOT_ELIGIBLE -> "This credential cannot be used to verify.";
      case NOT_A_CODE_ADDRESS ->
          "Codes can only be sent to an email address or phone number of this account.";
      case NOT_AN_ACCOUNT_WALLET -> "That is not a wallet of this account.";
      case NOT_A_DEFAULT_DEVICE -> "Only a passkey or authenticator app can be the default.";
      case ADDRESS_CANNOT_RECEIVE -> "That address cannot receive a code here.";
      case UNKNOWN_WALLET_CHALLENGE ->
          "No such wallet challenge for this session; ask for a new one.";
      case LINK_CHALLENGE_FOR_STEP_UP ->
          "This challenge links a wallet; it cannot verify a step-up.";
      case UNKNOWN_LINK_CHALLENGE ->
          "No such wallet link challenge for this session; ask for a new one.";
      case CHALLENGE_USED -> "This challenge was already used; ask for a new one.";
      case CHALLENGE_EXPIRED -> "This challenge has expired; ask for a new one.";
      case LINK_CHALLENGE_SPENT -> "This challenge has expired or was used; ask for a new one.";
      case LINK_CHALLENGE_USED -> "This challenge was already used.";
      case INVALID_SIGNATURE -> "The signature is not from " + subject + " over this message.";
      case PASSKEY_REJECTED -> "The passkey could not be verified; try again.";
      case PASSKEY_COUNTER_REGRESSED ->
          "This passkey's signature counter went backwards, a sign it may have been copied."
              + " Use another method and remove this passkey.";
      case PASSKEY_ALREADY_REGISTERED -> "This passkey is already registered.";
      case UNKNOWN_PASSKEY_PROMPT -> "No such passkey prompt for this session; start again.";
      case PASSKEY_PROMPT_EXPIRED -> "The passkey prompt has expired; start again.";
      case REDIRECT_URI_NOT_ALLOWED ->
          "redirectUri is not allowed for this environment; an admin can add it in the console.";
      case RETURN_PAGE_NOT_ALLOWED ->
          "The page this sign-in was to return to is no longer allowed for this environment.";
      case UNKNOWN_SOCIAL_LOGIN -> "This sign-in is unknown or was already finished; start again.";
      case SOCIAL_LOGIN_FROM_ANOTHER_SESSION ->
          "That sign-in was started in another browser session; start again here.";
      case SOCIAL_LOGIN_EXPIRED -> "This sign-in expired or was already used; start again.";
      case ACCOUNT_NOT_LINKED ->
          "That account is not the one linked to this user; sign in with the linked account.";
      case SOCIAL_LOGIN_CANCELLED ->
          "The sign-in at the provider was cancelled or refused; try again.";
      case NO_AUTHORIZATION_CODE -> "The provider sent no authorization code.";
      case PROVIDER_NOT_CONFIGURED -> "This provider is no longer configured.";
      case SIGN_IN_NOT_PROVED -> "The provider's answer did not prove a sign-in (" + subject + ").";
      case BAD_PROVIDER_SUBJECT -> "The provider's subject is empty or too long.";
      case PROVIDER_UNAVAILABLE ->
          (subject.isEmpty() ? "The provider" : subject)
              + " could not be reached; try again later.";
      case NO_SOCIAL_LOGIN_TO_LINK ->
          "No completed sign-in to link for this session; sign in with the provider again.";
      case SOCIAL_LOGIN_ALREADY_LINKED -> "This sign-in was already linked.";
      case SOCIAL_ACCOUNT_IN_USE -> "This account is already linked to a user.";
      case CONTACT_IN_USE -> "This " + subject + " is already linked to a user.";
      case SIGN_UP_CONTACT_IN_USE -> "Another user of this environment already has the " + subject;
      case WALLET_IN_USE -> "This wallet is already linked to an account.";
      case EMBEDDED_WALLET_HOLDS_FUNDS -> "The embedded wallet holds funds; it cannot be unlinked.";
      case LAST_CREDENTIAL -> "This is the account's only credential; link another first.";
      case ALREADY_CONFIRMED -> "This device is already confirmed.";
      case ENROLMENT_EXPIRED -> "This enrolment has expired; start again to get a new QR code.";
      case SESSION_ENDED -> "The session has ended; sign in again.";
      case STEP_UP_REQUIRED ->
          "This action needs step-up verification for " + e.scope().orElse("it") + ".";
      case TOKEN_NOT_VALID_HERE -> "The elevated access token is not valid here.";
      case TOKEN_OF_ANOTHER_USER -> "This elevated access token was issued to someone else.";
      case TOKEN_CONSUMED -> "This elevated access token was already used; step up again.";
      case TOKEN_EXPIRED -> "This elevated access token has expired; step up again.";
      case TOKEN_REVOKED -> "This elevated access token was revoked; step up again.";
      case RETURN_TO_NOT_ALLOWED ->
          "returnTo is not allowed for this environment; an admin can add it to the redirect"
              + " list in the console.";
      case ORIGIN_NOT_ALLOWED ->
          "The origin "
              + subject
              + " is not allowed for this environment; an admin can add it to the browser"
              + " origins in the console.";
      case UNKNOWN_LAUNCH_TICKET -> "This step-up link is not valid; start again from the app.";
      case LAUNCH_TICKET_EXPIRED ->
          "This step-up link has expired (it works for two minutes); start again from the app.";
      case LAUNCH_TICKET_USED -> "This step-up link was already used; start again from the app.";
      case UNKNOWN_PROMPT ->
          "This step-up request is not open in this browser; start again from the app.";
      case PROMPT_FINISHED -> "This step-up request is already finished.";
      case PROMPT_EXPIRED -> "This step-up request has expired; start again from the app.";
      case UNKNOWN_RESULT_CODE -> "This result code is not valid here.";
      case RESULT_CODE_EXPIRED -> "This result code has expired (it works for 60 seconds).";
      case RESULT_CODE_USED -> "This result code was already exchanged.";
      case EXTERNAL_IDP_NOT_CONFIGURED ->
          "This environment trusts no external identity provider; an admin can set one in the"
              + " console.";
      case UNSUPPORTED_SUBJECT_TOKEN_TYPE ->
          "subject_token_type must be urn:ietf:params:oauth:token-type:jwt.";
      case SUBJECT_TOKEN_MALFORMED -> "The subject token is not a signed JWT.";
      case SUBJECT_TOKEN_ALGORITHM ->
          "The subject token's algorithm is not allowed (asymmetric signatures only).";
      case SUBJECT_TOKEN_UNKNOWN_KEY ->
          "The subject token is signed with a key the identity provider does not publish.";
      case SUBJECT_TOKEN_SIGNATURE -> "The subject token's signature is not valid.";
      case SUBJECT_TOKEN_NO_EXPIRY -> "The subject token has no expiry (exp).";
      case SUBJECT_TOKEN_NOT_YET_VALID -> "The subject token is not valid yet (nbf).";
      case SUBJECT_TOKEN_BAD_SUBJECT -> "The subject token's sub is empty or too long.";
      case SUBJECT_TOKEN_EXPIRED -> "The subject token has expired; get a new one.";
      case SUBJECT_TOKEN_WRONG_ISSUER ->
          "The subject token was not issued by this environment's identity provider.";
      case SUBJECT_TOKEN_WRONG_AUDIENCE ->
          "The subject token was issued for another audience (aud).";
      case ASSERTION_MALFORMED -> "The client assertion is not a signed JWT.";
      case ASSERTION_UNKNOWN_CLIENT -> "No backend client of this environment has that id.";
      case ASSERTION_ALGORITHM ->
          "The client assertion's algorithm is not allowed (asymmetric signatures only).";
      case ASSERTION_SIGNATURE ->
          "The client assertion is not signed by a key registered for this client.";
      case ASSERTION_WRONG_CLIENT ->
          "The client assertion's iss and sub must both be the client id.";
      case ASSERTION_WRONG_AUDIENCE -> "The client assertion was made for another audience (aud).";
      case ASSERTION_EXPIRED -> "The client assertion has expired or has no exp.";
      case ASSERTION_LIVES_TOO_LONG ->
          "The client assertion's exp is more than five minutes ahead.";
      case ASSERTION_NOT_YET_VALID -> "The client assertion is not valid yet (nbf).";
      case ASSERTION_NO_JTI -> "The client assertion needs a jti (at most 200 characters).";
      case ASSERTION_BAD_CLAIMS ->
          "The client assertion must carry user_id and scopes (" + subject + ").";
      case ASSERTION_REPLAYED -> "This client assertion (its jti) was already used.";
      case EXTERNAL_AUTH_THROTTLED -> {
        long minutes = Math.max(1, (seconds(e) + 59) / 60);
        yield "Too many refused tokens from this address. Try again in "
            + minutes
            + plural(" minute", minutes)
            + ".";
      }
      case LEGACY_API_RETIRED ->
          "Action-based MFA was retired for this environment (minimum API version 2026_04_01):"
              + " ask whether step-up is required with POST /step-up/check and a scope, verify with"
              + " requestedScopes instead of createMfaToken, and send the scoped elevated token in"
              + " X-Elevated-Access-Token.";
      case OPERATION_MISMATCH ->
          "This elevated access token is bound to another operation ("
              + subject
              + "); it was not spent. Step up for this operation.";
      case SCOPE_REQUIRED_TO_SPEND ->
          "This token has several single-use scopes, each spent on its own: name the scope to"
              + " spend in `scope`.";
    };
  }

  private static String wrongCode(RefusedException e) {
    int left = e.attemptsLeft().orElse(0);
    return left > 0
        ? "That code is not right. " + left + plural(" attempt", left) + " left."
        : "That code is not right, and this code no longer works; ask for a new one.";
  }

  private static Duration wait(RefusedException e) {
    return e.retryAfter().orElse(Duration.ZERO);
  }

  private static long seconds(RefusedException e) {
    return Math.max(1, wait(e).toSeconds());
  }

  private static String plural(String noun, long count) {
    return count == 1 ? noun : noun + "s";
  }
}
