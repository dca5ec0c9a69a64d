package io.tranche.app.invoice;

import java.util.Map;
import java.util.UUID;

/** Money moved (invoice issued, payment received, credit note), for the evidence log. */
public record MoneyEvent(
    UUID workspaceId,
    UUID projectId,
    String type,
    String actor,
    UUID reference,
    Map<String, Object> details) {}
