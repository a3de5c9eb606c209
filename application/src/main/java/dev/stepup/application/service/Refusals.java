package dev.stepup.application.service;

import dev.stepup.application.port.in.Refusal;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.policy.VerificationPermission;

/** Turns the policy's refusals into the errors the API reports, with messages for users. */
final class Refusals {

  private Refusals() {}

  /** Throws when the permission is a refusal. */
  static void require(VerificationPermission permission) {
    if (permission instanceof VerificationPermission.Refused refused) {
      throw of(refused.reason());
    }
  }

  static RefusedException of(VerificationPermission.Reason reason) {
    return switch (reason) {
      case METHOD_DISABLED ->
          new RefusedException(
              Refusal.METHOD_DISABLED, "This verification method is turned off here.");
      case MFA_REQUIRED ->
          new RefusedException(
              Refusal.MFA_REQUIRED,
              "This account has multi-factor authentication: verify with your passkey,"
                  + " authenticator app or a recovery code.");
      case NO_ELIGIBLE_CREDENTIAL ->
          new RefusedException(
              Refusal.NO_ELIGIBLE_CREDENTIAL,
              "There is nothing on this account that this method can verify.");
      case EMBEDDED_WALLET_NOT_SUPPORTED ->
          new RefusedException(
              Refusal.EMBEDDED_WALLET_NOT_SUPPORTED,
              "An embedded wallet cannot prove who you are; use another method.");
      case CREDENTIAL_NOT_ELIGIBLE ->
          new RefusedException(
              Refusal.CREDENTIAL_NOT_ELIGIBLE, "This credential cannot be used to verify.");
    };
  }
}
