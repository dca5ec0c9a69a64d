package io.tranche.app.preview;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of previews. */
public final class PreviewErrors {
  public static final ErrorCode BAD_ARCHIVE =
      new ErrorCode("preview.bad-archive", ErrorKind.INVALID, "the preview is refused: {problem}");

  public static final ErrorCode BAD_UPSTREAM =
      new ErrorCode("preview.bad-upstream", ErrorKind.INVALID, "{field} {problem}");

  public static final ErrorCode LINK_EXPIRED =
      new ErrorCode(
          "preview.link-expired",
          ErrorKind.GONE,
          "this preview link no longer works (it expired or was revoked); ask for a new one");

  private PreviewErrors() {}
}
