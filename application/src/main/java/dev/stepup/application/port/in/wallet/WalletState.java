package dev.stepup.application.port.in.wallet;

import dev.stepup.domain.credential.CredentialId;
import java.time.Instant;

/** The demo wallet after a key operation. */
public record WalletState(CredentialId walletId, String address, Instant keyUpdatedAt) {}
