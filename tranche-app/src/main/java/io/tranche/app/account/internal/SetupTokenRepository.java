package io.tranche.app.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code setup_token} table: one-time links that create the first workspace owner. */
@Repository
public class SetupTokenRepository {
  private final JdbcClient jdbc;

  SetupTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces any unused setup token with this one. */
  public void replace(String tokenHash, Instant at) {
    jdbc.sql("delete from setup_token where used_at is null").update();
    jdbc.sql("insert into setup_token (token_hash, created_at) values (?, ?)")
        .params(tokenHash, Timestamp.from(at))
        .update();
  }

  public boolean isUsable(String tokenHash) {
    return jdbc.sql("select count(*) from setup_token where token_hash = ? and used_at is null")
            .param(tokenHash)
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean markUsed(String tokenHash, Instant at) {
    return jdbc.sql("update setup_token set used_at = ? where token_hash = ? and used_at is null")
            .params(Timestamp.from(at), tokenHash)
            .update()
        == 1;
  }
}
