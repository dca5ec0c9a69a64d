package io.tranche.app.workspace.internal;

import io.tranche.app.platform.CrossWorkspace;
import io.tranche.app.platform.Paging;
import io.tranche.core.workspace.Client;
import io.tranche.core.workspace.ClientId;
import io.tranche.core.workspace.Contact;
import io.tranche.core.workspace.ContactId;
import io.tranche.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code client} and {@code contact} tables. */
@Repository
public class ClientRepository {
  private final JdbcClient jdbc;

  ClientRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Client c, Instant at) {
    jdbc.sql(
            """
            insert into client (id, workspace_id, name, billing_email, address, tax_id, created_at)
            values (?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.id().value(),
            c.workspaceId().value(),
            c.name(),
            c.billingEmail(),
            c.address(),
            c.taxId(),
            Timestamp.from(at))
        .update();
  }

  public void update(Client c) {
    jdbc.sql(
            """
            update client set name = ?, billing_email = ?, address = ?, tax_id = ?
            where workspace_id = ? and id = ?
            """)
        .params(
            c.name(),
            c.billingEmail(),
            c.address(),
            c.taxId(),
            c.workspaceId().value(),
            c.id().value())
        .update();
  }

  public Optional<Client> client(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from client where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(ClientRepository::client)
        .optional();
  }

  public List<Client> clients(UUID workspaceId, Paging paging) {
    return jdbc.sql(
            "select * from client where workspace_id = ? order by name, id limit ? offset ?")
        .params(workspaceId, paging.size(), paging.offset())
        .query(ClientRepository::client)
        .list();
  }

  public long countClients(UUID workspaceId) {
    return jdbc.sql("select count(*) from client where workspace_id = ?")
        .param(workspaceId)
        .query(Long.class)
        .single();
  }

  public void insert(Contact c, Instant at) {
    jdbc.sql(
            """
            insert into contact (id, workspace_id, client_id, name, email, created_at)
            values (?, ?, ?, ?, ?, ?)
            """)
        .params(
            c.id().value(),
            c.workspaceId().value(),
            c.clientId().value(),
            c.name(),
            c.email(),
            Timestamp.from(at))
        .update();
  }

  public void update(Contact c) {
    jdbc.sql("update contact set name = ?, email = ? where workspace_id = ? and id = ?")
        .params(c.name(), c.email(), c.workspaceId().value(), c.id().value())
        .update();
  }

  public Optional<Contact> contact(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from contact where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(ClientRepository::contact)
        .optional();
  }

  /** The contact a signed-in client's session names, in whichever workspace it is. */
  @CrossWorkspace("a signed-in contact's session names the contact, which names the workspace")
  public Optional<Contact> contactOfSession(UUID id) {
    return jdbc.sql("select * from contact where id = ?")
        .param(id)
        .query(ClientRepository::contact)
        .optional();
  }

  public Optional<Contact> contactByEmail(UUID workspaceId, UUID clientId, String email) {
    return jdbc.sql("select * from contact where workspace_id = ? and client_id = ? and email = ?")
        .params(workspaceId, clientId, email)
        .query(ClientRepository::contact)
        .optional();
  }

  @CrossWorkspace("a sign-in by address looks for the address in every workspace's contacts")
  public List<Contact> contactsByEmail(String email) {
    return jdbc.sql("select * from contact where email = ? order by created_at limit 20")
        .param(email)
        .query(ClientRepository::contact)
        .list();
  }

  public List<Contact> contacts(UUID workspaceId, UUID clientId, Paging paging) {
    return jdbc.sql(
            """
            select * from contact where workspace_id = ? and client_id = ?
            order by name, id limit ? offset ?
            """)
        .params(workspaceId, clientId, paging.size(), paging.offset())
        .query(ClientRepository::contact)
        .list();
  }

  /** The contacts of a workspace's clients, by client then name, in one statement. */
  public List<Contact> contactsOfWorkspace(UUID workspaceId, int limit) {
    return jdbc.sql(
            "select * from contact where workspace_id = ? order by client_id, name, id limit ?")
        .params(workspaceId, limit)
        .query(ClientRepository::contact)
        .list();
  }

  public long countContacts(UUID workspaceId, UUID clientId) {
    return jdbc.sql("select count(*) from contact where workspace_id = ? and client_id = ?")
        .params(workspaceId, clientId)
        .query(Long.class)
        .single();
  }

  private static Client client(ResultSet rs, int i) throws SQLException {
    return new Client(
        new ClientId(rs.getObject("id", UUID.class)),
        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
        rs.getString("name"),
        rs.getString("billing_email"),
        rs.getString("address"),
        rs.getString("tax_id"));
  }

  private static Contact contact(ResultSet rs, int i) throws SQLException {
    return new Contact(
        new ContactId(rs.getObject("id", UUID.class)),
        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
        new ClientId(rs.getObject("client_id", UUID.class)),
        rs.getString("name"),
        rs.getString("email"));
  }
}
