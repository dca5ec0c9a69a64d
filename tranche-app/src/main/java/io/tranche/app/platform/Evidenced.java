package io.tranche.app.platform;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A typed event that knows its evidence record. The evidence module appends it inside the action's
 * transaction, before any other listener reacts, so the log's order is the causal order.
 */
public interface Evidenced {
  UUID workspaceId();

  /** The project the entry belongs to, or null for a workspace-wide entry. */
  @Nullable UUID projectId();

  /** Who acted: an actor label such as {@code member:…}, {@code contact:…} or a system step. */
  String actor();

  /** The evidence type, e.g. {@code modification.filed}. */
  String evidenceType();

  /** The entry's payload, canonicalised by the evidence log. */
  Map<String, Object> evidencePayload();

  /** A payload from key, value pairs, in their order. */
  static Map<String, Object> fields(Object... keysAndValues) {
    Map<String, Object> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
