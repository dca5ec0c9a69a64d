package io.tranche.app.project.internal;

import io.tranche.app.platform.MoneyJson;
import io.tranche.app.platform.Paging;
import io.tranche.app.project.ProjectOverview;
import io.tranche.app.project.ProjectStage;
import io.tranche.app.project.ProjectView;
import io.tranche.core.money.Money;
import io.tranche.core.project.Project;
import io.tranche.core.project.ProjectId;
import io.tranche.core.project.ProjectType;
import io.tranche.core.workspace.ClientId;
import io.tranche.core.workspace.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code project} and {@code project_contact} tables. */
@Repository
public class ProjectRepository {
  private static final String VIEW =
      """
      select p.*, c.name as client_name,
             (select coalesce(sum(m.amount_minor), 0) from milestone m where m.project_id = p.id)
               as total_minor
      from project p join client c on c.id = p.client_id
      """;

  private final JdbcClient jdbc;

  ProjectRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(Project p, Instant at) {
    jdbc.sql(
            """
            insert into project (id, workspace_id, client_id, name, type, currency,
                                 credit_limit_minor, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        .params(
            p.id().value(),
            p.workspaceId().value(),
            p.clientId().value(),
            p.name(),
            p.type().name(),
            p.currency().getCurrencyCode(),
            p.creditLimit().amountMinor(),
            Timestamp.from(at))
        .update();
  }

  public void update(Project p) {
    jdbc.sql(
            "update project set name = ?, type = ?, credit_limit_minor = ? where workspace_id = ? and id = ?")
        .params(
            p.name(),
            p.type().name(),
            p.creditLimit().amountMinor(),
            p.workspaceId().value(),
            p.id().value())
        .update();
  }

  /** A project of the workspace; none of another workspace's, whatever the id. */
  public Optional<Project> find(UUID workspaceId, UUID id) {
    return jdbc.sql("select * from project where workspace_id = ? and id = ?")
        .params(workspaceId, id)
        .query(ProjectRepository::project)
        .optional();
  }

  public List<ProjectView> viewsOfWorkspace(UUID workspaceId, Paging paging) {
    return withContacts(
        jdbc.sql(
                VIEW
                    + " where p.workspace_id = ? order by p.created_at desc, p.id limit ? offset ?")
            .params(workspaceId, paging.size(), paging.offset())
            .query((rs, i) -> view(rs))
            .list());
  }

  /** A client's projects, newest first. */
  public List<ProjectView> viewsOfClient(UUID workspaceId, UUID clientId, Paging paging) {
    return withContacts(
        jdbc.sql(
                VIEW
                    + " where p.workspace_id = ? and p.client_id = ?"
                    + " order by p.created_at desc, p.id limit ? offset ?")
            .params(workspaceId, clientId, paging.size(), paging.offset())
            .query((rs, i) -> view(rs))
            .list());
  }

  public long countOfWorkspace(UUID workspaceId) {
    return jdbc.sql("select count(*) from project where workspace_id = ?")
        .param(workspaceId)
        .query(Long.class)
        .single();
  }

  public List<ProjectView> viewsOfContact(UUID workspaceId, UUID contactId, Paging paging) {
    return withContacts(
        jdbc.sql(
                VIEW
                    + """
                     where p.workspace_id = ?
                       and p.id in (select pc.project_id from project_contact pc where pc.contact_id = ?)
                     order by p.created_at desc, p.id limit ? offset ?
                    """)
            .params(workspaceId, contactId, paging.size(), paging.offset())
            .query((rs, i) -> view(rs))
            .list());
  }

  /** The views with their contacts, read in one statement for all of them (not one each). */
  private List<ProjectView> withContacts(List<ProjectView> views) {
    if (views.isEmpty()) {
      return views;
    }
    java.util.Map<UUID, List<UUID>> contacts = new java.util.HashMap<>();
    jdbc.sql(
            "select project_id, contact_id from project_contact where project_id in (:ids)"
                + " order by contact_id")
        .param("ids", views.stream().map(ProjectView::id).toList())
        .query(
            rs -> {
              contacts
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new java.util.ArrayList<>())
                  .add(rs.getObject(2, UUID.class));
            });
    return views.stream()
        .map(v -> v.withContacts(contacts.getOrDefault(v.id(), List.of())))
        .toList();
  }

  public long countOfContact(UUID contactId) {
    return jdbc.sql("select count(*) from project_contact where contact_id = ?")
        .param(contactId)
        .query(Long.class)
        .single();
  }

  /**
   * Whether a caller may see the project: it is in their workspace and, for a contact, they are one
   * of its contacts (one statement; anything else is answered "not found").
   */
  public boolean visible(UUID workspaceId, UUID projectId, boolean contact, UUID actorId) {
    return jdbc.sql(
                """
                select count(*) from project p where p.workspace_id = ? and p.id = ?
                  and (? = false or exists (select 1 from project_contact c
                                            where c.project_id = p.id and c.contact_id = ?))
                """)
            .params(workspaceId, projectId, contact, actorId)
            .query(Long.class)
            .single()
        > 0;
  }

  public boolean isContact(UUID projectId, UUID contactId) {
    return jdbc.sql("select count(*) from project_contact where project_id = ? and contact_id = ?")
            .params(projectId, contactId)
            .query(Long.class)
            .single()
        > 0;
  }

  public int taxRate(UUID workspaceId, UUID projectId) {
    return jdbc.sql("select tax_rate_bp from project where workspace_id = ? and id = ?")
        .params(workspaceId, projectId)
        .query(Integer.class)
        .single();
  }

  public void setTaxRate(UUID workspaceId, UUID projectId, int basisPoints) {
    jdbc.sql("update project set tax_rate_bp = ? where workspace_id = ? and id = ?")
        .params(basisPoints, workspaceId, projectId)
        .update();
  }

  public List<String> contactEmails(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select c.email from contact c join project_contact pc on pc.contact_id = c.id
            where c.workspace_id = ? and pc.project_id = ? order by c.email
            """)
        .params(workspaceId, projectId)
        .query(String.class)
        .list();
  }

