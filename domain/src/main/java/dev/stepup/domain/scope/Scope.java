package dev.stepup.domain.scope;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A sensitive action a user must step up for, with the wire string clients send. */
public enum Scope {
  WALLET_EXPORT("wallet:export", "export your wallet's private key"),
  WALLET_SIGN("wallet:sign", "sign with your wallet"),
  WALLET_REFRESH("wallet:refresh", "refresh your wallet's key"),
  WALLET_RESHARE("wallet:reshare", "reshare your wallet's key"),
  CREDENTIAL_LINK("credential:link", "add a way to sign in or verify"),
  CREDENTIAL_UNLINK("credential:unlink", "remove a way to sign in or verify");

  private final String wire;
  private final String action;

  Scope(String wire, String action) {
    this.wire = wire;
    this.action = action;
  }

  /**
   * The protected action in words a user reads after "to", e.g. {@code export your wallet's private
   * key}: pages and signed messages name what the user is confirming.
   */
  public String action() {
    return action;
  }

  /** The string clients send and tokens carry, e.g. {@code wallet:export}. */
  public String wire() {
    return wire;
  }

  /** The scope named by {@code wire}, if it is one of the known scopes. */
  public static Optional<Scope> fromWire(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
  }

  /**
   * The scope named by {@code wire}.
   *
   * @throws UnknownScopeException when no scope has that name
   */
  public static Scope parse(String wire) {
    return fromWire(wire).orElseThrow(() -> new UnknownScopeException(wire));
  }

  /** Every scope named in {@code wires}; at least one must be given. */
  public static Set<Scope> parseAll(Collection<String> wires) {
    Objects.requireNonNull(wires, "wires");
    if (wires.isEmpty()) {
      throw new IllegalArgumentException("at least one scope must be requested");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String wire : wires) {
      scopes.add(parse(wire));
    }
    return scopes;
  }

  /** The space-separated form used in token claims (RFC 8693 {@code scope}). */
  public static String joinWire(Collection<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(" "));
  }

  @Override
  public String toString() {
    return wire;
  }
}
