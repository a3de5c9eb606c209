package dev.stepup.application.port.in;

/** A command named something that does not exist (or that the caller may not see). */
public final class NotFoundException extends RuntimeException {

  private final String kind;

  public NotFoundException(String kind, Object id) {
    super(kind + " '" + id + "' was not found");
    this.kind = kind;
  }

  /** What was looked for, e.g. {@code environment}, {@code user}, {@code session}. */
  public String kind() {
    return kind;
  }
}
