package dev.stepup.application.port.in.token;

import dev.stepup.application.port.in.stepup.SessionContext;
import dev.stepup.domain.operation.Operation;
import dev.stepup.domain.scope.Scope;
import java.util.Optional;

/**
 * The gate in front of every protected action: it lets the action proceed only with a valid
 * elevated token of the acting session's user for the scope, and consumes a single-use token
 * atomically (of concurrent uses exactly one passes). When step-up is not required for the scope
 * (step-up off, or the scope not protected) the action proceeds without a token.
 */
public interface AuthorizeProtectedActionUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException {@code step_up_required} without a
   *     token, or {@code token_consumed} / {@code token_expired} / {@code token_revoked} / {@code
   *     invalid_token}
   */
  default void authorize(SessionContext context, Scope scope, Optional<String> elevatedToken) {
    authorize(context, scope, elevatedToken, Operation.unnamed());
  }

  /**
   * As above, for an action that names the operation it is about to perform: a token bound to
   * another operation is refused ({@code operation_mismatch}) and not spent.
   */
  void authorize(
      SessionContext context, Scope scope, Optional<String> elevatedToken, Operation operation);
}
