package dev.stepup.adapter.in.web.api.view;

import dev.stepup.domain.scope.Scope;
import java.util.Collection;
import java.util.List;

/** Scopes in their wire form, in a stable order, as every response lists them. */
public final class WireScopes {

  private WireScopes() {}

  public static List<String> of(Collection<Scope> scopes) {
    return scopes.stream().sorted().map(Scope::wire).toList();
  }
}
