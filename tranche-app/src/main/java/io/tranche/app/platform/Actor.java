package io.tranche.app.platform;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The signed-in person a request acts for, as stored in the session: every service call is scoped
 * by {@link #workspaceId()}, and a contact's further by the projects they are a contact of.
 *
 * @param id the member's or the contact's id
 * @param owner whether a member is an owner of the workspace; always false for contacts
 */
public record Actor(ActorKind kind, UUID id, UUID workspaceId, String email, boolean owner)
    implements AuthenticatedPrincipal, Serializable {
  /**
   * The workspace itself, for a system step that renders the workspace's own documents (a mail
   * dispatcher attaching an invoice): a member of no one, named {@code system:<what>}.
   */
  public static Actor workspace(UUID workspaceId, String what) {
    return new Actor(ActorKind.MEMBER, new UUID(0, 0), workspaceId, "system:" + what, false);
  }

  public Actor {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(email, "email");
  }

  public boolean isMember() {
    return kind == ActorKind.MEMBER;
  }

  public boolean isContact() {
    return kind == ActorKind.CONTACT;
  }

  /** The principal name sessions are indexed by: the {@link #label()}, never the email. */
  @Override
  public String getName() {
    return label();
  }

  /** A short label for records of who did something, e.g. {@code member:1b2c…}. */
  public String label() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + id;
  }
}
