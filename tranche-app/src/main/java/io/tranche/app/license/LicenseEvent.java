package io.tranche.app.license;

import io.tranche.app.platform.Evidenced;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What happens to licences, each kept as evidence. */
public sealed interface LicenseEvent extends Evidenced {

  /** A licence was issued (on a release, or by a member). */
  record Issued(
      UUID workspaceId,
      UUID projectId,
      String actor,
      UUID licenseId,
      @Nullable UUID milestoneId,
      String edition,
      String tokenSha256)
      implements LicenseEvent {
    @Override
    public String evidenceType() {
      return "license.issued";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields(
          "license",
          licenseId.toString(),
          "milestone",
          milestoneId == null ? "" : milestoneId.toString(),
          "edition",
          edition,
          "tokenSha256",
          tokenSha256);
    }
  }

  /** A member revoked a licence. */
  record Revoked(UUID workspaceId, UUID projectId, String actor, UUID licenseId, String reason)
      implements LicenseEvent {
    @Override
    public String evidenceType() {
      return "license.revoked";
    }

    @Override
    public Map<String, Object> evidencePayload() {
      return Evidenced.fields("license", licenseId.toString(), "reason", reason);
    }
  }
}
