package io.tranche.app.preview;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of previews. */
public final class PreviewErrors {
  public static final ErrorCode BAD_ARCHIVE =
      new ErrorCode(
          "preview.bad-archive", ErrorKind.INVALID, "the preview's zip is refused: {problem}");

  private PreviewErrors() {}
}
