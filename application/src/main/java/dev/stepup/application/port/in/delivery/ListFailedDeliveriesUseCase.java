package dev.stepup.application.port.in.delivery;

import dev.stepup.domain.environment.EnvironmentId;
import java.util.List;

/** Messages that failed and are waiting for a retry or were given up on, newest first, masked. */
public interface ListFailedDeliveriesUseCase {

  List<FailedDelivery> failed(EnvironmentId environmentId, int limit);
}
