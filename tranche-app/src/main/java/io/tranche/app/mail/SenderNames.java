package io.tranche.app.mail;

import java.util.Optional;
import java.util.UUID;

/**
 * The business a workspace's mail comes from, by name; the workspace side implements it (mail
 * depends on nothing).
 */
public interface SenderNames {
  Optional<String> nameOf(UUID workspaceId);
}
