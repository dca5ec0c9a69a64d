package io.tranche.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KeyEncryptionKeyTest {
  private final KeyEncryptionKey kek = KeyEncryptionKey.generate();
  private final byte[] secret = "a signing key".getBytes(StandardCharsets.UTF_8);

  @Test
  void unwrapsWhatItWrapped() {
    String wrapped = kek.wrap(secret, "workspace:1");
    assertThat(wrapped).startsWith("v1." + kek.id() + ".");
    assertThat(kek.unwrap(wrapped, "workspace:1")).isEqualTo(secret);
    assertThat(KeyEncryptionKey.fromBase64(kek.toBase64()).unwrap(wrapped, "workspace:1"))
        .isEqualTo(secret);
  }

  @Test
  void usesAFreshNonceEachTime() {
    assertThat(kek.wrap(secret, "c")).isNotEqualTo(kek.wrap(secret, "c"));
  }

  @Test
  void refusesAnotherContext() {
    String wrapped = kek.wrap(secret, "workspace:1");
    assertThatThrownBy(() -> kek.unwrap(wrapped, "workspace:2"))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.code()).isEqualTo("vault.unwrap-failed"));
  }

  @Test
  void refusesAnotherKekNamingIt() {
    String wrapped = KeyEncryptionKey.generate().wrap(secret, "c");
    assertThatThrownBy(() -> kek.unwrap(wrapped, "c"))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.code()).isEqualTo("vault.unknown-kek"));
  }

  @Test
  void refusesAChangedWrappedKey() {
    String wrapped = kek.wrap(secret, "c");
    char last = wrapped.charAt(wrapped.length() - 2);
    String changed =
        wrapped.substring(0, wrapped.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + wrapped.charAt(wrapped.length() - 1);
    assertThatThrownBy(() -> kek.unwrap(changed, "c")).isInstanceOf(VaultException.class);
    assertThatThrownBy(() -> kek.unwrap("nonsense", "c"))
        .isInstanceOfSatisfying(
            VaultException.class, e -> assertThat(e.code()).isEqualTo("vault.bad-wrapped-key"));
  }

  @Test
  void neverPrintsTheKey() {
    assertThat(kek.toString()).doesNotContain(kek.toBase64());
  }
}
