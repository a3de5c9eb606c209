package dev.stepup.domain.scope;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A sensitive action a user must step up for, with the wire string clients send. The product has
 * six built-in scopes; an environment's admins may add their own ("host scopes", e.g. {@code
 * payments:send}). Two scopes are equal when their wire names are: a host scope read from a request
 * or a token equals the one the environment defines. Whether a scope is known is a question for the
 * environment ({@code StepUpSettings}), not for this class, which only checks the name's form.
 */
public final class Scope implements Comparable<Scope>, Serializable {

  @Serial private static final long serialVersionUID = 1L;

  /**
   * A well-formed name: {@code namespace:action}, lowercase, each part at most 15/16 characters
   * (the API document publishes the pattern).
   */
  public static final String WIRE_PATTERN = "^[a-z][a-z0-9_-]{0,14}:[a-z][a-z0-9_-]{0,15}$";

  private static final Pattern WIRE = Pattern.compile(WIRE_PATTERN);

  /** Plain words a user reads: letters, digits, spaces and sentence punctuation, no markup. */
  private static final Pattern DESCRIPTION = Pattern.compile("^[\\p{L}\\p{N} '’.,;:()/-]+$");

  public static final int MAX_DESCRIPTION = 80;

  public static final Scope WALLET_EXPORT =
      new Scope("wallet:export", "export your wallet's private key", 0);
  public static final Scope WALLET_SIGN = new Scope("wallet:sign", "sign with your wallet", 1);
  public static final Scope WALLET_REFRESH =
      new Scope("wallet:refresh", "refresh your wallet's key", 2);
  public static final Scope WALLET_RESHARE =
      new Scope("wallet:reshare", "reshare your wallet's key", 3);
  public static final Scope CREDENTIAL_LINK =
      new Scope("credential:link", "add a way to sign in or verify", 4);
  public static final Scope CREDENTIAL_UNLINK =
      new Scope("credential:unlink", "remove a way to sign in or verify", 5);

  private static final List<Scope> BUILT_INS =
      List.of(
          WALLET_EXPORT,
          WALLET_SIGN,
          WALLET_REFRESH,
          WALLET_RESHARE,
          CREDENTIAL_LINK,
          CREDENTIAL_UNLINK);

  private static final String NOT_DESCRIBED = "continue with this protected action";

  private final String wire;
  private final String action;

  /** The built-in's position (declaration order); -1 for a host scope. */
  private final int order;

  private Scope(String wire, String action, int order) {
    this.wire = wire;
    this.action = action;
    this.order = order;
  }

  /** The six scopes the product defines, in declaration order. */
  public static List<Scope> builtIns() {
    return BUILT_INS;
  }

  public boolean isBuiltIn() {
    return order >= 0;
  }

  /**
   * A scope an environment's admin defines, with the words a user reads after "to".
   *
   * @throws InvalidScopeException when the name is malformed or in a built-in namespace, or the
   *     description is not plain words of at most {@value #MAX_DESCRIPTION} characters
   */
  public static Scope host(String wire, String description) {
    checkHostName(wire);
    String words = description == null ? "" : description.strip();
    if (words.length() < 3 || words.length() > MAX_DESCRIPTION) {
      throw new InvalidScopeException(
          "The description must be 3 to " + MAX_DESCRIPTION + " characters.");
    }
    if (!DESCRIPTION.matcher(words).matches()) {
      throw new InvalidScopeException(
          "The description must be plain words: letters, digits, spaces and . , ; : ( ) / - '");
    }
    return new Scope(wire, words, -1);
  }

  private static void checkHostName(String wire) {
    if (wire == null || !WIRE.matcher(wire).matches()) {
      throw new InvalidScopeException(
          "A scope name is namespace:action in lowercase letters, digits, _ or -, e.g."
              + " payments:send (at most 15 characters before the colon, 16 after).");
    }
    String namespace = wire.substring(0, wire.indexOf(':'));
    if (BUILT_INS.stream().anyMatch(b -> b.wire.startsWith(namespace + ":"))) {
      throw new InvalidScopeException(
          "The namespace '" + namespace + ":' belongs to the built-in scopes; choose another.");
    }
  }

  /**
   * The protected action in words a user reads after "to", e.g. {@code export your wallet's private
   * key}: pages and signed messages name what the user is confirming. A host scope read from a
   * request has neutral words; the environment's definition ({@code StepUpSettings.scope}) carries
   * the admin's.
   */
  public String action() {
    return action;
  }

  /** The string clients send and tokens carry, e.g. {@code wallet:export}. */
  public String wire() {
    return wire;
  }

  /**
   * The scope named by {@code wire}: a built-in, or a host scope when the name is well formed and
   * outside the built-in namespaces (whether this environment defines it is asked of its settings).
   */
  public static Optional<Scope> fromWire(String wire) {
    if (wire == null) {
      return Optional.empty();
    }
    for (Scope builtIn : BUILT_INS) {
      if (builtIn.wire.equals(wire)) {
        return Optional.of(builtIn);
      }
    }
    try {
      checkHostName(wire);
    } catch (InvalidScopeException e) {
      return Optional.empty();
    }
    return Optional.of(new Scope(wire, NOT_DESCRIBED, -1));
  }

  /**
   * The scope named by {@code wire}.
   *
   * @throws UnknownScopeException when no scope can have that name
   */
  public static Scope parse(String wire) {
    return fromWire(wire).orElseThrow(() -> new UnknownScopeException(wire));
  }

  /** {@code first} and {@code more}, in scope order. */
  public static Set<Scope> setOf(Scope first, Scope... more) {
    Set<Scope> scopes = new TreeSet<>();
    scopes.add(first);
    scopes.addAll(List.of(more));
    return scopes;
  }

  /** Every scope named in {@code wires}; at least one must be given. */
  public static Set<Scope> parseAll(Collection<String> wires) {
    Objects.requireNonNull(wires, "wires");
    if (wires.isEmpty()) {
      throw new IllegalArgumentException("at least one scope must be requested");
    }
    Set<Scope> scopes = new TreeSet<>();
    for (String wire : wires) {
      scopes.add(parse(wire));
    }
    return scopes;
  }

  /** The space-separated form used in token claims (RFC 8693 {@code scope}). */
  public static String joinWire(Collection<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::wire).collect(Collectors.joining(" "));
  }

  /** Built-ins first in declaration order, then host scopes by name. */
  @Override
  public int compareTo(Scope other) {
    if (isBuiltIn() && other.isBuiltIn()) {
      return Integer.compare(order, other.order);
    }
    if (isBuiltIn() != other.isBuiltIn()) {
      return isBuiltIn() ? -1 : 1;
    }
    return wire.compareTo(other.wire);
  }

  /** A built-in read back from a stored session is the constant again (as an enum was). */
  @Serial
  private Object readResolve() {
    for (Scope builtIn : BUILT_INS) {
      if (builtIn.wire.equals(wire)) {
        return builtIn;
      }
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scope other && wire.equals(other.wire);
  }

  @Override
  public int hashCode() {
    return wire.hashCode();
  }

  @Override
  public String toString() {
    return wire;
  }
}
