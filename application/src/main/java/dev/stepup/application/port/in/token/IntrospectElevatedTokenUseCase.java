package dev.stepup.application.port.in.token;

/** Tells a host backend whether a token is good, and consumes a single-use one on request. */
public interface IntrospectElevatedTokenUseCase {

  Introspection introspect(IntrospectCommand command);
}
