package io.tranche.app.platform;

/** Spring Security role names for the kinds of {@link Actor}. */
public final class Roles {
  public static final String MEMBER = "MEMBER";
  public static final String CONTACT = "CONTACT";

  private Roles() {}

  /** The granted authority of an actor, e.g. {@code ROLE_MEMBER}. */
  public static String authority(Actor actor) {
    return "ROLE_" + (actor.isMember() ? MEMBER : CONTACT);
  }
}
