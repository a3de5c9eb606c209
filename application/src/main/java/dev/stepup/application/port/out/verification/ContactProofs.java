package dev.stepup.application.port.out.verification;

import dev.stepup.domain.otp.ContactProof;
import dev.stepup.domain.session.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Addresses and numbers waiting for the code that proves them before they are linked. */
public interface ContactProofs {

  void add(ContactProof proof);

  Optional<ContactProof> find(String proofId);

  /** The session's most recently sent proof code; earlier ones no longer count. */
  Optional<ContactProof> latestForSession(SessionId sessionId);

  /** When proof codes were sent to the session at or after {@code since}, oldest first. */
  List<Instant> sentSince(SessionId sessionId, Instant since);

  /** Counts one wrong entry, only while the code is unused and below the attempt limit. */
  boolean recordWrongEntry(String proofId);

  /** Marks the code used, only if unused and below the attempt limit; exactly one caller wins. */
  boolean markUsed(String proofId, Instant at);

  /** Forgets proofs that expired before {@code before}; answers how many. */
  int deleteExpired(Instant before);
}
