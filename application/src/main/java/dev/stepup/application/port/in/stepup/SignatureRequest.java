package dev.stepup.application.port.in.stepup;

import dev.stepup.domain.credential.CredentialId;

/** A message for a wallet to sign with {@code personal_sign}, and for which wallet. */
public record SignatureRequest(
    String challengeId, CredentialId walletId, String address, String message) {}
