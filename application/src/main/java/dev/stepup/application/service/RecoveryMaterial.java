package dev.stepup.application.service;

import dev.stepup.domain.user.UserId;

/** What is hashed for a recovery code: bound to its user, so equal codes of two users differ. */
final class RecoveryMaterial {

  private RecoveryMaterial() {}

  static String of(UserId userId, String normalizedCode) {
    return "recovery:" + userId.value() + ":" + normalizedCode;
  }
}
