package io.tranche.app.project;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a project stands in the staged process as a whole: whether its contract is signed (the plan
 * is then the contract's), the contract's review and modification terms, its sign-off and its
 * modification window.
 *
 * @param contractSignedAt when the first contract was completed; null while the plan is a draft
 * @param reviewDays days the client has to review submitted work before it is deemed accepted
 * @param modificationDays length of the modification window after sign-off
 * @param signedOffAt when the final delivery was signed off (signed or deemed)
 * @param windowEndsAt when the modification window ends (sign-off plus the modification days)
 * @param windowClosedAt when the window's close was recorded
 * @param zone the workspace's time zone, in which people read these dates
 */
public record ProjectStage(
    @Nullable Instant contractSignedAt,
    int reviewDays,
    int modificationDays,
    @Nullable Instant signedOffAt,
    @Nullable Instant windowEndsAt,
    @Nullable Instant windowClosedAt,
    java.time.ZoneId zone) {

  /** An instant as people of the workspace read it, e.g. {@code 7 Dec 2026, 10:08 CET}. */
  public String format(@Nullable Instant at) {
    return io.tranche.app.platform.Dates.zoned(at, zone);
  }

  public boolean contractSigned() {
    return contractSignedAt != null;
  }

  /** Whether modification requests filed at {@code at} are in the window (minor ones are free). */
  public boolean windowOpenAt(Instant at) {
    return signedOffAt != null && windowEndsAt != null && at.isBefore(windowEndsAt);
  }
}
