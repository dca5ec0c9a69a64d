package io.tranche.core.evidence;

import io.tranche.core.workspace.WorkspaceId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a workspace's evidence log: what happened ({@code type} and a canonical JSON {@code
 * payload}), when, by whom, in which project, and the SHA-256 {@code hash} that chains it to the
 * entry before ({@code previousHash}).
 *
 * @param sequence 1 for a workspace's first entry, then without gaps
 * @param actor who acted, e.g. {@code member:<uuid>}, {@code contact:<uuid>} or {@code system}
 */
public record EvidenceEntry(
    WorkspaceId workspaceId,
    long sequence,
    Instant at,
    String actor,
    @Nullable UUID projectId,
    String type,
    String payload,
    String previousHash,
    String hash) {
  public EvidenceEntry {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
    }
  }

  /** The hash this entry's content gives; equal to {@link #hash()} unless it was changed. */
  public String computedHash() {
    return EvidenceChain.hash(
        workspaceId, sequence, at, actor, projectId, type, payload, previousHash);
  }

  /** The entry as a map, for evidence packs and the API. */
  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("workspace", workspaceId.toString());
    map.put("seq", sequence);
    map.put("at", at.toString());
    map.put("actor", actor);
    map.put("project", projectId == null ? null : projectId.toString());
    map.put("type", type);
    map.put("payload", payload);
    map.put("prev", previousHash);
    map.put("hash", hash);
    return map;
  }
}
