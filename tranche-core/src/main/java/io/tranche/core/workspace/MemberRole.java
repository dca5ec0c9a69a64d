package io.tranche.core.workspace;

/** What a member of a workspace may do: owners also manage members, tokens and the mailbox. */
public enum MemberRole {
  OWNER,
  MEMBER
}
