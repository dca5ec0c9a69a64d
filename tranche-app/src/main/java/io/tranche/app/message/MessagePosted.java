package io.tranche.app.message;

import java.util.UUID;

/** A message was posted (published inside the posting transaction, for the evidence log). */
public record MessagePosted(UUID workspaceId, MessageView message, String bodySha256) {}