  public void addContact(UUID projectId, UUID contactId) {
    if (!isContact(projectId, contactId)) {
      jdbc.sql("insert into project_contact (project_id, contact_id) values (?, ?)")
          .params(projectId, contactId)
          .update();
    }
  }

  public void removeContact(UUID projectId, UUID contactId) {
    jdbc.sql("delete from project_contact where project_id = ? and contact_id = ?")
        .params(projectId, contactId)
        .update();
  }

  /** The project's stage, if it exists in the workspace. */
  public Optional<ProjectStage> stage(UUID workspaceId, UUID projectId) {
    return jdbc.sql(
            """
            select p.*, w.time_zone from project p join workspace w on w.id = p.workspace_id
            where p.workspace_id = ? and p.id = ?
            """)
        .params(workspaceId, projectId)
        .query((rs, i) -> stage(rs))
        .optional();
  }

  /** The project's view, contacts and stage, if it exists in the workspace (one statement). */
  public Optional<ProjectOverview> overview(UUID workspaceId, UUID projectId) {
    List<UUID> contacts = new java.util.ArrayList<>();
    List<ProjectOverview> found = new java.util.ArrayList<>(1);
    // a row per contact (one without a contact for a project that has none)
    jdbc.sql(
            """
            select p.*, c.name as client_name, w.time_zone, pc.contact_id,
                   (select coalesce(sum(m.amount_minor), 0) from milestone m
                    where m.project_id = p.id) as total_minor
            from project p join client c on c.id = p.client_id
                 join workspace w on w.id = p.workspace_id
                 left join project_contact pc on pc.project_id = p.id
            where p.workspace_id = ? and p.id = ?
            order by pc.contact_id
            """)
        .params(workspaceId, projectId)
        .query(
            rs -> {
              if (found.isEmpty()) {
                found.add(new ProjectOverview(view(rs), stage(rs)));
              }
              UUID contact = rs.getObject("contact_id", UUID.class);
              if (contact != null) {
                contacts.add(contact);
              }
            });
    return found.stream()
        .findFirst()
        .map(o -> new ProjectOverview(o.project().withContacts(contacts), o.stage()));
  }

