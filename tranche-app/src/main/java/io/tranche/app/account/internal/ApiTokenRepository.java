package io.tranche.app.account.internal;

import io.tranche.app.account.ApiTokenView;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorKind;
import io.tranche.app.platform.CrossWorkspace;
import io.tranche.app.platform.TokenScope;
import io.tranche.core.workspace.MemberRole;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code api_token} table. */
@Repository
public class ApiTokenRepository {
  private final JdbcClient jdbc;

  ApiTokenRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public ApiTokenView insert(
      UUID workspaceId,
      UUID memberId,
      String name,
      TokenScope scope,
      String tokenHash,
      Instant at) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into api_token (id, workspace_id, member_id, name, scope, token_hash,
                                   created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(id, workspaceId, memberId, name, scope.name(), tokenHash, Timestamp.from(at))
        .update();
    return new ApiTokenView(id, name, scope, at, null, null);
  }

  public List<ApiTokenView> ofMember(UUID workspaceId, UUID memberId) {
    return jdbc.sql(
            "select * from api_token where workspace_id = ? and member_id = ? order by created_at desc")
        .params(workspaceId, memberId)
        .query(
            (rs, i) ->
                new ApiTokenView(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    TokenScope.valueOf(rs.getString("scope").trim().toUpperCase(Locale.ROOT)),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs.getTimestamp("last_used_at")),
                    instant(rs.getTimestamp("revoked_at"))))
        .list();
  }

  public boolean revoke(UUID workspaceId, UUID id, UUID memberId, Instant at) {
    return jdbc.sql(
                """
                update api_token set revoked_at = ?
                where workspace_id = ? and id = ? and member_id = ? and revoked_at is null
                """)
            .params(Timestamp.from(at), workspaceId, id, memberId)
            .update()
        == 1;
  }

  /** The member a token acts for, as an actor, and the token's scope. */
  public record Holder(Actor actor, TokenScope scope) {}

  /**
   * The member and scope of an active token, noting that it was used. The member is read in the
   * same statement (a token of a member who is gone, or of another workspace than its member's,
   * names no one): this statement runs before every API request, and a second one for the member
   * was a sixth of what an API read cost.
   */
  @CrossWorkspace("an API token is a secret that names its member, who names the workspace")
  public Optional<Holder> activeMember(String tokenHash, Instant at) {
    Optional<Used> token =
        jdbc.sql(
                """
                select t.scope, t.last_used_at, m.id, m.workspace_id, m.email, m.role
                from api_token t join member m
                  on m.id = t.member_id and m.workspace_id = t.workspace_id
                where t.token_hash = ? and t.revoked_at is null
                """)
            .param(tokenHash)
            .query(
                (rs, i) ->
                    new Used(
                        new Holder(
                            new Actor(
                                ActorKind.MEMBER,
                                rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class),
                                rs.getString(5),
                                MemberRole.valueOf(rs.getString(6).trim()) == MemberRole.OWNER),
                            TokenScope.valueOf(rs.getString(1).trim().toUpperCase(Locale.ROOT))),
                        instant(rs.getTimestamp(2))))
            .optional();
    // the last use is kept to the minute: most requests read and write nothing more
    token
        .filter(t -> t.lastUsed() == null || t.lastUsed().isBefore(at.minusSeconds(60)))
        .ifPresent(
            t ->
                jdbc.sql(
                        """
                        update api_token set last_used_at = ?
                        where token_hash = ? and (last_used_at is null or last_used_at < ?)
                        """)
                    .params(Timestamp.from(at), tokenHash, Timestamp.from(at.minusSeconds(60)))
                    .update());
    return token.map(Used::holder);
  }

  private record Used(Holder holder, @Nullable Instant lastUsed) {}

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
