package io.tranche.core.contract;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of quotes, contracts and signatures. */
public final class ContractErrors {
  public static final ErrorCode QUOTE_LOCKED =
      new ErrorCode(
          "quote.locked",
          ErrorKind.CONFLICT,
          "quote version {version} is {status}: it cannot change; a change needs a new quote version"
              + " or an amendment, signed again");
  public static final ErrorCode CONCURRENT_CHANGE =
      new ErrorCode(
          "quote.concurrent-change",
          ErrorKind.CONFLICT,
          "version {version} of the quote changed while this request ran; reload and try again");
  public static final ErrorCode ILLEGAL_QUOTE_MOVE =
      new ErrorCode(
          "quote.illegal-transition",
          ErrorKind.CONFLICT,
          "cannot {action} a quote that is {status}");
  public static final ErrorCode OUTDATED_VERSION =
      new ErrorCode(
          "quote.outdated-version",
          ErrorKind.CONFLICT,
          "version {version} of this quote was replaced by a newer version; open and sign the newest");

  /** A vendor sends a quote whose validity has already ended. */
  public static final ErrorCode VALIDITY_PAST =
      new ErrorCode(
          "quote.validity-past",
          ErrorKind.INVALID,
          "this quote is valid until {validUntil}, a day already past: give it a later date, then"
              + " send it");

  /** A vendor sends a quote for a project nobody on the client's side can open. */
  public static final ErrorCode NO_RECIPIENT =
      new ErrorCode(
          "quote.no-recipient",
          ErrorKind.CONFLICT,
          "this project has no client contact to send the quote to: invite one from the client's"
              + " page first");

  public static final ErrorCode EXPIRED =
      new ErrorCode(
          "quote.expired",
          ErrorKind.CONFLICT,
          "this quote was valid until {validUntil}; ask for a new one");
  public static final ErrorCode NO_LINES =
      new ErrorCode("quote.no-lines", ErrorKind.INVALID, "a quote needs at least one line item");
  public static final ErrorCode NOT_SHOWN =
      new ErrorCode(
          "signature.not-shown",
          ErrorKind.CONFLICT,
          "open and read the whole document, with its terms, before signing it");
  public static final ErrorCode DOCUMENT_CHANGED =
      new ErrorCode(
          "signature.document-changed",
          ErrorKind.CONFLICT,
          "the document changed since it was opened (hash {given}, now {current}); read it again");
  public static final ErrorCode CONSENT_REQUIRED =
      new ErrorCode(
          "signature.consent-required",
          ErrorKind.INVALID,
          "tick the consent box to sign electronically");
  public static final ErrorCode NEEDS_AMENDMENT =
      new ErrorCode(
          "quote.needs-amendment",
          ErrorKind.CONFLICT,
          "a contract for this project is already signed: revise this version to make it an"
              + " amendment of that contract, then send it");
  public static final ErrorCode ANOTHER_QUOTE_OUT =
      new ErrorCode(
          "quote.another-out",
          ErrorKind.CONFLICT,
          "{what} is already out: {next}, so the client has one quote to sign");
  public static final ErrorCode ALREADY_SIGNED =
      new ErrorCode(
          "signature.already-signed",
          ErrorKind.CONFLICT,
          "this document was already signed by the {role}");
  public static final ErrorCode NOT_A_SIGNER =
      new ErrorCode(
          "signature.not-a-signer", ErrorKind.FORBIDDEN, "only {who} can sign this document");
  public static final ErrorCode WRONG_ORDER =
      new ErrorCode(
          "signature.wrong-order",
          ErrorKind.CONFLICT,
          "the {first} signs first; this document waits for their signature");

  private ContractErrors() {}
}
