package fr.secondevie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {

  private final AuthenticatedCaller relais =
      new AuthenticatedCaller("relais", 4, 1, Set.of("counter"));

  @Test
  void remembersOnlyTheExactCredentials() {
    CredentialCache cache = new CredentialCache();
    cache.remember("relais", "demo", relais);
    assertThat(cache.find("relais", "demo")).hasValue(relais);
    assertThat(cache.find("relais", "demo ")).isEmpty();
    assertThat(cache.find("relais2", "demo")).isEmpty();
  }

  @Test
  void forgetsAUser() {
    CredentialCache cache = new CredentialCache();
    cache.remember("relais", "demo", relais);
    cache.forget("relais");
    assertThat(cache.find("relais", "demo")).isEmpty();
  }
}
