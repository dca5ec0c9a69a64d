package io.tranche.app.project;

import org.jspecify.annotations.Nullable;

/**
 * Why a milestone's latest dispute was opened ({@code reason}) and, once it is resolved, how it
 * ended ({@code outcome}, null while it is open).
 */
public record DisputeNote(@Nullable String reason, @Nullable String outcome) {}
