package dev.stepup.application.port.in.audit;

import dev.stepup.domain.audit.ChainVerifier;
import dev.stepup.domain.audit.SealedRecord;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.Optional;
import java.util.function.Consumer;

/** Checks an environment's audit chain (or the server-wide one) and exports it. */
public interface VerifyAuditChainUseCase {

  /** The chain's verdict and how many records still wait to be sealed. */
  record ChainReport(ChainVerifier.Verdict verdict, long unsealed) {}

  ChainReport verify(Optional<EnvironmentId> environment);

  /** Hands every sealed record of the chain, in chain order, to {@code sink}. */
  void export(Optional<EnvironmentId> environment, Consumer<SealedRecord> sink);
}
