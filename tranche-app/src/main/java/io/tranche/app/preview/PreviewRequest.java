package io.tranche.app.preview;

import org.jspecify.annotations.Nullable;

/**
 * What a viewer asked of a preview: the path below it ({@code page} decoded, {@code rawPage} as
 * sent), the query, and the path the preview is served under (e.g. {@code /portal/previews/<id>}).
 */
public record PreviewRequest(String page, String rawPage, @Nullable String query, String prefix) {}
