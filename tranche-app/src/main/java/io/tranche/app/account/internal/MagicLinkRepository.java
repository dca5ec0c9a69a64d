package io.tranche.app.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code magic_link} table. */
@Repository
public class MagicLinkRepository {
  private final JdbcClient jdbc;

  MagicLinkRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(UUID contactId, String tokenHash, Instant at, Instant expiresAt) {
    insert(contactId, tokenHash, at, expiresAt, null);
  }

  /**
   * A link that, once used, lands on {@code landing} (a portal path) instead of the portal home.
   */
  public void insert(
      UUID contactId,
      String tokenHash,
      Instant at,
      Instant expiresAt,
      @org.jspecify.annotations.Nullable String landing) {
    jdbc.sql(
            """
            insert into magic_link (id, contact_id, token_hash, created_at, expires_at, landing)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            UUID.randomUUID(),
            contactId,
            tokenHash,
            Timestamp.from(at),
            Timestamp.from(expiresAt),
            landing)
        .update();
  }

  /** Where a usable link lands once used, if it names a page. */
  public Optional<String> landing(String tokenHash) {
    return jdbc.sql("select landing from magic_link where token_hash = ? and landing is not null")
        .param(tokenHash)
        .query(String.class)
        .optional();
  }

  /** The workspace a link was sent for, used or expired or not. */
  public Optional<UUID> workspaceOf(String tokenHash) {
    return jdbc.sql(
            """
            select c.workspace_id from magic_link m join contact c on c.id = m.contact_id
            where m.token_hash = ?
            """)
        .param(tokenHash)
        .query(UUID.class)
        .optional();
  }

  public Optional<UUID> usableContact(String tokenHash, Instant now) {
    return jdbc.sql(
            """
            select contact_id from magic_link
            where token_hash = ? and used_at is null and expires_at > ?
            """)
        .params(tokenHash, Timestamp.from(now))
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .optional();
  }

  /** Marks a token used; true only for the one caller that used it. */
  public boolean markUsed(String tokenHash, Instant now) {
    return jdbc.sql(
                """
                update magic_link set used_at = ?
                where token_hash = ? and used_at is null and expires_at > ?
                """)
            .params(Timestamp.from(now), tokenHash, Timestamp.from(now))
            .update()
        == 1;
  }
}
