package io.tranche.app.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.tranche.app.evidence.EvidenceService;
import io.tranche.app.platform.Access;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.PageOf;
import io.tranche.app.platform.Paging;
import io.tranche.app.signing.SigningKeys;
import io.tranche.core.evidence.Checkpoint;
import io.tranche.core.evidence.EvidenceEntry;
import io.tranche.core.evidence.Verification;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The evidence log of the caller's workspace: entries, checkpoints, verification, signing key. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "evidence", description = "The tamper-evident log of everything that happened")
class EvidenceApi {
  private final EvidenceService evidence;
  private final SigningKeys keys;

  EvidenceApi(EvidenceService evidence, SigningKeys keys) {
    this.evidence = evidence;
    this.keys = keys;
  }

  /** An entry as the API shows it; {@code payload} is the canonical JSON text that was hashed. */
  record EntryView(
      long seq,
      Instant at,
      String actor,
      @Nullable UUID projectId,
      String type,
      String payload,
      String prevHash,
      String hash) {
    static EntryView of(EvidenceEntry e) {
      return new EntryView(
          e.sequence(),
          e.at(),
          e.actor(),
          e.projectId(),
          e.type(),
          e.payload(),
          e.previousHash(),
          e.hash());
    }
  }

  /** A signed checkpoint. */
  record CheckpointView(long seq, String chainHash, Instant signedAt, String signature) {
    static CheckpointView of(Checkpoint c) {
      return new CheckpointView(c.sequence(), c.chainHash(), c.at(), c.signature());
    }
  }

  @GetMapping("/evidence")
  @Operation(summary = "List evidence entries, newest first, optionally of one project")
  PageOf<EntryView> entries(
      Actor actor,
      @RequestParam(required = false) @Nullable UUID projectId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "" + Paging.DEFAULT_SIZE) int size) {
    PageOf<EvidenceEntry> entries = evidence.entries(actor, projectId, new Paging(page, size));
    return new PageOf<>(
        entries.items().stream().map(EntryView::of).toList(),
        entries.page(),
        entries.size(),
        entries.total());
  }

  @PostMapping("/evidence/checkpoints")
  @Operation(summary = "Sign a checkpoint of the log's current head now")
  ResponseEntity<CheckpointView> checkpoint(Actor actor) {
    return evidence
        .checkpoint(actor)
        .map(c -> ResponseEntity.ok(CheckpointView.of(c)))
        .orElseGet(() -> ResponseEntity.noContent().build());
  }

  @GetMapping("/evidence/verification")
  @Operation(summary = "Verify the whole log and its checkpoints; names the first bad entry")
  Verification verify(Actor actor) {
    return evidence.verify(actor);
  }

  @GetMapping("/signing-key")
  @Operation(summary = "The workspace's Ed25519 public key and its fingerprint")
  SigningKeys.PublicSigningKey signingKey(Actor actor) {
    return keys.publicKeyOf(Access.member(actor).workspaceId());
  }
}
