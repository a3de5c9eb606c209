package dev.stepup.application.port.in.externalauth;

import dev.stepup.application.port.in.user.StartedSession;
import dev.stepup.domain.user.UserId;

/** The session an exchanged token became, whose user it is, and whether that user is new. */
public record ExchangedSession(UserId userId, boolean userCreated, StartedSession session) {}
