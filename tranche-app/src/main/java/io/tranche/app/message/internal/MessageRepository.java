package io.tranche.app.message.internal;

import io.tranche.app.message.MessageView;
import io.tranche.app.platform.Paging;
import io.tranche.app.storage.StoredBlob;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code message} and {@code attachment} tables. */
@Repository
public class MessageRepository {
  private final JdbcClient jdbc;

  MessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An attachment row. */
  public record StoredAttachment(
      UUID id,
      UUID workspaceId,
      UUID projectId,
      String fileName,
      String contentType,
      long size,
      String blobKey) {}

  public void insert(UUID workspaceId, MessageView m, List<StoredBlob> blobs) {
    jdbc.sql(
            """
            insert into message (id, workspace_id, project_id, author, author_email, body, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            m.id(),
            workspaceId,
            m.projectId(),
            m.author(),
            m.authorEmail(),
            m.body(),
            Timestamp.from(m.createdAt()))
        .update();
    for (int i = 0; i < m.attachments().size(); i++) {
      MessageView.AttachmentView a = m.attachments().get(i);
      jdbc.sql(
              """
              insert into attachment (id, workspace_id, project_id, message_id, file_name,
                                      content_type, size_bytes, sha256, blob_key)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?)
              """)
          .params(
              a.id(),
              workspaceId,
              m.projectId(),
              m.id(),
              a.fileName(),
              a.contentType(),
              a.size(),
              a.sha256(),
              blobs.get(i).key())
          .update();
    }
  }

  public List<MessageView> page(UUID workspaceId, UUID projectId, Paging paging) {
    Map<UUID, MessageView> messages = new LinkedHashMap<>();
    jdbc.sql(
            """
            select * from message where workspace_id = ? and project_id = ?
            order by created_at, id limit ? offset ?
            """)
        .params(workspaceId, projectId, paging.size(), paging.offset())
        .query(
            (rs, i) ->
                new MessageView(
                    rs.getObject("id", UUID.class),
                    projectId,
                    rs.getString("author"),
                    rs.getString("author_email"),
                    rs.getString("body"),
                    rs.getTimestamp("created_at").toInstant(),
                    List.of()))
        .list()
        .forEach(m -> messages.put(m.id(), m));
    if (messages.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<MessageView.AttachmentView>> byMessage = new LinkedHashMap<>();
    jdbc.sql(
            "select * from attachment where workspace_id = ? and project_id = ? order by file_name")
        .params(workspaceId, projectId)
        .query(
            rs -> {
              UUID message = rs.getObject("message_id", UUID.class);
              if (messages.containsKey(message)) {
                byMessage
                    .computeIfAbsent(message, k -> new ArrayList<>())
                    .add(
                        new MessageView.AttachmentView(
                            rs.getObject("id", UUID.class),
                            rs.getString("file_name"),
                            rs.getString("content_type"),
                            rs.getLong("size_bytes"),
                            rs.getString("sha256")));
              }
            });
    return messages.values().stream()
        .map(
            m ->
                new MessageView(
                    m.id(),
                    m.projectId(),
                    m.author(),
                    m.authorEmail(),
                    m.body(),
                    m.createdAt(),
                    byMessage.getOrDefault(m.id(), List.of())))
        .toList();
  }

  public long count(UUID workspaceId, UUID projectId) {
    return jdbc.sql("select count(*) from message where workspace_id = ? and project_id = ?")
        .params(workspaceId, projectId)
        .query(Long.class)
        .single();
  }

  public Optional<StoredAttachment> attachment(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from attachment where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(
            (rs, i) ->
                new StoredAttachment(
                    rs.getObject("id", UUID.class),
                    rs.getObject("workspace_id", UUID.class),
                    rs.getObject("project_id", UUID.class),
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getLong("size_bytes"),
                    rs.getString("blob_key")))
        .optional();
  }
}
