package dev.stepup.application.service.audit;

import dev.stepup.application.port.in.audit.VerifyAuditChainUseCase;
import dev.stepup.application.port.out.audit.AuditSeals;
import dev.stepup.domain.audit.ChainVerifier;
import dev.stepup.domain.audit.SealedRecord;
import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads a chain page by page, checking every link (the domain's {@link ChainVerifier}). */
public final class VerifyAuditChainService implements VerifyAuditChainUseCase {

  private static final int PAGE = 1000;

  private final AuditSeals seals;

  public VerifyAuditChainService(AuditSeals seals) {
    this.seals = seals;
  }

  @Override
  public ChainReport verify(Optional<EnvironmentId> environment) {
    String chain = chainOf(environment);
    // The head first: records sealed after it are beyond what this check covers.
    AuditSeals.Head head = seals.head(chain);
    ChainVerifier verifier = new ChainVerifier();
    walk(chain, head.seq(), verifier::accept);
    return new ChainReport(verifier.verdict(head.seq(), head.hash()), seals.unsealedCount(chain));
  }

  @Override
  public void export(Optional<EnvironmentId> environment, Consumer<SealedRecord> sink) {
    String chain = chainOf(environment);
    walk(
        chain,
        seals.head(chain).seq(),
        record -> {
          sink.accept(record);
          return true;
        });
  }

  private interface Step {
    boolean next(SealedRecord record);
  }

  private void walk(String chain, long upTo, Step step) {
    long after = 0;
    while (true) {
      List<SealedRecord> page = seals.sealedAfter(chain, after, PAGE);
      for (SealedRecord record : page) {
        if (record.seq() > upTo || !step.next(record)) {
          return;
        }
        after = record.seq();
      }
      if (page.size() < PAGE) {
        return;
      }
    }
  }

  static String chainOf(Optional<EnvironmentId> environment) {
    return environment.map(EnvironmentId::value).orElse("");
  }
}
