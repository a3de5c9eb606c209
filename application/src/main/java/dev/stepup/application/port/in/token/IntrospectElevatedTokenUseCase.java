package dev.stepup.application.port.in.token;

/**
 * Tells a host backend whether a token is good, and on request spends one of its single-use scopes
 * (single use per scope: the others stay usable).
 */
public interface IntrospectElevatedTokenUseCase {

  /**
   * @throws dev.stepup.application.port.in.RefusedException {@code scope_required} when a consuming
   *     call names no scope and the token has several single-use scopes to choose from
   */
  Introspection introspect(IntrospectCommand command);
}
