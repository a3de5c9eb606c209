package dev.stepup.client;

/**
 * The session an external provider's JWT was exchanged for, whose user it is, and whether that user
 * was created by this exchange.
 */
public record ExchangedSession(String userId, boolean userCreated, Session session) {}
