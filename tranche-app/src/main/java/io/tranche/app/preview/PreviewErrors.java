package io.tranche.app.preview;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of previews. */
public final class PreviewErrors {
  public static final ErrorCode BAD_ARCHIVE =
      new ErrorCode("preview.bad-archive", ErrorKind.INVALID, "the preview is refused: {problem}");

  public static final ErrorCode BAD_UPSTREAM =
      new ErrorCode("preview.bad-upstream", ErrorKind.INVALID, "the staging address {problem}");

  public static final ErrorCode LINK_EXPIRED =
      new ErrorCode(
          "preview.link-expired",
          ErrorKind.GONE,
          "this preview link no longer works (it expired or was revoked); ask for a new one");

  public static final ErrorCode PASS_EXPIRED =
      new ErrorCode(
          "preview.pass-expired",
          ErrorKind.GONE,
          "this preview page was opened a while ago and has expired; open the preview again from"
              + " Tranche");

  public static final ErrorCode PAUSED =
      new ErrorCode(
          "preview.paused",
          ErrorKind.CONFLICT,
          "previews of this project are paused until invoice {invoice} ({open}) is paid; paying it"
              + " opens them again");

  private PreviewErrors() {}
}
