package io.tranche.app.signing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code workspace_key} table. */
@Repository
public class SigningKeyRepository {
  private final JdbcClient jdbc;

  SigningKeyRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored key pair: the public key in base64 X.509 form and the wrapped private key. */
  public record StoredKey(String publicKey, String privateKeyWrapped) {}

  public Optional<StoredKey> find(UUID workspaceId) {
    return jdbc.sql(
            "select public_key, private_key_wrapped from workspace_key where workspace_id = ?")
        .param(workspaceId)
        .query((rs, i) -> new StoredKey(rs.getString(1), rs.getString(2)))
        .optional();
  }

  /** Stores a key pair unless the workspace already has one (two nodes racing keep the first). */
  public void insertIfAbsent(UUID workspaceId, String publicKey, String wrapped, Instant at) {
    jdbc.sql(
            """
            insert into workspace_key (workspace_id, algorithm, public_key, private_key_wrapped, created_at)
            values (?, 'Ed25519', ?, ?, ?) on conflict do nothing
            """)
        .params(workspaceId, publicKey, wrapped, Timestamp.from(at))
        .update();
  }
}
