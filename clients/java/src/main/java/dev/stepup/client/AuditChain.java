package dev.stepup.client;

import java.util.Map;
import java.util.Optional;

/**
 * The server's verdict on the environment's audit chain.
 *
 * @param checked sealed records checked, from {@code firstPosition} (earlier ones were purged)
 * @param unsealed records written in the last moments, not yet sealed
 * @param firstBreak where the chain breaks, when it is not intact
 */
public record AuditChain(
    boolean intact,
    long checked,
    long firstPosition,
    long headPosition,
    String headHash,
    long unsealed,
    Optional<Break> firstBreak) {

  /** A record changed ({@code altered}), out of line ({@code unlinked}) or the end missing. */
  public record Break(long recordId, long position, String kind) {}

  static AuditChain of(Map<String, Object> json) {
    Optional<Break> broken =
        json.get("break") instanceof Map<?, ?> b
            ? Optional.of(
                new Break(
                    ((Number) b.get("recordId")).longValue(),
                    ((Number) b.get("position")).longValue(),
                    String.valueOf(b.get("kind"))))
            : Optional.empty();
    return new AuditChain(
        Json.bool(json, "intact"),
        Json.number(json, "checked").orElse(0L),
        Json.number(json, "firstPosition").orElse(0L),
        Json.number(json, "headPosition").orElse(0L),
        Json.string(json, "headHash"),
        Json.number(json, "unsealed").orElse(0L),
        broken);
  }
}
