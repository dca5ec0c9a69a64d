package io.tranche.app.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * The business a workspace's mail comes from, by name and logo; the workspace side implements it
 * (mail depends on nothing).
 */
public interface SenderNames {
  Optional<String> nameOf(UUID workspaceId);

  /** The business's logo as a PNG, shown at the top of its mails. */
  default Optional<byte[]> logoOf(UUID workspaceId) {
    return Optional.empty();
  }
}
