package io.tranche.core.meeting;

/** How a meeting was held. */
public enum MeetingChannel {
  VIDEO,
  AUDIO,
  IN_PERSON
}
