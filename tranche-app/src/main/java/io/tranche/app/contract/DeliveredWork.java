package io.tranche.app.contract;

import java.util.List;
import java.util.UUID;

/**
 * What was delivered for a milestone, as the acceptance document lists it: the sealed files, and
 * the previews the client could try. The artifact module provides it; the contract module only
 * reads it (so neither module depends on the other twice).
 */
public interface DeliveredWork {

  /** One delivered file: its name, size, digest and the id of its delivery receipt. */
  record Deliverable(UUID artifactId, String name, long size, String sha256, String receiptSha256) {
    /** The size for people, e.g. {@code 1.5 MiB}. */
    public String sizeLabel() {
      return io.tranche.app.platform.Sizes.label(size);
    }
  }

  /** The milestone's deliverables that carry a delivery receipt, in upload order. */
  List<Deliverable> of(UUID workspaceId, UUID milestoneId);

  /** A preview offered with a milestone: a site, an image or a PDF the client could try. */
  record Previewed(UUID previewId, String name, String kind) {}

  /** The previews offered with the milestone, oldest first. */
  default List<Previewed> previews(UUID workspaceId, UUID milestoneId) {
    return List.of();
  }

  /** The names of the milestone's previews {@code viewer} (an actor label) opened. */
  default List<String> viewedBy(UUID workspaceId, UUID milestoneId, String viewer) {
    return List.of();
  }
}
