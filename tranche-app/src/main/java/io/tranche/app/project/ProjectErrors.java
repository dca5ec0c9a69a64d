package io.tranche.app.project;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of projects and milestones at the application level. */
public final class ProjectErrors {
  public static final ErrorCode CONCURRENT_CHANGE =
      new ErrorCode(
          "milestone.concurrent-change",
          ErrorKind.CONFLICT,
          "the milestone changed while this request ran (now {state}); reload and try again");
  public static final ErrorCode CONTACT_OF_OTHER_CLIENT =
      new ErrorCode(
          "project.contact-of-other-client",
          ErrorKind.INVALID,
          "contact {contactId} is not a contact of this project's client");
  public static final ErrorCode TOTAL_OR_MILESTONES =
      new ErrorCode(
          "project.total-or-milestones",
          ErrorKind.INVALID,
          "give the project's total (split 1/3, 1/3, 1/3) or its milestones");

  private ProjectErrors() {}
}
