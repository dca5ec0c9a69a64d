package io.tranche.app.platform;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A member's password login details that also carry the {@link Actor} they sign in as. The user
 * name is the actor's label, so sessions are indexed by a short id rather than by the email.
 */
public class ActorDetails extends User {
  private final Actor actor;

  public ActorDetails(Actor actor, String passwordHash) {
    super(actor.label(), passwordHash, List.of(new SimpleGrantedAuthority(Roles.authority(actor))));
    this.actor = actor;
  }

  public Actor actor() {
    return actor;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ActorDetails other && other.actor.equals(actor);
  }

  @Override
  public int hashCode() {
    return actor.hashCode();
  }
}
