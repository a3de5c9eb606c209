package dev.stepup.domain.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeTest {

  @ParameterizedTest(name = "{0} parses to {1}")
  @CsvSource({
    "wallet:export, 0",
    "wallet:sign, 1",
    "wallet:refresh, 2",
    "wallet:reshare, 3",
    "credential:link, 4",
    "credential:unlink, 5"
  })
  void everyWireStringParsesToItsScope(String wire, int position) {
    Scope expected = Scope.builtIns().get(position);
    assertThat(Scope.parse(wire)).isEqualTo(expected);
    assertThat(Scope.fromWire(wire)).contains(expected);
    assertThat(expected.wire()).isEqualTo(wire);
    assertThat(expected).hasToString(wire);
  }

  @Test
  void theProductKnowsExactlySixScopes() {
    assertThat(Scope.builtIns())
        .extracting(Scope::wire)
        .containsExactly(
            "wallet:export",
            "wallet:sign",
            "wallet:refresh",
            "wallet:reshare",
            "credential:link",
            "credential:unlink");
  }

  @ParameterizedTest
  @ValueSource(strings = {"wallet:steal", "WALLET:EXPORT", " wallet:export", "wallet_export", "*"})
  void unknownScopeIsRefusedWithAMessageNamingItAndListingTheKnownOnes(String bad) {
    assertThatThrownBy(() -> Scope.parse(bad))
        .isInstanceOf(UnknownScopeException.class)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + bad + "'")
        .hasMessageContaining(
            "wallet:export, wallet:sign, wallet:refresh, wallet:reshare, credential:link,"
                + " credential:unlink");
  }

  @Test
  void unknownScopeExceptionRemembersWhatTheClientSent() {
    assertThatThrownBy(() -> Scope.parse("wallet:steal"))
        .isInstanceOfSatisfying(
            UnknownScopeException.class, e -> assertThat(e.requested()).isEqualTo("wallet:steal"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  void missingScopeStringIsNotAScope(String wire) {
    assertThat(Scope.fromWire(wire)).isEmpty();
    assertThatThrownBy(() -> Scope.parse(wire)).isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void parseAllReturnsEveryNamedScopeOnce() {
    Set<Scope> scopes = Scope.parseAll(List.of("wallet:sign", "wallet:export", "wallet:sign"));

    assertThat(scopes).containsExactlyInAnyOrder(Scope.WALLET_SIGN, Scope.WALLET_EXPORT);
  }

  @Test
  void parseAllRefusesAnEmptyList() {
    assertThatThrownBy(() -> Scope.parseAll(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .isNotInstanceOf(UnknownScopeException.class)
        .hasMessageContaining("at least one scope");
  }

  @Test
  void parseAllRefusesTheWholeListWhenOneScopeIsUnknown() {
    assertThatThrownBy(() -> Scope.parseAll(List.of("wallet:sign", "wallet:burn")))
        .isInstanceOf(UnknownScopeException.class)
        .hasMessageContaining("'wallet:burn'");
  }

  @Test
  void parseAllRefusesANullElement() {
    List<String> wires = new ArrayList<>();
    wires.add("wallet:sign");
    wires.add(null);

    assertThatThrownBy(() -> Scope.parseAll(wires)).isInstanceOf(UnknownScopeException.class);
  }

  @Test
  void joinWireSeparatesScopesWithSpacesInDeclarationOrder() {
    String joined =
        Scope.joinWire(List.of(Scope.CREDENTIAL_UNLINK, Scope.WALLET_SIGN, Scope.WALLET_EXPORT));

    assertThat(joined).isEqualTo("wallet:export wallet:sign credential:unlink");
  }

  @Test
  void joinWireOfOneScopeIsItsWireString() {
    assertThat(Scope.joinWire(Set.of(Scope.WALLET_RESHARE))).isEqualTo("wallet:reshare");
  }

  @Test
  void joinWireAndParseAllRoundTrip() {
    Set<Scope> all = new TreeSet<>(Scope.builtIns());

    assertThat(Scope.parseAll(List.of(Scope.joinWire(all).split(" ")))).isEqualTo(all);
  }
}
