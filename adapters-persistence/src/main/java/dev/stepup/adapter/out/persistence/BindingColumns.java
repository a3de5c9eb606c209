package dev.stepup.adapter.out.persistence;

import dev.stepup.domain.operation.Amount;
import dev.stepup.domain.operation.OperationBinding;
import dev.stepup.domain.operation.OperationDigest;
import dev.stepup.domain.token.ElevatedToken;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The four nullable columns of an elevated token's operation binding (V29). */
final class BindingColumns {

  static final String NAMES = "bound_resource, bound_digest, bound_amount_cap, bound_asset";

  private BindingColumns() {}

  /** The column values, in {@link #NAMES} order; all null for an unbound token. */
  static Object[] values(ElevatedToken token) {
    Optional<OperationBinding> binding = token.binding();
    Optional<Amount> cap = binding.flatMap(OperationBinding::amountCap);
    return new Object[] {
      binding.flatMap(OperationBinding::resource).orElse(null),
      binding.flatMap(OperationBinding::digest).map(OperationDigest::hex).orElse(null),
      cap.map(a -> a.value().toPlainString()).orElse(null),
      cap.map(Amount::asset).orElse(null)
    };
  }

  /** The binding a token's row carries, if any. */
  static Optional<OperationBinding> binding(ResultSet rs) throws SQLException {
    Optional<String> resource = Columns.optionalString(rs, "bound_resource");
    Optional<OperationDigest> digest =
        Columns.optionalString(rs, "bound_digest").map(OperationDigest::new);
    Optional<String> cap = Columns.optionalString(rs, "bound_amount_cap");
    Optional<Amount> amountCap =
        cap.isPresent()
            ? Optional.of(Amount.parse(cap.get(), rs.getString("bound_asset")))
            : Optional.empty();
    if (resource.isEmpty() && digest.isEmpty() && amountCap.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new OperationBinding(resource, digest, amountCap));
  }
}
