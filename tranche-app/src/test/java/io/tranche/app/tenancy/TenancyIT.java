package io.tranche.app.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import io.tranche.app.platform.Actor;
import io.tranche.app.support.Fixtures;
import io.tranche.app.support.Fixtures.World;
import io.tranche.app.support.IntegrationTest;
import io.tranche.app.support.Sessions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Walks every route the application registers (read from Spring's handler mappings, not a list kept
 * by hand) as an outsider — anonymous, a member of another workspace, a client contact of another
 * project in the same workspace — and proves that none gets the victim's data and that nothing in
 * the database changes.
 */
class TenancyIT extends IntegrationTest {
  /** Routes anyone may call; they are walked too, and must not leak either. */
  private static final Set<String> PUBLIC =
      Set.of(
          "/",
          "/login",
          "/setup",
          "/portal/login",
          "/portal/magic",
          "/error",
          "/v3/api-docs",
          "/v3/api-docs.yaml",
          "/v3/api-docs/swagger-config",
          "/swagger-ui.html");

  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  @Autowired io.tranche.app.invoice.CreditNotes creditNotes;
  @Autowired io.tranche.app.preview.PreviewUploads previewService;
  @Autowired io.tranche.app.webhook.WebhookEndpoints webhooks;

  /** A one-page site whose page names the client (a secret the walk looks for). */
  private static byte[] site(String secret) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
      zip.putNextEntry(new java.util.zip.ZipEntry("index.html"));
      zip.write(
          ("<html><body>" + secret + "</body></html>")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return bytes.toByteArray();
  }

  @Autowired io.tranche.app.license.internal.LicenseIssuer licenseIssuer;
  @Autowired io.tranche.app.artifact.ArtifactService artifactService;

  @org.springframework.beans.factory.annotation.Autowired
  io.tranche.app.artifact.ArtifactDownloads downloads;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  record Route(HttpMethod method, String pattern) {}

  record Outsider(
      String name, java.util.function.UnaryOperator<MockHttpServletRequestBuilder> as) {}

