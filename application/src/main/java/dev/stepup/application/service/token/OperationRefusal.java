package dev.stepup.application.service.token;

import dev.stepup.application.port.in.RefusalReason;
import dev.stepup.application.port.in.RefusedException;
import dev.stepup.domain.operation.BindingMismatch;

/** How a token bound to another operation is refused and audited, the same for every gate. */
final class OperationRefusal {

  private OperationRefusal() {}

  /** The audit record's reason: {@code operation_mismatch:resource_differs} and so on. */
  static String auditReason(BindingMismatch mismatch) {
    return RefusalReason.OPERATION_MISMATCH.refusal().code() + ":" + mismatch.wire();
  }

  static RefusedException refusal(BindingMismatch mismatch) {
    return new RefusedException(RefusalReason.OPERATION_MISMATCH).about(mismatch.wire());
  }
}
