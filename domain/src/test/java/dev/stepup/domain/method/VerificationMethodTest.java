package dev.stepup.domain.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class VerificationMethodTest {

  @ParameterizedTest(name = "{0} is on the {2} path")
  @CsvSource({
    "email_otp, EMAIL_OTP, REAUTH",
    "sms_otp, SMS_OTP, REAUTH",
    "wallet, WALLET, REAUTH",
    "social, SOCIAL, REAUTH",
    "passkey, PASSKEY, MFA",
    "totp, TOTP, MFA",
    "recovery_code, RECOVERY_CODE, MFA"
  })
  void everyMethodHasAWireNameAndAPath(
      String wire, VerificationMethod method, AuthenticationPath path) {
    assertThat(VerificationMethod.fromWire(wire)).contains(method);
    assertThat(method.wire()).isEqualTo(wire);
    assertThat(method.path()).isEqualTo(path);
  }

  @Test
  void unknownMethodNameIsNotAMethod() {
    assertThat(VerificationMethod.fromWire("carrier_pigeon")).isEmpty();
    assertThat(VerificationMethod.fromWire(null)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(VerificationMethod.class)
  void everyMethodNamesItselfInTheAmrClaim(VerificationMethod method) {
    assertThat(method.amr()).isNotEmpty().doesNotContainNull();
  }

  @Test
  void amrStartsWithRfc8176Values() {
    assertThat(VerificationMethod.PASSKEY.amr()).startsWith("hwk");
    assertThat(VerificationMethod.TOTP.amr()).startsWith("otp");
    assertThat(VerificationMethod.EMAIL_OTP.amr()).startsWith("otp");
    assertThat(VerificationMethod.SMS_OTP.amr()).startsWith("otp");
    assertThat(VerificationMethod.WALLET.amr()).startsWith("swk");
    assertThat(VerificationMethod.SOCIAL.amr()).startsWith("fed");
    assertThat(VerificationMethod.RECOVERY_CODE.amr()).startsWith("kba");
  }

  @Test
  void wireNamesAreUnique() {
    assertThat(Arrays.stream(VerificationMethod.values()).map(VerificationMethod::wire))
        .doesNotHaveDuplicates();
  }
}
