package io.tranche.app.contract;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something happened to a quote or contract (sent, viewed, changes requested, signed, completed),
 * published inside the transaction, for the evidence log and for mail.
 *
 * @param type the evidence type, e.g. {@code quote.sent} or {@code contract.completed}
 * @param documentId the quote or contract id
 */
public record AgreementEvent(
    UUID workspaceId,
    UUID projectId,
    String type,
    String actor,
    UUID documentId,
    String documentHash,
    @Nullable Map<String, Object> details) {}
