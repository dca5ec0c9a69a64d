package io.tranche.app.artifact;

import io.tranche.app.artifact.internal.ArtifactRepository.StoredArtifact;
import io.tranche.app.platform.KeyRing;
import io.tranche.vault.DataKey;

/** An artifact's data key, unwrapped from under the key-encryption key. */
final class ArtifactKeys {
  private ArtifactKeys() {}

  static DataKey unwrap(KeyRing keyRing, StoredArtifact a) {
    return DataKey.of(keyRing.unwrap(a.wrappedKey(), DataKey.context(a.id().toString())));
  }
}
