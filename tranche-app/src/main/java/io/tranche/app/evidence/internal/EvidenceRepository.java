package io.tranche.app.evidence.internal;

import io.tranche.app.platform.Paging;
import io.tranche.core.evidence.Checkpoint;
import io.tranche.core.evidence.EvidenceChain;
import io.tranche.core.evidence.EvidenceEntry;
import io.tranche.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code evidence_head}, {@code evidence_entry} and {@code evidence_checkpoint} tables. */
@Repository
public class EvidenceRepository {
  private final JdbcClient jdbc;
  private final JdbcClient streaming;

  EvidenceRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(500);
    this.streaming = JdbcClient.create(template);
  }

  /**
   * Locks the workspace's chain head for this transaction (creating it on first use) and returns
   * it; empty when the chain has no entry yet. Appends in other transactions wait for the lock.
   */
  public Optional<EvidenceChain.Head> lockHead(UUID workspaceId) {
    jdbc.sql(
            """
            insert into evidence_head (workspace_id, last_seq, last_hash) values (?, 0, ?)
            on conflict do nothing
            """)
        .params(workspaceId, EvidenceChain.GENESIS)
        .update();
    return jdbc.sql(
            "select last_seq, last_hash from evidence_head where workspace_id = ? for update")
        .param(workspaceId)
        .query((rs, i) -> new EvidenceChain.Head(rs.getLong(1), rs.getString(2)))
        .optional()
        .filter(head -> head.sequence() > 0);
  }

  public void append(EvidenceEntry e) {
    jdbc.sql(
            """
            insert into evidence_entry (workspace_id, seq, occurred_at, actor, project_id, type,
                                        payload, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            e.workspaceId().value(),
            e.sequence(),
            Timestamp.from(e.at()),
            e.actor(),
            e.projectId(),
            e.type(),
            e.payload(),
            e.previousHash(),
            e.hash())
        .update();
    jdbc.sql("update evidence_head set last_seq = ?, last_hash = ? where workspace_id = ?")
        .params(e.sequence(), e.hash(), e.workspaceId().value())
        .update();
  }

  /** Every entry of a workspace in sequence order, read in batches; close the stream. */
  public Stream<EvidenceEntry> stream(UUID workspaceId) {
    return streaming
        .sql("select * from evidence_entry where workspace_id = ? order by seq")
        .param(workspaceId)
        .query((rs, i) -> entry(rs))
        .stream();
  }

  /** A project's entries of the given types, oldest first, at most {@code max}. */
  public List<EvidenceEntry> ofTypes(
      UUID workspaceId, UUID projectId, java.util.Collection<String> types, int max) {
    return jdbc.sql(
            """
            select * from evidence_entry
            where workspace_id = :ws and project_id = :project and type in (:types)
            order by seq limit :max
            """)
        .param("ws", workspaceId)
        .param("project", projectId)
        .param("types", types)
        .param("max", max)
        .query((rs, i) -> entry(rs))
        .list();
  }

  public List<EvidenceEntry> page(UUID workspaceId, @Nullable UUID projectId, Paging paging) {
    String filter = projectId == null ? "" : " and project_id = :project";
    var spec =
        jdbc.sql(
                "select * from evidence_entry where workspace_id = :ws"
                    + filter
                    + " order by seq desc limit :limit offset :offset")
            .param("ws", workspaceId)
            .param("limit", paging.size())
            .param("offset", paging.offset());
    if (projectId != null) {
      spec = spec.param("project", projectId);
    }
    return spec.query((rs, i) -> entry(rs)).list();
  }

  public long count(UUID workspaceId, @Nullable UUID projectId) {
    return projectId == null
        ? jdbc.sql("select count(*) from evidence_entry where workspace_id = ?")
            .param(workspaceId)
            .query(Long.class)
            .single()
        : jdbc.sql("select count(*) from evidence_entry where workspace_id = ? and project_id = ?")
            .params(workspaceId, projectId)
            .query(Long.class)
            .single();
  }

  /** Stores a checkpoint unless one exists at that sequence. */
  public void insert(Checkpoint c) {
    jdbc.sql(
            """
            insert into evidence_checkpoint (workspace_id, seq, chain_hash, signed_at, signature)
            values (?, ?, ?, ?, ?) on conflict do nothing
            """)
        .params(
            c.workspaceId().value(),
            c.sequence(),
            c.chainHash(),
            Timestamp.from(c.at()),
            c.signature())
        .update();
  }

  public List<Checkpoint> checkpoints(UUID workspaceId) {
    return jdbc.sql("select * from evidence_checkpoint where workspace_id = ? order by seq")
        .param(workspaceId)
        .query(
            (rs, i) ->
                new Checkpoint(
                    new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                    rs.getLong("seq"),
                    rs.getString("chain_hash"),
                    rs.getTimestamp("signed_at").toInstant(),
                    rs.getString("signature")))
        .list();
  }

  public Optional<Long> lastCheckpoint(UUID workspaceId) {
    return jdbc.sql("select max(seq) from evidence_checkpoint where workspace_id = ?")
        .param(workspaceId)
        .query((rs, i) -> (Long) rs.getObject(1, Long.class))
        .optional();
  }

  /** Workspaces whose log grew since their last checkpoint. */
  public List<UUID> workspacesNeedingCheckpoint() {
    return jdbc.sql(
            """
            select h.workspace_id from evidence_head h
            where h.last_seq > coalesce(
              (select max(c.seq) from evidence_checkpoint c where c.workspace_id = h.workspace_id), 0)
            """)
        .query((rs, i) -> rs.getObject(1, UUID.class))
        .list();
  }

  private static EvidenceEntry entry(ResultSet rs) throws SQLException {
    return new EvidenceEntry(
        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
        rs.getLong("seq"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"),
        rs.getObject("project_id", UUID.class),
        rs.getString("type"),
        rs.getString("payload"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
