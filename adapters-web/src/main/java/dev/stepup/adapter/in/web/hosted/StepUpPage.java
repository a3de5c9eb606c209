package dev.stepup.adapter.in.web.hosted;

import dev.stepup.domain.scope.Scope;
import java.util.List;

/**
 * What the step-up page shows (model attribute {@code page}), filled in by the controller that
 * answers: the panel ({@link View}), the carried context, the code state, and the offers of a
 * passkey, a wallet signature or a social sign-in.
 */
final class StepUpPage {

  /** The panel the page shows. */
  enum View {
    OTP,
    TOTP,
    PASSKEY,
    RECOVERY,
    WALLET,
    SOCIAL,
    BLOCKED,
    NONE
  }

  /** A passkey assertion challenge for the page's passkey button (passkey.js reads it). */
  record PasskeyOffer(String challengeId, String options, String error) {}

  /** The social account to sign in with again. */
  record SocialOffer(String provider, String account) {}

  private final String scope;
  private final String action;
  private final String returnTo;
  private final String cancel;
  private View view;
  private boolean sent;
  private long resendWait;
  private String sendTo = "";
  private String error;
  private String via = "";
  private PasskeyOffer passkey;
  private WalletSigning wallet;
  private SocialOffer social;
  private List<StepUpChoices.OtherWay> others = List.of();

  StepUpPage(StepUpRoom.Visit visit, View view) {
    this.scope = visit.scope().wire();
    this.action = actions(visit);
    this.returnTo = visit.returnTo();
    // A host's prompt is cancelled by a form post that tells the host; else cancel goes back.
    this.cancel = visit.prompt().isPresent() ? visit.returnTo() + "/cancel" : null;
    this.view = view;
  }

  /** Where a prompt's cancel form posts; {@code null} outside a prompt (a plain link back). */
  public String getCancel() {
    return cancel;
  }

  /** What the user confirms for: every scope a host's prompt asks for, else the one scope. */
  private static String actions(StepUpRoom.Visit visit) {
    List<String> actions = visit.scopes().stream().sorted().map(Scope::action).toList();
    if (actions.size() <= 1) {
      return visit.scope().action();
    }
    return String.join(", ", actions.subList(0, actions.size() - 1))
        + " and "
        + actions.get(actions.size() - 1);
  }

  public String getScope() {
    return scope;
  }

  public String getAction() {
    return action;
  }

  public String getReturnTo() {
    return returnTo;
  }

  public View getView() {
    return view;
  }

  public boolean isSent() {
    return sent;
  }

  public long getResendWait() {
    return resendWait;
  }

  public String getSendTo() {
    return sendTo;
  }

  public String getError() {
    return error;
  }

  public String getVia() {
    return via;
  }

  public PasskeyOffer getPasskey() {
    return passkey;
  }

  public WalletSigning getWallet() {
    return wallet;
  }

  public SocialOffer getSocial() {
    return social;
  }

  public List<StepUpChoices.OtherWay> getOthers() {
    return others;
  }

  StepUpPage view(View view) {
    this.view = view;
    return this;
  }

  /** A code went out (or one is already waiting): the page asks for it. */
  StepUpPage sent(boolean sent) {
    this.sent = sent;
    return this;
  }

  /** Seconds the resend button waits (countdown.js). */
  StepUpPage resendWait(long seconds) {
    this.resendWait = seconds;
    return this;
  }

  /** The masked address the code goes (or went) to. */
  StepUpPage sendTo(String sendTo) {
    this.sendTo = sendTo;
    return this;
  }

  StepUpPage error(String error) {
    this.error = error;
    return this;
  }

  StepUpPage via(String via) {
    this.via = via;
    return this;
  }

  StepUpPage passkey(PasskeyOffer passkey) {
    this.passkey = passkey;
    return this;
  }

  StepUpPage wallet(WalletSigning wallet) {
    this.wallet = wallet;
    return this;
  }

  StepUpPage social(SocialOffer social) {
    this.social = social;
    return this;
  }

  StepUpPage others(List<StepUpChoices.OtherWay> others) {
    this.others = List.copyOf(others);
    return this;
  }
}
