package io.tranche.app.workspace;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of workspaces, members, clients and contacts. */
public final class WorkspaceErrors {
  public static final ErrorCode BAD_TIME_ZONE =
      new ErrorCode(
          "workspace.bad-time-zone",
          ErrorKind.INVALID,
          "{zone} is not a time zone; give a region id such as Europe/Berlin or UTC");
  public static final ErrorCode EMAIL_TAKEN =
      new ErrorCode(
          "member.email-taken",
          ErrorKind.CONFLICT,
          "this email address already belongs to a member; sign in instead");
  public static final ErrorCode CONTACT_EXISTS =
      new ErrorCode(
          "contact.email-exists",
          ErrorKind.CONFLICT,
          "this client already has a contact with that email address");

  public static final ErrorCode BAD_LOGO =
      new ErrorCode("workspace.bad-logo", ErrorKind.INVALID, "the logo {problem}");

  private WorkspaceErrors() {}
}
