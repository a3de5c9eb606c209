package dev.stepup.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a token's operation binding from its {@code authorization_details} claim and checks an
 * operation against it offline, as the server does: the same resource, the same digest, an amount
 * of the cap's asset no larger than the cap.
 */
final class BindingCheck {

  private BindingCheck() {}

  static Optional<OperationBinding> read(Object claim) {
    if (!(claim instanceof List<?> entries)) {
      return Optional.empty();
    }
    for (Object e : entries) {
      if (e instanceof Map<?, ?> entry && "stepup_operation".equals(entry.get("type"))) {
        Map<?, ?> cap = entry.get("max_amount") instanceof Map<?, ?> m ? m : Map.of();
        return Optional.of(
            new OperationBinding(
                (String) entry.get("identifier"),
                (String) entry.get("sha256"),
                (String) cap.get("amount"),
                (String) cap.get("currency")));
      }
    }
    return Optional.empty();
  }

  /** Why {@code operation} (null: none named) is not the bound one, or empty when it is. */
  static Optional<String> mismatch(OperationBinding binding, Operation operation) {
    if (operation == null) {
      return Optional.of("operation_not_named");
    }
    Operation op = operation;
    if (binding.resource() != null && !binding.resource().equals(op.resource())) {
      return Optional.of("resource_differs");
    }
    if (binding.digest() != null
        && (op.digest() == null
            || !binding.digest().equals(op.digest().toLowerCase(Locale.ROOT)))) {
      return Optional.of("digest_differs");
    }
    if (binding.maxAmount() != null
        && (op.amount() == null
            || !Objects.equals(binding.asset(), op.asset())
            || new BigDecimal(op.amount()).compareTo(new BigDecimal(binding.maxAmount())) > 0)) {
      return Optional.of("amount_over_cap");
    }
    return Optional.empty();
  }
}
