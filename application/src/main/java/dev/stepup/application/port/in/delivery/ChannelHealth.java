package dev.stepup.application.port.in.delivery;

import dev.stepup.domain.delivery.DeliveryBacklog;

/** A delivery channel's backlog and whether it is degraded. */
public record ChannelHealth(DeliveryBacklog backlog, boolean degraded) {}
