package dev.stepup.application.port.in.externalauth;

/**
 * A host backend or client exchanges the trusted provider's JWT for a session; the provider's
 * subject becomes a user on first sight.
 */
public interface ExchangeTokenUseCase {

  ExchangedSession exchange(ExchangeTokenCommand command);
}
