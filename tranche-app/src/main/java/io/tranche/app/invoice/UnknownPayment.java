package io.tranche.app.invoice;

import java.util.UUID;

/** A payment whose outcome the provider has not told yet, due for a check. */
public record UnknownPayment(UUID id, UUID workspaceId, String providerRef, int attempts) {}
