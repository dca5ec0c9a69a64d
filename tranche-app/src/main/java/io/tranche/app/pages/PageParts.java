package io.tranche.app.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.tranche.app.platform.Actor;
import io.tranche.app.platform.AssetVersions;
import io.tranche.app.platform.CurrentActor;
import io.tranche.app.project.StopWork;
import io.tranche.app.workspace.ClientView;
import io.tranche.core.workspace.Workspace;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The parts every page shares, rendered by jte: the head, the console's and the portal's header, a
 * project's tabs with its stop-work notice, and the missing-address notice. jte pages include them
 * as templates; Thymeleaf pages take them from here ({@code th:with="part=${@parts.head(title)}"
 * th:utext="${part}"} in {@code fragments.html}), so each part has one source.
 */
@Component("parts")
public class PageParts {
  private static final String CSS = "/css/tranche.css";
  private static final String JS = "/js/forms.js";

  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(null, ContentType.Html, PageParts.class.getClassLoader());
  private final StopWork stopWork;
  private final String css;
  private final String js;

  PageParts(AssetVersions assets, StopWork stopWork) {
    this.stopWork = stopWork;
    this.css = CSS + "?v=" + assets.version(CSS);
    this.js = JS + "?v=" + assets.version(JS);
  }

  /** Renders a template (e.g. {@code console/project.jte}) as UTF-8 bytes. */
  Utf8ByteOutput render(String template, Map<String, Object> params) {
    Utf8ByteOutput out = new Utf8ByteOutput();
    engine.render(template, params, out);
    return out;
  }

  /** What a template needs of its request: links, the versioned assets, the CSRF token. */
  public Page page(HttpServletRequest request) {
    String contextPath = request.getContextPath();
    return new Page(
        contextPath,
        (CsrfToken) request.getAttribute(CsrfToken.class.getName()),
        contextPath + css,
        contextPath + js);
  }

  /**
   * The stop-work notice of a project for the signed-in person (the page itself checked that they
   * may see the project), or none.
   */
  public @Nullable String stopWork(UUID projectId, boolean vendor) {
    return CurrentActor.get()
        .flatMap(actor -> stopWork.of(actor.workspaceId(), projectId))
        .map(pause -> pause.notice(vendor))
        .orElse(null);
  }

  /** The page's {@code <head>}. */
  public String head(String title) {
    return part("parts/head.jte", "title", title);
  }

  /** The console's header, the section shown marked. */
  public String consoleHeader(Workspace workspace, Actor actor, @Nullable String section) {
    return part(
        "parts/consoleHeader.jte",
        "workspace",
        workspace,
        "actor",
        actor,
        "section",
        section == null ? "" : section);
  }

  /** The portal's header. */
  public String portalHeader(Workspace workspace, Actor actor) {
    return part("parts/portalHeader.jte", "workspace", workspace, "actor", actor);
  }

  /** A project's tabs ({@code base} is /console or /portal), after its stop-work notice if any. */
  public String projectNav(String base, UUID projectId, @Nullable String path) {
    return part(
        "parts/projectNav.jte",
        "base",
        base,
        "projectId",
        projectId,
        "path",
        path == null ? "" : path,
        "notice",
        stopWork(projectId, base.equals("/console")));
  }

  /** The notice that a client has no address yet, or nothing when they have one. */
  public String missingAddress(ClientView client) {
    return part("parts/missingAddress.jte", "client", client);
  }

  private String part(String template, @Nullable Object... namesAndValues) {
    Map<String, @Nullable Object> params = new HashMap<>();
    params.put("page", page(currentRequest()));
    for (int i = 0; i < namesAndValues.length; i += 2) {
      params.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> rendered = (Map<String, Object>) (Map<String, ?>) params;
    return new String(render(template, rendered).toByteArray(), StandardCharsets.UTF_8);
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
        .getRequest();
  }
}