  private static ProjectStage stage(ResultSet rs) throws SQLException {
    return new ProjectStage(
        instant(rs, "contract_signed_at"),
        rs.getInt("review_days"),
        rs.getInt("modification_days"),
        instant(rs, "signed_off_at"),
        instant(rs, "window_ends_at"),
        instant(rs, "window_closed_at"),
        java.time.ZoneId.of(rs.getString("time_zone")));
  }

  /**
   * Records a completed contract's terms; the first one also marks the plan as signed. Returns
   * whether this was the first.
   */
  public boolean contractSigned(
      UUID workspaceId, UUID projectId, Instant at, int reviewDays, int modificationDays) {
    jdbc.sql(
            "update project set review_days = ?, modification_days = ? where workspace_id = ? and id = ?")
        .params(reviewDays, modificationDays, workspaceId, projectId)
        .update();
    return jdbc.sql(
                """
                update project set contract_signed_at = ?
                where workspace_id = ? and id = ? and contract_signed_at is null
                """)
            .params(Timestamp.from(at), workspaceId, projectId)
            .update()
        == 1;
  }

  /** Records the sign-off once; returns whether this call did it. */
  public boolean signOff(UUID workspaceId, UUID projectId, Instant at, Instant windowEnds) {
    return jdbc.sql(
                """
                update project set signed_off_at = ?, window_ends_at = ?
                where workspace_id = ? and id = ? and signed_off_at is null
                """)
            .params(Timestamp.from(at), Timestamp.from(windowEnds), workspaceId, projectId)
            .update()
        == 1;
  }

  /** Records the close of a modification window once; returns whether this call did it. */
  public boolean closeWindow(UUID workspaceId, UUID projectId, Instant at) {
    return jdbc.sql(
                """
                update project set window_closed_at = ?
                where workspace_id = ? and id = ? and window_ends_at is not null
                  and window_closed_at is null
                """)
            .params(Timestamp.from(at), workspaceId, projectId)
            .update()
        == 1;
  }

  /** Projects (workspace, project) whose modification window ended by {@code now} but is open. */
  public List<UUID[]> windowsToClose(Instant now) {
    return jdbc.sql(
            """
            select workspace_id, id from project
            where window_ends_at is not null and window_ends_at <= ? and window_closed_at is null
            order by window_ends_at limit 500
            """)
        .param(Timestamp.from(now))
        .query((rs, i) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
        .list();
  }

  private static @org.jspecify.annotations.Nullable Instant instant(ResultSet rs, String column)
      throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private ProjectView view(ResultSet rs) throws SQLException {
    Project p = project(rs, 0);
    return new ProjectView(
        p.id().value(),
        p.clientId().value(),
        rs.getString("client_name"),
        p.name(),
        p.type(),
        p.currency().getCurrencyCode(),
        MoneyJson.of(p.creditLimit()),
        MoneyJson.of(new Money(rs.getLong("total_minor"), p.currency())),
        List.of());
  }

  private static Project project(ResultSet rs, int i) throws SQLException {
    Currency currency = Currency.getInstance(rs.getString("currency").trim());
    return new Project(
        new ProjectId(rs.getObject("id", UUID.class)),
        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
        new ClientId(rs.getObject("client_id", UUID.class)),
        rs.getString("name"),
        ProjectType.valueOf(rs.getString("type")),
        currency,
        new Money(rs.getLong("credit_limit_minor"), currency));
  }
}
