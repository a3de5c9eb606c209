package dev.stepup.adapter.in.web.hosted;

import dev.stepup.application.port.in.credential.PendingLink;
import dev.stepup.application.port.in.stepup.SessionContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

/**
 * The address or number the account page waits to link, kept on the server (the HTTP session)
 * between sending its code and the user entering it; tied to the hosted session that asked, so a
 * different sign-in in the same browser never inherits it. The code itself is never kept here.
 */
final class HostedLinkProofs {

  private static final String PROOF = "stepup.hosted.account.proof";

  private HostedLinkProofs() {}

  /** An address or number waiting in this browser for the code sent to it. */
  record Proof(
      String environmentId,
      String sessionId,
      String pendingId,
      String format,
      String sentTo,
      Instant createdAt)
      implements Serializable {
    @Override
    public String toString() {
      return "Proof[pendingId=" + pendingId + "]";
    }
  }

  /** Remembers a code just sent for this session; answers what the page shows. */
  static Proof keep(
      HttpServletRequest request, SessionContext context, PendingLink pending, Instant now) {
    Proof proof =
        new Proof(
            context.environmentId().value(),
            context.sessionId().value(),
            pending.pendingId(),
            pending.format().wire(),
            pending.alias(),
            now);
    request.getSession(true).setAttribute(PROOF, proof);
    return proof;
  }

  /** The proof this session waits for, if any. */
  static Optional<Proof> find(HttpServletRequest request, SessionContext context) {
    HttpSession http = request.getSession(false);
    if (http == null || !(http.getAttribute(PROOF) instanceof Proof proof)) {
      return Optional.empty();
    }
    return Optional.of(proof)
        .filter(p -> p.environmentId().equals(context.environmentId().value()))
        .filter(p -> p.sessionId().equals(context.sessionId().value()));
  }

  static void drop(HttpServletRequest request) {
    HttpSession http = request.getSession(false);
    if (http != null) {
      http.removeAttribute(PROOF);
    }
  }
}
