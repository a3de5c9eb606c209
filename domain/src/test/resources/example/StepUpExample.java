import dev.stepup.domain.credential.*;
import dev.stepup.domain.environment.*;
import dev.stepup.domain.method.VerificationMethod;
import dev.stepup.domain.policy.*;
import dev.stepup.domain.scope.Scope;
import dev.stepup.domain.session.*;
import dev.stepup.domain.token.*;
import dev.stepup.domain.user.*;
import java.time.Instant;
import java.util.*;

public class StepUpExample {
  public static void main(String[] args) {
    Instant now = Instant.parse("2026-01-01T12:00:00Z"); // time is always passed in
    EnvironmentId env = new EnvironmentId("shop");
    StepUpSettings settings = // every scope protected, every method on but SMS
        StepUpSettings.defaults().withMethod(VerificationMethod.SMS_OTP, false);
    Credential email = new Credential(new CredentialId("cred_mail"), CredentialFormat.EMAIL,
        "ada@example.com", Optional.empty(), Optional.empty(), true, now, false);
    Credential totp = new Credential(new CredentialId("cred_totp"), CredentialFormat.TOTP,
        "totp-1", Optional.empty(), Optional.of("Phone"), false, now, false);
    User user = new User(new UserId("usr_ada"), env, now, List.of(email, totp));
    Session session = Session.start(new SessionId("ses_1"), env, user.id(),
        Optional.of(email.id()), now, SessionTimeouts.DEFAULTS);

    StepUpPolicy policy = new StepUpPolicy();
    Scope export = Scope.WALLET_EXPORT; // single-use by default; WALLET_SIGN is multi-use
    if (policy.decide(settings, user, session, export, List.of(), now)
        instanceof StepUpDecision.Required required) {
      System.out.println(required.path() + " " + required.acrValues() + " "
          + required.defaultCredentialId().orElseThrow());
    }
    System.out.println(policy.permitMethod(settings, user, VerificationMethod.EMAIL_OTP));

    // Your server checked the user's TOTP code: issue an elevated token, then spend it.
    ElevatedToken token = ElevatedToken.issue(new ElevatedTokenId("tok_1"), env, user.id(),
        Optional.of(session.id()), Set.of(export), Optional.of(VerificationMethod.TOTP),
        settings, now);
    System.out.println(policy.decide(settings, user, session, export, List.of(token), now));
    System.out.println(token.use(env, user.id(), new SessionId("ses_thief"), export, now));
    System.out.println(token.use(env, user.id(), session.id(), export, now.plusSeconds(60)));
    System.out.println(token.use(env, user.id(), session.id(), export, now.plusSeconds(90)));

    ElevatedToken sign = ElevatedToken.issue(new ElevatedTokenId("tok_2"), env, user.id(),
        Optional.of(session.id()), Set.of(Scope.WALLET_SIGN), Optional.of(VerificationMethod.TOTP),
        settings, now);
    System.out.println(
        sign.use(env, user.id(), session.id(), Scope.WALLET_SIGN, now.plusSeconds(60)) + " "
            + sign.acr() + " " + sign.state(now.plusSeconds(600)));
    System.out.println(sign.revoke(now.plusSeconds(120)) + " "
        + sign.use(env, user.id(), session.id(), Scope.WALLET_SIGN, now.plusSeconds(150)));
  }
}
