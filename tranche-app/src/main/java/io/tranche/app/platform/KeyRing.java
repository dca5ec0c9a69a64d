package io.tranche.app.platform;

import io.tranche.vault.KeyEncryptionKey;
import io.tranche.vault.VaultException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The key-encryption keys of this installation: the current one wraps new secrets; previous ones
 * (after a rotation) still unwrap what they wrapped. Never logged, never in a response.
 */
public final class KeyRing {
  private final KeyEncryptionKey current;
  private final Map<String, KeyEncryptionKey> byId;

  public KeyRing(KeyEncryptionKey current, List<KeyEncryptionKey> previous) {
    this.current = current;
    this.byId =
        java.util.stream.Stream.concat(java.util.stream.Stream.of(current), previous.stream())
            .collect(Collectors.toMap(KeyEncryptionKey::id, Function.identity(), (a, b) -> a));
  }

  public String wrap(byte[] secret, String context) {
    return current.wrap(secret, context);
  }

  /** Unwraps with whichever KEK the wrapped key names. */
  public byte[] unwrap(String wrapped, String context) {
    KeyEncryptionKey kek = byId.get(KeyEncryptionKey.keyIdOf(wrapped));
    if (kek == null) {
      throw new VaultException(
          "vault.unknown-kek",
          "no configured key-encryption key has id " + KeyEncryptionKey.keyIdOf(wrapped));
    }
    return kek.unwrap(wrapped, context);
  }

  public String currentId() {
    return current.id();
  }

  @Override
  public String toString() {
    return "KeyRing[current=" + current.id() + ", known=" + byId.keySet() + "]";
  }
}
