package dev.stepup.application.port.in.admin;

import java.time.Instant;

/** A console admin as the console lists them. */
public record AdminSummary(String username, Instant createdAt, boolean secondFactorEnrolled) {}
