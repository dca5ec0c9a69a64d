package io.tranche.app.modification;

import io.tranche.app.platform.Evidenced;
import io.tranche.core.modification.ModificationRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happened in a project's modification window; each knows its evidence record. */
public sealed interface ModificationEvent extends Evidenced {

  /** The client filed a request (its attachments are in the linked message). */
  record Filed(ModificationRequest request, String actor, @Nullable UUID messageId)
      implements ModificationEvent {
    @Override
    public UUID workspaceId() {
      return request.workspaceId().value();
    }

    @Override
    public UUID projectId() {
      return request.projectId().value();
    }

    @Override
    public String evidenceType() {
      return "modification.filed";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      Map<String, Object> p = payload(request);
      p.put("what", request.what());
      p.put("where", request.location());
      p.put("expected", request.expected());
      p.put("inWindow", request.inWindow());
      p.put("message", messageId == null ? "" : messageId.toString());
      return p;
    }
  }

  /** The request moved (classified, started, done, confirmed, quoted, signed). */
  record Moved(ModificationRequest request, String action, String actor, @Nullable UUID quoteId)
      implements ModificationEvent {
    @Override
    public UUID workspaceId() {
      return request.workspaceId().value();
    }

    @Override
    public UUID projectId() {
      return request.projectId().value();
    }

    @Override
    public String evidenceType() {
      return "modification." + action;
    }

    @Override
    public Map<String, Object> evidencePayload() {
      Map<String, Object> p = payload(request);
      p.put("kind", request.kind() == null ? "" : request.kind().name());
      p.put("status", request.status().name());
      if (quoteId != null) {
        p.put("quote", quoteId.toString());
      }
      return p;
    }
  }

  /** The modification window ended; later requests are change orders only. */
  record WindowClosed(UUID workspaceId, UUID projectId, Instant endedAt, long requests)
      implements ModificationEvent {
    @Override
    public String actor() {
      return "modification-window";
    }

    @Override
    public String evidenceType() {
      return "project.window-closed";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("endedAt", endedAt.toString());
      p.put("requests", requests);
      return p;
    }
  }

  private static Map<String, Object> payload(ModificationRequest r) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("request", r.id().toString());
    p.put("number", r.number());
    return p;
  }
}
