package dev.stepup.adapter.in.web.hosted;

/**
 * What the demo wallet page shows (model attribute {@code page}): the wallet's address, what the
 * action asked for produced (an exported key or a signature, shown once), and what happened.
 */
final class WalletPage {

  private final String address;
  private String privateKey;
  private String signature;
  private String message = "";
  private String signError;
  private String done;
  private String error;

  WalletPage(String address) {
    this.address = address;
  }

  public String getAddress() {
    return address;
  }

  public String getPrivateKey() {
    return privateKey;
  }

  public String getSignature() {
    return signature;
  }

  public String getMessage() {
    return message;
  }

  public String getSignError() {
    return signError;
  }

  public String getDone() {
    return done;
  }

  public String getError() {
    return error;
  }

  void privateKey(String privateKey) {
    this.privateKey = privateKey;
  }

  void signed(String message, String signature) {
    this.message = message;
    this.signature = signature;
  }

  void signError(String message, String error) {
    this.message = message;
    this.signError = error;
  }

  void done(String done) {
    this.done = done;
  }

  void error(String error) {
    this.error = error;
  }
}
