package io.tranche.license;

/**
 * What {@link LicenseVerifier} found: a valid licence (possibly in its grace period, when the app
 * should warn), or a refusal with its reason and a sentence saying why.
 */
public sealed interface Verdict {

  /** A licence that may be used now. {@code inGrace}: it expired, and the grace period runs. */
  record Valid(License license, boolean inGrace) implements Verdict {}

  /** A licence that may not be used, and why. */
  record Refused(Reason reason, String detail) implements Verdict {}

  /** Why a licence is refused. */
  enum Reason {
    /** Not a licence token at all: not three base64url parts, or not the JSON it must hold. */
    MALFORMED,
    /** Signed with another algorithm than EdDSA (Ed25519). */
    UNSUPPORTED_ALGORITHM,
    /** Issued by another key than the one given (the token's key id names another key). */
    WRONG_KEY,
    /** The signature does not match: the token was changed after it was signed. */
    BAD_SIGNATURE,
    /** Not valid yet. */
    NOT_YET_VALID,
    /** Expired, and its grace period (if any) is over. */
    EXPIRED,
    /** For another product. */
    WRONG_PRODUCT,
    /** On the supplied revocation list. */
    REVOKED
  }
}
