package io.tranche.app.platform;

/** Who is acting: a workspace member (console, API) or a client contact (portal). */
public enum ActorKind {
  MEMBER,
  CONTACT
}
