package dev.stepup.domain.environment;

import java.util.List;
import java.util.Objects;

/** A tenant with its own users, API keys and step-up settings. */
public final class Environment {

  private final EnvironmentId id;
  private String name;
  private StepUpSettings settings;
  private RedirectAllowList redirects;
  private BrowserOrigins browserOrigins = BrowserOrigins.none();
  private boolean signUpAllowed;
  private ApiVersion minimumApiVersion = ApiVersion.LEGACY;

  public Environment(
      EnvironmentId id, String name, StepUpSettings settings, RedirectAllowList redirects) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = requireName(name);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.redirects = Objects.requireNonNull(redirects, "redirects");
  }

  /** A new environment with the default settings of DESIGN.md. */
  public static Environment create(EnvironmentId id, String name) {
    return new Environment(id, name, StepUpSettings.defaults(), RedirectAllowList.none());
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 100) {
      throw new IllegalArgumentException("environment name must be 1-100 characters");
    }
    return trimmed;
  }

  public EnvironmentId id() {
    return id;
  }

  public String name() {
    return name;
  }

  public StepUpSettings settings() {
    return settings;
  }

  /** Where browsers may be sent back to after a flow this server runs (social login, pages). */
  public RedirectAllowList redirects() {
    return redirects;
  }

  /**
   * Whether a browser may be sent back to {@code address} after a flow this server runs: a path on
   * this server, or an address the environment allows.
   */
  public boolean allowsReturnTo(String address) {
    return RedirectAllowList.isLocalPath(address) || redirects.permits(address);
  }

  public void allowRedirects(RedirectAllowList allowed) {
    this.redirects = Objects.requireNonNull(allowed, "allowed");
  }

  /**
   * The web origins whose pages may call this environment's end-user endpoints from the browser
   * (CORS) and receive a step-up popup's outcome; none unless an admin lists some.
   */
  public BrowserOrigins browserOrigins() {
    return browserOrigins;
  }

  public void allowBrowserOrigins(BrowserOrigins allowed) {
    this.browserOrigins = Objects.requireNonNull(allowed, "allowed");
  }

  /**
   * Whether someone with no account may sign up on the hosted pages by proving an email address.
   * Off unless an admin turns it on: host applications usually create their users themselves.
   */
  public boolean allowsSignUp() {
    return signUpAllowed;
  }

  public void allowSignUp(boolean allowed) {
    this.signUpAllowed = allowed;
  }

  /**
   * The oldest API version the environment still serves: {@link ApiVersion#LEGACY} (unset) keeps
   * action-based MFA working; {@code 2026_04_01} retires it at once.
   */
  public ApiVersion minimumApiVersion() {
    return minimumApiVersion;
  }

  public void requireApiVersion(ApiVersion minimum) {
    this.minimumApiVersion = Objects.requireNonNull(minimum, "minimum");
  }

  /** Whether the action-based MFA calls and their tokens still work here. */
  public boolean servesLegacyMfa() {
    return minimumApiVersion.allowsLegacyMfa();
  }

  public void rename(String newName) {
    this.name = requireName(newName);
  }

  /**
   * Applies new step-up settings unless they are incoherent, in which case nothing changes and the
   * outcome says why.
   */
  public Reconfiguration reconfigure(StepUpSettings proposed) {
    Objects.requireNonNull(proposed, "proposed");
    List<String> problems = proposed.problems();
    if (!problems.isEmpty()) {
      return new Reconfiguration.Rejected(problems);
    }
    StepUpSettings previous = this.settings;
    this.settings = proposed;
    return new Reconfiguration.Applied(previous, proposed);
  }

  /** Outcome of {@link #reconfigure}. */
  public sealed interface Reconfiguration {
    /** The settings changed from {@code previous} to {@code current}. */
    record Applied(StepUpSettings previous, StepUpSettings current) implements Reconfiguration {}

    /** Nothing changed; {@code problems} explain why the proposal was refused. */
    record Rejected(List<String> problems) implements Reconfiguration {
      public Rejected {
        problems = List.copyOf(problems);
      }
    }
  }
}
