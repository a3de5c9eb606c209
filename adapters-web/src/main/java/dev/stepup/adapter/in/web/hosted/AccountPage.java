package dev.stepup.adapter.in.web.hosted;

import java.util.List;

/**
 * What the account page shows (model attribute {@code page}), filled in by the controller that
 * answers and completed by {@link AccountRoom#render}: what happened, the secrets of this answer
 * (shown once), the steps under way (TOTP setup, a code to enter, a passkey or a wallet signature
 * to make), the forms' state and the user's credentials.
 */
final class AccountPage {

  /** A passkey ready to be created (passkey-register.js reads the options). */
  record PasskeyRegistration(String challengeId, String options) {}

  private final List<?> providers;
  private String error;
  private String done;
  private List<String> recoveryCodes;
  private TotpEnrolments.Enrolment enrolment;
  private String totpError;
  private HostedLinkProofs.Proof proof;
  private String proofError;
  private PasskeyRegistration passkey;
  private LinkForm link = LinkForm.EMPTY;
  private String linkError;
  private WalletSigning wallet;
  private List<AccountRoom.Row> credentials = List.of();
  private boolean hasMfa;
  private long mfaCount;

  AccountPage(List<?> providers) {
    this.providers = List.copyOf(providers);
  }

  public List<?> getProviders() {
    return providers;
  }

  public String getError() {
    return error;
  }

  public String getDone() {
    return done;
  }

  public List<String> getRecoveryCodes() {
    return recoveryCodes;
  }

  public TotpEnrolments.Enrolment getEnrolment() {
    return enrolment;
  }

  public String getTotpError() {
    return totpError;
  }

  public HostedLinkProofs.Proof getProof() {
    return proof;
  }

  public String getProofError() {
    return proofError;
  }

  public PasskeyRegistration getPasskey() {
    return passkey;
  }

  public LinkForm getLink() {
    return link;
  }

  public String getLinkError() {
    return linkError;
  }

  public WalletSigning getWallet() {
    return wallet;
  }

  public List<AccountRoom.Row> getCredentials() {
    return credentials;
  }

  public boolean isHasMfa() {
    return hasMfa;
  }

  public long getMfaCount() {
    return mfaCount;
  }

  void error(String error) {
    this.error = error;
  }

  void done(String done) {
    this.done = done;
  }

  void recoveryCodes(List<String> codes) {
    this.recoveryCodes = List.copyOf(codes);
  }

  void enrolment(TotpEnrolments.Enrolment enrolment, String totpError) {
    this.enrolment = enrolment;
    this.totpError = totpError;
  }

  void proof(HostedLinkProofs.Proof proof, String proofError) {
    this.proof = proof;
    this.proofError = proofError;
  }

  void passkey(PasskeyRegistration passkey) {
    this.passkey = passkey;
  }

  void link(LinkForm link, String linkError) {
    this.link = link;
    this.linkError = linkError;
  }

  void wallet(WalletSigning wallet) {
    this.wallet = wallet;
  }

  void credentials(List<AccountRoom.Row> credentials, boolean hasMfa, long mfaCount) {
    this.credentials = List.copyOf(credentials);
    this.hasMfa = hasMfa;
    this.mfaCount = mfaCount;
  }
}
