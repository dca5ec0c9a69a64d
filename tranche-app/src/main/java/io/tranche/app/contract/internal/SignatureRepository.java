package io.tranche.app.contract.internal;

import io.tranche.app.contract.SignatureView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code signature} and {@code document_view} tables. */
@Repository
public class SignatureRepository {
  private final JdbcClient jdbc;

  SignatureRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void recordView(
      UUID workspaceId, String kind, UUID documentId, String hash, String viewer, Instant at) {
    jdbc.sql(
            """
            insert into document_view (id, workspace_id, document_kind, document_id, document_hash, viewer, viewed_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(UUID.randomUUID(), workspaceId, kind, documentId, hash, viewer, Timestamp.from(at))
        .update();
  }

  public boolean hasViewed(UUID workspaceId, UUID documentId, String hash, String viewer) {
    return jdbc.sql(
                """
                select count(*) from document_view
                where workspace_id = ? and document_id = ? and document_hash = ? and viewer = ?
                """)
            .params(workspaceId, documentId, hash, viewer)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Whether {@code role} signed the document with this id. */
  public boolean signed(UUID workspaceId, UUID documentId, String role) {
    return jdbc.sql(
                "select count(*) from signature where workspace_id = ? and document_id = ? and signer_role = ?")
            .params(workspaceId, documentId, role)
            .query(Long.class)
            .single()
        > 0;
  }

  public long views(UUID workspaceId, UUID documentId) {
    return jdbc.sql("select count(*) from document_view where workspace_id = ? and document_id = ?")
        .params(workspaceId, documentId)
        .query(Long.class)
        .single();
  }

  /** Stores a signature; false if that role already signed that document. */
  public boolean insert(
      UUID workspaceId, UUID projectId, String kind, UUID documentId, SignatureView s) {
    try {
      jdbc.sql(
              """
              insert into signature (id, workspace_id, project_id, document_kind, document_id,
                                     document_hash, signer, signer_email, signer_role, typed_name,
                                     consent_text, ip, user_agent, signed_at)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              UUID.randomUUID(),
              workspaceId,
              projectId,
              kind,
              documentId,
              s.documentHash(),
              s.signer(),
              s.signerEmail(),
              s.role(),
              s.typedName(),
              s.consentText(),
              s.ip(),
              s.userAgent(),
              Timestamp.from(s.signedAt()))
          .update();
      return true;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public List<SignatureView> of(UUID workspaceId, List<UUID> documentIds) {
    if (documentIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "select * from signature where workspace_id = :workspace and document_id in (:ids) order by signed_at")
        .param("workspace", workspaceId)
        .param("ids", documentIds)
        .query((rs, i) -> signature(rs))
        .list();
  }

  /** A signature with the kind of document it signed ({@code ACCEPTANCE}, {@code SIGNOFF}…). */
  public record OfKind(String kind, SignatureView signature) {}

  /** The signatures on one document (a part: its acceptance, its sign-off), oldest first. */
  public List<OfKind> ofKinds(UUID workspaceId, UUID documentId) {
    return jdbc.sql(
            "select * from signature where workspace_id = ? and document_id = ? order by signed_at")
        .params(workspaceId, documentId)
        .query((rs, i) -> new OfKind(rs.getString("document_kind"), signature(rs)))
        .list();
  }

  private static SignatureView signature(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SignatureView(
        rs.getString("signer_role"),
        rs.getString("signer"),
        rs.getString("signer_email"),
        rs.getString("typed_name"),
        rs.getString("document_hash"),
        rs.getString("consent_text"),
        rs.getString("ip"),
        rs.getString("user_agent"),
        rs.getTimestamp("signed_at").toInstant());
  }
}
