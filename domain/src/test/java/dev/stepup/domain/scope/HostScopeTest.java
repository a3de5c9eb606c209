package dev.stepup.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostScopeTest {

  @Test
  void aHostScopeCarriesItsNameAndTheAdminsWords() {
    Scope scope = Scope.host("payments:send", "  send a payment ");

    assertThat(scope.wire()).isEqualTo("payments:send");
    assertThat(scope.action()).isEqualTo("send a payment");
    assertThat(scope.isBuiltIn()).isFalse();
    assertThat(Scope.WALLET_EXPORT.isBuiltIn()).isTrue();
  }

  @Test
  void aHostScopeReadFromARequestEqualsTheDefinedOne() {
    Scope defined = Scope.host("payments:send", "send a payment");
    Scope read = Scope.parse("payments:send");

    assertThat(read).isEqualTo(defined).hasSameHashCodeAs(defined);
    assertThat(read.action()).isNotEqualTo(defined.action());
  }

  @Test
  void builtInsStayTheSixConstants() {
    assertThat(Scope.parse("wallet:export")).isSameAs(Scope.WALLET_EXPORT);
    assertThat(Scope.builtIns()).hasSize(6).allMatch(Scope::isBuiltIn);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "payments",
        "payments:",
        ":send",
        "Payments:send",
        "payments:Send",
        "1payments:send",
        "payments:send:now",
        "payments send",
        "payments:<b>",
        "abcdefghijklmnop:send",
        "payments:abcdefghijklmnopq"
      })
  void aMalformedNameIsRefused(String bad) {
    assertThatThrownBy(() -> Scope.host(bad, "send a payment"))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("namespace:action");
    assertThat(Scope.fromWire(bad)).isEmpty();
    assertThatThrownBy(() -> Scope.parse(bad)).isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void theLongestNamesFit() {
    assertThat(Scope.host("abcdefghijklmno:abcdefghijklmnop", "do it").wire()).hasSize(32);
  }

  @ParameterizedTest
  @ValueSource(strings = {"wallet:export", "wallet:steal", "credential:link", "credential:forge"})
  void aHostScopeCannotTakeABuiltInNameOrNamespace(String clash) {
    assertThatThrownBy(() -> Scope.host(clash, "do something"))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("built-in");
    if (Scope.builtIns().stream().noneMatch(b -> b.wire().equals(clash))) {
      assertThatThrownBy(() -> Scope.parse(clash)).isInstanceOf(UnknownScopeException.class);
    }
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "ab",
        "   ",
        "send <b>money</b>",
        "send a payment & more",
        "line\nbreak",
        "<script>alert(1)</script>",
        "send \"quoted\"",
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
      })
  void aDescriptionMustBePlainBoundedWords(String bad) {
    assertThatThrownBy(() -> Scope.host("payments:send", bad))
        .isInstanceOf(InvalidScopeException.class)
        .hasMessageContaining("description");
  }

  @Test
  void hostScopesSortAfterBuiltInsByName() {
    Scope zeta = Scope.host("zeta:go", "go on");
    Scope alpha = Scope.host("alpha:go", "go on");

    assertThat(Scope.joinWire(List.of(zeta, Scope.CREDENTIAL_UNLINK, alpha, Scope.WALLET_SIGN)))
        .isEqualTo("wallet:sign credential:unlink alpha:go zeta:go");
  }

  @Test
  void parseAllReadsHostNamesAlongsideBuiltIns() {
    assertThat(Scope.parseAll(List.of("payments:send", "wallet:sign")))
        .containsExactly(Scope.WALLET_SIGN, Scope.parse("payments:send"));
  }

  @Test
  void scopesSurviveSerialisationAndBuiltInsComeBackAsTheConstants() throws Exception {
    // Server-side HTTP sessions keep issued tokens, with their scopes, serialised.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(List.of(Scope.WALLET_EXPORT, Scope.host("payments:send", "send a payment")));
    }
    List<?> back;
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      back = (List<?>) in.readObject();
    }

    assertThat(back.get(0)).isSameAs(Scope.WALLET_EXPORT);
    assertThat(((Scope) back.get(1)).action()).isEqualTo("send a payment");
  }
}
