package dev.stepup.application.port.out.verification;

import dev.stepup.domain.environment.EnvironmentId;
import dev.stepup.domain.otp.SignInCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One-time sign-in codes sent before any session exists, keyed by the email address. */
public interface SignInCodes {

  void add(SignInCode code);

  /** The address's most recently sent sign-in code; earlier ones no longer count. */
  Optional<SignInCode> latestFor(EnvironmentId environmentId, String email);

  /** When sign-in codes were sent to the address at or after {@code since}, oldest first. */
  List<Instant> sentSince(EnvironmentId environmentId, String email, Instant since);

  /** Counts one wrong entry, only while the code is unused and below the attempt limit. */
  boolean recordWrongEntry(String codeId);

  /** Marks the code used, only if unused and below the attempt limit; exactly one caller wins. */
  boolean markUsed(String codeId, Instant at);

  /** Forgets codes that expired before {@code before}; answers how many. */
  int deleteExpired(Instant before);
}
