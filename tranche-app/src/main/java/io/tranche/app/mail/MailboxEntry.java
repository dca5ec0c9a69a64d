package io.tranche.app.mail;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A mail as the outbox keeps it, with its delivery status. */
public record MailboxEntry(
    UUID id,
    String recipient,
    String subject,
    String body,
    MailStatus status,
    int attempts,
    Instant createdAt,
    @Nullable Instant sentAt,
    @Nullable UUID workspaceId,
    java.util.List<String> attachments) {}
