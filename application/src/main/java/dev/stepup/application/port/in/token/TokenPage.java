package dev.stepup.application.port.in.token;

import java.util.List;

/** One page of token summaries and how many match in all. */
public record TokenPage(List<TokenSummary> tokens, long total, int page, int pageSize) {
  public TokenPage {
    tokens = List.copyOf(tokens);
  }

  public int pageCount() {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }
}
