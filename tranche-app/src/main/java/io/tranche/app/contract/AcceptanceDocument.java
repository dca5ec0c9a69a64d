package io.tranche.app.contract;

import io.tranche.app.contract.DeliveredWork.Deliverable;
import io.tranche.app.project.MilestoneView;
import io.tranche.core.evidence.CanonicalJson;
import io.tranche.core.evidence.EvidenceChain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document a client signs to accept delivered work or sign off the final delivery: the
 * milestone and every deliverable with its name, size, SHA-256 and receipt id. Its hash is what the
 * signature binds to.
 */
public final class AcceptanceDocument {
  private AcceptanceDocument() {}

  /**
   * The document a decision signs: the milestone's identity, scope of payment and state, and every
   * deliverable with its name, size, SHA-256 and receipt id.
   */
  public static String hash(MilestoneView m, String kind, List<Deliverable> files) {
    return hash(m, kind, files, List.of());
  }

  /**
   * The document with the previews offered with the milestone (listed only when there are any, so
   * documents without previews keep the hash they always had).
   */
  public static String hash(
      MilestoneView m, String kind, List<Deliverable> files, List<DeliveredWork.Previewed> shown) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("kind", kind);
    doc.put("project", m.projectId().toString());
    doc.put("milestone", m.id().toString());
    doc.put("name", m.name());
    doc.put("amountMinor", m.amount().amountMinor());
    doc.put("currency", m.amount().currency());
    doc.put("state", m.state().name());
    doc.put("deliverables", evidenceOf(files));
    if (!shown.isEmpty()) {
      doc.put(
          "previews",
          shown.stream()
              .map(
                  p -> {
                    Map<String, Object> e = new LinkedHashMap<>();
                    e.put("preview", p.previewId().toString());
                    e.put("name", p.name());
                    e.put("kind", p.kind());
                    return e;
                  })
              .toList());
    }
    return EvidenceChain.sha256(CanonicalJson.write(doc));
  }

  public static List<Map<String, Object>> evidenceOf(List<Deliverable> files) {
    return files.stream()
        .map(
            f -> {
              Map<String, Object> e = new LinkedHashMap<>();
              e.put("artifact", f.artifactId().toString());
              e.put("name", f.name());
              e.put("size", f.size());
              e.put("sha256", f.sha256());
              e.put("receiptSha256", f.receiptSha256());
              return e;
            })
        .toList();
  }
}
