package dev.stepup.application.port.in.delivery;

import dev.stepup.domain.delivery.DeliveryChannel;

/** How delivery is going on a channel: its backlog and whether it is degraded. */
public interface CheckDeliveryHealthUseCase {

  ChannelHealth health(DeliveryChannel channel);
}
