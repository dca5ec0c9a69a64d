package io.tranche.app.support;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorDetails;
import io.tranche.app.platform.Roles;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in session for MockMvc, shaped exactly as the application's own sign-in makes it. */
public final class Sessions {
  private Sessions() {}

  public static UsernamePasswordAuthenticationToken of(Actor actor) {
    return UsernamePasswordAuthenticationToken.authenticated(
        actor.isMember() ? new ActorDetails(actor, "[n/a]") : actor,
        null,
        List.of(new SimpleGrantedAuthority(Roles.authority(actor))));
  }
}
