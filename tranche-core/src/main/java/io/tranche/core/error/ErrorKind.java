package io.tranche.core.error;

/** The kind of a domain error, which decides how an edge (HTTP, CLI) reports it. */
public enum ErrorKind {
  /** The input is malformed or breaks a rule of its own (HTTP 400/422). */
  INVALID,
  /** The thing does not exist, or the caller may not know that it does (HTTP 404). */
  NOT_FOUND,
  /** The request is valid but the current state does not allow it (HTTP 409). */
  CONFLICT,
  /** The caller is known but may not do this (HTTP 403). */
  FORBIDDEN,
  /** Too many attempts in a short time (HTTP 429). */
  RATE_LIMITED,
  /** The request is larger than the receiver accepts (HTTP 413). */
  TOO_LARGE,
  /** It existed but no longer works: an expired or revoked link (HTTP 410). */
  GONE
}
