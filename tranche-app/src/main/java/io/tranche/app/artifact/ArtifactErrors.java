package io.tranche.app.artifact;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of sealed deliverables. */
public final class ArtifactErrors {
  public static final ErrorCode NOT_OPEN_FOR_UPLOAD =
      new ErrorCode(
          "artifact.milestone-not-open",
          ErrorKind.CONFLICT,
          "artifacts are uploaded while a milestone is in progress or changes are requested; it is"
              + " {state}");
  public static final ErrorCode TOO_LARGE =
      new ErrorCode(
          "artifact.too-large", ErrorKind.INVALID, "an artifact has at most {maxBytes} bytes");
  public static final ErrorCode EMPTY =
      new ErrorCode("artifact.empty", ErrorKind.INVALID, "the upload has no bytes");
  public static final ErrorCode BAD_NAME =
      new ErrorCode(
          "artifact.bad-name",
          ErrorKind.INVALID,
          "the file name {problem}; send a plain name of 1 to 255 characters such as build.zip");
  public static final ErrorCode NOT_RELEASED =
      new ErrorCode(
          "artifact.not-released",
          ErrorKind.FORBIDDEN,
          "the artifact is sealed until its milestone is paid and released");
  public static final ErrorCode NO_EARLY_DOWNLOAD =
      new ErrorCode(
          "artifact.no-early-download",
          ErrorKind.FORBIDDEN,
          "the contract does not allow downloading sealed deliverables before release");
  public static final ErrorCode NO_RECEIPT =
      new ErrorCode(
          "artifact.no-receipt",
          ErrorKind.CONFLICT,
          "the artifact has no delivery receipt yet; it is issued when the milestone is submitted");
  public static final ErrorCode HAS_RECEIPT =
      new ErrorCode(
          "artifact.has-receipt",
          ErrorKind.CONFLICT,
          "the artifact has a delivery receipt; a receipted artifact stays on record");
  public static final ErrorCode BAD_KIND =
      new ErrorCode(
          "artifact.bad-download-kind",
          ErrorKind.INVALID,
          "a download is of kind 'ciphertext' or 'plaintext', not {kind}");
  public static final ErrorCode TOKEN_EXPIRED =
      new ErrorCode(
          "download.expired",
          ErrorKind.NOT_FOUND,
          "the download link is unknown or expired; ask for a new one");
  public static final ErrorCode NOTHING_TO_RELEASE =
      new ErrorCode(
          "artifact.nothing-to-release",
          ErrorKind.CONFLICT,
          "the milestone has no delivered artifact yet: submit it first, so each artifact has its"
              + " receipt");
  public static final ErrorCode INTERRUPTED =
      new ErrorCode(
          "artifact.upload-interrupted",
          ErrorKind.INVALID,
          "the upload ended before all its bytes arrived; nothing was kept");

  private ArtifactErrors() {}
}
