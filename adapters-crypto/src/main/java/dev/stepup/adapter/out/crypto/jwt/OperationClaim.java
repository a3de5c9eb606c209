package dev.stepup.adapter.out.crypto.jwt;

import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An operation binding as the one entry of an RFC 9396 {@code authorization_details} claim, so a
 * host backend that verifies a token offline sees what it may be spent on: {@code {"type":
 * "stepup_operation", "identifier": "wal_…", "sha256": "<hex>", "max_amount": {"amount": "100",
 * "currency": "ETH"}}}, each part only when bound.
 */
final class OperationClaim {

  static final String NAME = "authorization_details";
  static final String TYPE = "stepup_operation";

  private OperationClaim() {}

  static List<Map<String, Object>> of(OperationBinding binding) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("type", TYPE);
    binding.resource().ifPresent(r -> entry.put("identifier", r));
    binding.digest().ifPresent(d -> entry.put("sha256", d.hex()));
    binding
        .amountCap()
        .ifPresent(
            cap -> {
              Map<String, Object> amount = new LinkedHashMap<>();
              amount.put("amount", cap.value().toPlainString());
              amount.put("currency", cap.asset());
              entry.put("max_amount", amount);
            });
    return List.of(entry);
  }

  /** The binding in a verified token's claim; a claim this server did not write reads as none. */
  static Optional<OperationBinding> read(Object claim) {
    if (!(claim instanceof List<?> entries) || entries.size() != 1) {
      return Optional.empty();
    }
    if (!(entries.get(0) instanceof Map<?, ?> entry) || !TYPE.equals(entry.get("type"))) {
      return Optional.empty();
    }
    Optional<Amount> cap = Optional.empty();
    if (entry.get("max_amount") instanceof Map<?, ?> amount) {
      cap =
          Optional.of(Amount.parse((String) amount.get("amount"), (String) amount.get("currency")));
    }
    return Optional.of(
        new OperationBinding(
            Optional.ofNullable((String) entry.get("identifier")),
            Optional.ofNullable((String) entry.get("sha256")).map(OperationDigest::new),
            cap));
  }
}
