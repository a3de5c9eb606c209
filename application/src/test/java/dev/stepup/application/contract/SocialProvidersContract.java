package dev.stepup.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stepup.application.port.out.social.SocialProviders;
import dev.stepup.domain.social.SocialProvider;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** What {@link SocialProviders} promises: kept per environment, replaced by name. */
public abstract class SocialProvidersContract extends PortContract {

  @Test
  void socialProvidersAreKeptPerEnvironmentAndReplacedByName() {
    SocialProviders providers = stores.socialProviders();
    SocialProvider google =
        new SocialProvider(
            ENV, "google", "Google", URI.create("https://accounts.google.com"), "c1");
    providers.save(google, new byte[] {1, 2, 3});
    providers.save(
        new SocialProvider(
            ENV, "google", "Google", URI.create("https://accounts.google.com"), "c2"),
        new byte[] {4, 5});
    assertThat(providers.find(ENV, "google").orElseThrow().provider().clientId()).isEqualTo("c2");
    assertThat(providers.find(ENV, "google").orElseThrow().sealedClientSecret())
        .containsExactly(4, 5);
    assertThat(providers.find(OTHER_ENV, "google")).isEmpty();
    assertThat(providers.list(ENV)).extracting(p -> p.name()).containsExactly("google");
  }

  @Test
  void anEnvironmentsProvidersAreListedByName() {
    SocialProviders providers = stores.socialProviders();
    for (String name : new String[] {"okta", "apple", "google"}) {
      providers.save(
          new SocialProvider(ENV, name, name, URI.create("https://" + name + ".example"), "c"),
          new byte[] {1});
    }
    assertThat(providers.list(ENV))
        .extracting(SocialProvider::name)
        .containsExactly("apple", "google", "okta");
    assertThat(providers.list(OTHER_ENV)).isEmpty();
  }
}
