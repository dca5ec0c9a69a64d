package io.tranche.app.preview;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A viewer's pass into a preview, issued when a signed-in member or contact opens it: whose it is
 * (their label for the evidence, their address for the watermark) and which preview it opens.
 */
public record PreviewGrant(
    UUID workspaceId, UUID previewId, String viewer, @Nullable String email) {}
