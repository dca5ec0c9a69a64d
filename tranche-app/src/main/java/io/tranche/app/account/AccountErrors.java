package io.tranche.app.account;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of sign-in, setup and API tokens. */
public final class AccountErrors {
  public static final ErrorCode RATE_LIMITED =
      new ErrorCode(
          "auth.rate-limited",
          ErrorKind.RATE_LIMITED,
          "too many attempts; try again in {seconds} seconds");
  public static final ErrorCode BAD_CREDENTIALS =
      new ErrorCode(
          "auth.bad-credentials",
          ErrorKind.INVALID,
          "this email and password do not match a member; check both and try again");
  public static final ErrorCode LINK_INVALID =
      new ErrorCode(
          "auth.link-invalid",
          ErrorKind.INVALID,
          "this sign-in link has expired or was already used; ask for a new one");
  public static final ErrorCode SETUP_INVALID =
      new ErrorCode(
          "setup.link-invalid",
          ErrorKind.INVALID,
          "this setup link was already used or is unknown; restart the server for a new one");
  public static final ErrorCode WEAK_PASSWORD =
      new ErrorCode(
          "member.weak-password",
          ErrorKind.INVALID,
          "the password must be at least {min} characters long");

  private AccountErrors() {}
}
