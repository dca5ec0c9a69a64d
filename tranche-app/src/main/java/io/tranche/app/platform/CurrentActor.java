package io.tranche.app.platform;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Reads the {@link Actor} of the current request from the security context. */
public final class CurrentActor {
  private CurrentActor() {}

  /** The actor of an authentication, if it carries one. */
  public static Optional<Actor> of(Authentication authentication) {
    if (authentication == null) {
      return Optional.empty();
    }
    Object principal = authentication.getPrincipal();
    if (principal instanceof Actor actor) {
      return Optional.of(actor);
    }
    if (principal instanceof ActorDetails details) {
      return Optional.of(details.actor());
    }
    return Optional.empty();
  }

  /** The actor of the current request, if one is signed in. */
  public static Optional<Actor> get() {
    return of(SecurityContextHolder.getContext().getAuthentication());
  }
}