  @Test
  void everyRouteGivesOutsidersNoDataAndChangesNothing() throws Exception {
    World victim = fixtures.world("victim");
    World otherWorkspace = fixtures.world("outsider");
    World otherProject = fixtures.sibling(victim, "neighbour");
    Fixtures.Agreements agreements = fixtures.agreements(victim);

    Map<String, UUID> ids = new LinkedHashMap<>();
    ids.put("clientId", victim.client().id());
    ids.put("contactId", victim.contact().id());
    ids.put("projectId", victim.project().id());
    ids.put("milestoneId", victim.milestones().get(0).id());
    ids.put("tokenId", victim.apiTokenId());
    ids.put("attachmentId", agreements.attachmentId());
    ids.put("meetingId", agreements.meetingId());
    ids.put("quoteId", agreements.quoteId());
    ids.put("contractId", agreements.contractId());
    ids.put("invoiceId", fixtures.invoice(victim));
    ids.put("paymentId", fixtures.payment(victim, ids.get("invoiceId")));
    UUID credited = fixtures.invoice(victim);
    creditNotes.issue(
        victim.owner(), credited, io.tranche.core.money.Money.parse("1.00", "EUR"), "Tenancy");
    ids.put(
        "creditNoteId",
        jdbc.sql("select id from credit_note where invoice_id = ?")
            .param(credited)
            .query(UUID.class)
            .single());
    jdbc.sql("update project set type = 'DESKTOP' where id = ?")
        .param(victim.project().id())
        .update();
    ids.put(
        "licenseId",
        licenseIssuer
            .issueFor(
                victim.owner().workspaceId(),
                victim.project().id(),
                victim.milestones().get(1).id())
            .orElseThrow());
    ids.put(
        "previewId",
        previewService
            .upload(
                victim.owner(),
                victim.milestones().get(1).id(),
                "Preview of " + victim.tag(),
                new java.io.ByteArrayInputStream(site(victim.client().name())))
            .id());
    ids.put(
        "endpointId",
        webhooks.create(victim.owner(), "http://127.0.0.1:9/hook", null).endpoint().id());
    fixtures.invoice(victim); // its invoice.issued delivery waits in the outbox
    ids.put(
        "deliveryId",
        jdbc.sql("select id from webhook_delivery where workspace_id = ?")
            .param(victim.owner().workspaceId())
            .query(UUID.class)
            .list()
            .get(0));
    var artifact = fixtures.submittedArtifact(victim);
    ids.put("artifactId", artifact.id());
    ids.put("token", UUID.randomUUID());
    // a preview pass is a bearer secret (PreviewIT covers who gets one): an unknown one finds
    // nothing
    ids.put("pass", UUID.randomUUID());
    UUID request = UUID.randomUUID();
    jdbc.sql(
            """
            insert into modification_request (id, workspace_id, project_id, number, what,
                location, expected, filed_by, filed_at, in_window, kind, status, version,
                updated_at)
            values (?, ?, ?, 1, ?, 'Home', 'Bigger', 'contact:x', current_timestamp, true,
                    null, 'OPEN', 0, current_timestamp)
            """)
        .params(
            request,
            victim.owner().workspaceId(),
            victim.project().id(),
            "Modification of " + victim.tag())
        .update();
    ids.put("requestId", request);
    String dataKey = downloads.dataKey(victim.owner(), artifact.id());

    List<String> secrets =
        List.of(
            victim.client().name(),
            victim.client().id().toString(),
            victim.contact().email(),
            victim.contact().id().toString(),
            victim.project().name(),
            victim.project().id().toString(),
            victim.milestones().get(0).id().toString(),
            victim.milestones().get(2).id().toString(),
            victim.contact().name(),
            "Requirements for " + victim.tag(),
            "Notes " + victim.tag(),
            "Scope of " + victim.tag(),
            "Modification of " + victim.tag(),
            "brief " + victim.tag(),
            "build of " + victim.tag(),
            "build-" + victim.tag(),
            artifact.plaintextSha256(),
            artifact.keyCommitment(),
            dataKey);

    List<Route> routes = routes();
    assertThat(routes)
        .as("the walk must see the API, console and portal routes")
        .contains(
            new Route(HttpMethod.GET, "/api/v1/projects/{projectId}"),
            new Route(HttpMethod.POST, "/api/v1/milestones/{milestoneId}/transitions"),
            new Route(HttpMethod.GET, "/console/projects/{projectId}"),
            new Route(HttpMethod.GET, "/portal/projects/{projectId}"));

    // The markers are real: the victim's own owner and contact do see them.
    assertThat(
            send(
                    HttpMethod.GET,
                    "/api/v1/projects/" + victim.project().id(),
                    bearer(victim.apiToken()))
                .getContentAsString())
        .contains(victim.project().name());
    assertThat(
            send(
                    HttpMethod.GET,
                    "/portal/projects/" + victim.project().id(),
                    session(victim.contactActor()))
                .getContentAsString())
        .contains(victim.project().name());

    List<Outsider> outsiders =
        List.of(
            new Outsider("anonymous", r -> r),
            new Outsider(
                "member of another workspace",
                r ->
                    session(otherWorkspace.owner())
                        .apply(bearer(otherWorkspace.apiToken()).apply(r))),
            new Outsider("contact of another project", session(otherProject.contactActor())));

    String before = snapshot();
    List<String> failures = new ArrayList<>();
    for (Outsider outsider : outsiders) {
      for (Route route : routes) {
        String path = fill(route.pattern(), ids);
        MockHttpServletResponse response = send(route.method(), path, outsider.as());
        String body = response.getContentAsString();
        int status = response.getStatus();
        String where = outsider.name() + " " + route.method() + " " + path + " -> " + status;
        for (String secret : secrets) {
          if (path.contains(secret)) {
            continue; // echoing the id the caller sent (e.g. "no project with id …") tells nothing
          }
          if (body.contains(secret)
              || String.valueOf(response.getRedirectedUrl()).contains(secret)) {
            failures.add(where + " leaks '" + secret + "'");
          }
        }
        boolean refused = status == 401 || status == 403 || status == 404;
        // the sign-in page may carry the requested page itself (?next=), to return to it
        boolean sentToSignIn =
            status == 302
                && response.getRedirectedUrl() != null
                && response
                    .getRedirectedUrl()
                    .replace("?next=" + path, "")
                    .matches(".*/(portal/)?login$");
        boolean hasVariable = route.pattern().contains("{");
        if (hasVariable && !refused && !sentToSignIn && !PUBLIC.contains(route.pattern())) {
          failures.add(where + ": an outsider reached another's resource");
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(snapshot()).as("nothing changed in the database").isEqualTo(before);
  }

  private List<Route> routes() {
    Set<Route> routes = new java.util.LinkedHashSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      Set<String> patterns = info.getPatternValues();
      for (String pattern : patterns) {
        if (methods.isEmpty()) {
          routes.add(new Route(HttpMethod.GET, pattern));
          routes.add(new Route(HttpMethod.POST, pattern));
        } else {
          for (RequestMethod m : methods) {
            routes.add(new Route(HttpMethod.valueOf(m.name()), pattern));
          }
        }
      }
    }
    return List.copyOf(routes);
  }

  private static String fill(String pattern, Map<String, UUID> ids) {
    Matcher m = VARIABLE.matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).replaceAll("[:*].*", "");
      UUID id = ids.get(name);
      if (id == null) {
        throw new AssertionError(
            "TenancyIT has no fixture id for {" + name + "} in " + pattern + ": add one to 'ids'");
      }
      m.appendReplacement(out, id.toString());
    }
    m.appendTail(out);
    return out.toString();
  }

  private MockHttpServletResponse send(
      HttpMethod method,
      String path,
      java.util.function.UnaryOperator<MockHttpServletRequestBuilder> as)
      throws Exception {
    MockHttpServletRequestBuilder request = request(method, path).with(csrf());
    if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
      request =
          path.startsWith("/api/")
              ? request.contentType(MediaType.APPLICATION_JSON).content("{}")
              : request.contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }
    return mvc.perform(as.apply(request)).andReturn().getResponse();
  }

  private static java.util.function.UnaryOperator<MockHttpServletRequestBuilder> bearer(
      String token) {
    return r -> r.header("Authorization", "Bearer " + token);
  }

  private static java.util.function.UnaryOperator<MockHttpServletRequestBuilder> session(
      Actor actor) {
    return r -> r.with(authentication(Sessions.of(actor)));
  }

  /** Every application table's rows, minus columns that only record use or mail delivery. */
  private String snapshot() {
    StringBuilder out = new StringBuilder();
    for (String table :
        new TreeSet<>(
            List.of(
                "workspace",
                "member",
                "client",
                "contact",
                "project",
                "project_contact",
                "milestone",
                "milestone_transition",
                "modification_request",
                "quote",
                "signature",
                "magic_link",
                "artifact",
                "artifact_release",
                "download_token",
                "setup_token"))) {
      out.append(table)
          .append(": ")
          .append(jdbc.sql("select * from " + table + " order by 1").query().listOfRows())
          .append('\n');
    }
    out.append("api_token: ")
        .append(
            jdbc.sql("select id, name, token_hash, revoked_at from api_token order by id")
                .query()
                .listOfRows())
        .append("\nmail_outbox: ")
        .append(
            jdbc.sql("select id, recipient, subject from mail_outbox order by id")
                .query()
                .listOfRows());
    return out.toString();
  }
}
