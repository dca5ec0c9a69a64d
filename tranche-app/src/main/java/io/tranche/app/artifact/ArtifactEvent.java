package io.tranche.app.artifact;

import io.tranche.app.platform.Evidenced;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What happened to sealed deliverables: the artifact module's events, one record per kind, each
 * with its evidence record.
 */
public sealed interface ArtifactEvent extends Evidenced {

  /** An upload was sealed and became visible. */
  record Sealed(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID artifactId,
      UUID milestoneId,
      String name,
      String mediaType,
      long plaintextSize,
      String plaintextSha256,
      long ciphertextSize,
      String ciphertextSha256,
      String keyCommitment)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return "artifact.sealed";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "artifact", artifactId.toString(),
          "milestone", milestoneId.toString(),
          "name", name,
          "mediaType", mediaType,
          "plaintextSize", plaintextSize,
          "plaintextSha256", plaintextSha256,
          "ciphertextSize", ciphertextSize,
          "ciphertextSha256", ciphertextSha256,
          "keyCommitment", keyCommitment);
    }
  }

  /** A member deleted an upload that had no receipt yet. */
  record Deleted(UUID workspaceId, UUID projectId, String actor, UUID artifactId, String name)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return "artifact.deleted";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("artifact", artifactId.toString(), "name", name);
    }
  }

  /** A delivery receipt was issued at submission; {@code receiptSha256} identifies it. */
  record ReceiptIssued(
      UUID workspaceId, UUID projectId, UUID artifactId, UUID milestoneId, String receiptSha256)
      implements ArtifactEvent {
    @Override
    public String actor() {
      return "system";
    }

    @Override
    public String evidenceType() {
      return "artifact.receipt-issued";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "artifact", artifactId.toString(),
          "milestone", milestoneId.toString(),
          "receiptSha256", receiptSha256);
    }
  }

  /** A data key was read: by a member (always evidence) or handed over to the client. */
  record KeyRead(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID artifactId,
      String keyCommitment,
      boolean byMember)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return byMember ? "artifact.key-read" : "artifact.key-handed-over";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("artifact", artifactId.toString(), "keyCommitment", keyCommitment);
    }
  }

  /** A plaintext download link was made: for a member, or for the client after release. */
  record PlaintextRead(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID artifactId,
      String plaintextSha256,
      boolean byMember)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return byMember ? "artifact.plaintext-read" : "artifact.plaintext-link";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "artifact", artifactId.toString(), "plaintextSha256", plaintextSha256);
    }
  }

  /** A milestone's artifacts were released: {@code reason} paid or vendor (with a note). */
  record Released(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID milestoneId,
      String reason,
      @Nullable String note,
      List<ReleasedArtifact> artifacts)
      implements ArtifactEvent {
    public Released {
      artifacts = List.copyOf(artifacts);
    }

    @Override
    public String evidenceType() {
      return "release.released";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      Map<String, Object> p =
          Evidenced.fields("milestone", milestoneId.toString(), "reason", reason);
      if (note != null) {
        p.put("note", note);
      }
      p.put(
          "artifacts",
          artifacts.stream()
              .map(a -> Map.of("id", a.id().toString(), "keyCommitment", a.keyCommitment()))
              .toList());
      return p;
    }
  }

  /** An artifact handed over by a release, named by id and key commitment. */
  record ReleasedArtifact(UUID id, String keyCommitment) {}

  /** A refund before release cancelled what the payment would have released. */
  record ReleaseCancelled(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID milestoneId,
      UUID invoiceId,
      io.tranche.core.money.Money refunded)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return "release.cancelled";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "milestone", milestoneId.toString(),
          "invoice", invoiceId.toString(),
          "refundedMinor", refunded.amountMinor());
    }
  }

  /** A chargeback before release holds it (a dispute is opened on the milestone). */
  record ReleaseHeld(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID milestoneId,
      UUID invoiceId,
      String because)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return "release.held";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "milestone", milestoneId.toString(), "invoice", invoiceId.toString(), "because", because);
    }
  }

  /** Money was taken back after release ({@code reversal}: refund or chargeback). */
  record ReversedAfterRelease(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID milestoneId,
      UUID invoiceId,
      String reversal,
      Instant releasedAt)
      implements ArtifactEvent {
    @Override
    public String evidenceType() {
      return "release." + reversal + "-after";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "milestone", milestoneId.toString(),
          "invoice", invoiceId.toString(),
          "releasedAt", releasedAt.toString());
    }
  }
}
