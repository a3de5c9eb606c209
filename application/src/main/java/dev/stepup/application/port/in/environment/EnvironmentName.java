package dev.stepup.application.port.in.environment;

/** The syntax of an environment's display name, checked by the commands that set one. */
final class EnvironmentName {

  private EnvironmentName() {}

  static String checked(String name) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new IllegalArgumentException("name: give the environment a name of 1-100 characters");
    }
    return name.strip();
  }
}
