package dev.stepup.adapter.in.web.hosted;

import jakarta.validation.constraints.Size;

/** A wallet's signature of the challenge the page showed it (step-up or linking). */
record WalletSignatureForm(
    String challengeId,
    @Size(max = 320, message = "Use at most 320 characters.") String signature) {

  WalletSignatureForm {
    challengeId = challengeId == null ? "" : challengeId;
    signature = signature == null ? "" : signature.strip();
  }

  @Override
  public String toString() {
    return "WalletSignatureForm[challengeId=" + challengeId + "]";
  }
}
