package dev.stepup.adapter.in.console;

import dev.stepup.domain.operation.OperationBinding;
import java.util.ArrayList;
import java.util.List;

/** An operation binding in a few words for a table cell: resource, shortened digest, cap. */
final class BoundOperationWords {

  private BoundOperationWords() {}

  static String of(OperationBinding binding) {
    List<String> parts = new ArrayList<>();
    binding.resource().ifPresent(parts::add);
    binding.digest().ifPresent(d -> parts.add("SHA-256 " + d.shortened()));
    binding.amountCap().ifPresent(cap -> parts.add("at most " + cap.display()));
    return String.join(" · ", parts);
  }
}
