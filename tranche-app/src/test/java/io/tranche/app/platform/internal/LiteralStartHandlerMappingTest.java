package io.tranche.app.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPattern;

class LiteralStartHandlerMappingTest {
  @Test
  void aPatternsLiteralStartIsItsWholeSegmentsBeforeTheFirstWildcard() {
    assertThat(LiteralStartHandlerMapping.literalStart("/api/v1/projects/{projectId}"))
        .isEqualTo("/api/v1/projects");
    assertThat(LiteralStartHandlerMapping.literalStart("/portal/p/{token}/**"))
        .isEqualTo("/portal/p");
    // {*path} and ** also match no segment at all: the start stops before their separator
    assertThat(LiteralStartHandlerMapping.literalStart("/docs/{*path}")).isEqualTo("/docs");
    assertThat(LiteralStartHandlerMapping.literalStart("/assets/**")).isEqualTo("/assets");
    // a wildcard inside a segment drops the whole segment
    assertThat(LiteralStartHandlerMapping.literalStart("/files/report-*.pdf")).isEqualTo("/files");
    assertThat(LiteralStartHandlerMapping.literalStart("/files/a?c")).isEqualTo("/files");
    assertThat(LiteralStartHandlerMapping.literalStart("/login")).isEqualTo("/login");
    assertThat(LiteralStartHandlerMapping.literalStart("/console/")).isEqualTo("/console");
    // nothing literal before the wildcard: no start, the route is always asked
    assertThat(LiteralStartHandlerMapping.literalStart("/{*path}")).isEmpty();
    assertThat(LiteralStartHandlerMapping.literalStart("/**")).isEmpty();
    assertThat(LiteralStartHandlerMapping.literalStart("/")).isEmpty();
    assertThat(LiteralStartHandlerMapping.literalStart("")).isEmpty();
  }

  @Test
  void aRouteIsAlwaysAskedWhenOneOfItsPatternsHasNoLiteralStart() {
    assertThat(
            LiteralStartHandlerMapping.starts(
                RequestMappingInfo.paths("/api/v1/projects/{id}", "/{*rest}").build()))
        .isEmpty();
    assertThat(
            LiteralStartHandlerMapping.starts(
                RequestMappingInfo.paths("/api/v1/projects/{id}", "/console/projects").build()))
        .containsExactlyInAnyOrder("/api/v1/projects", "/console/projects");
    // a route without a path is mapped to "" by Spring: always asked
    assertThat(LiteralStartHandlerMapping.starts(RequestMappingInfo.paths().build())).isEmpty();
  }

  @Test
  void aPathCouldMatchOnlyWhenItBeginsWithAStartAsWholeSegments() {
    String[] starts = {"/api/v1/projects", "/console/projects"};
    assertThat(LiteralStartHandlerMapping.couldMatch(starts, "/api/v1/projects/42")).isTrue();
    assertThat(LiteralStartHandlerMapping.couldMatch(starts, "/api/v1/projects")).isTrue();
    assertThat(LiteralStartHandlerMapping.couldMatch(starts, "/console/projects/new")).isTrue();
    assertThat(LiteralStartHandlerMapping.couldMatch(starts, "/api/v1/projectsx/42")).isFalse();
    assertThat(LiteralStartHandlerMapping.couldMatch(starts, "/api/v1/invoices/42")).isFalse();
    assertThat(LiteralStartHandlerMapping.couldMatch(starts, "/")).isFalse();
    // a route without starts is always asked
    assertThat(LiteralStartHandlerMapping.couldMatch(new String[0], "/anything")).isTrue();
  }

  @Test
  void routesAreKeyedByTheFirstSegmentsOfTheirStart() {
    assertThat(LiteralStartHandlerMapping.prefix("/api/v1/projects/42/disputes", 3))
        .isEqualTo("/api/v1/projects");
    assertThat(LiteralStartHandlerMapping.prefix("/api/v1/projects/42", 2)).isEqualTo("/api/v1");
    assertThat(LiteralStartHandlerMapping.prefix("/api/v1/projects", 1)).isEqualTo("/api");
    // a path with fewer segments is its own prefix
    assertThat(LiteralStartHandlerMapping.prefix("/console", 3)).isEqualTo("/console");
    assertThat(LiteralStartHandlerMapping.prefix("/console/", 1)).isEqualTo("/console");
    assertThat(LiteralStartHandlerMapping.prefix("/console/", 2)).isEqualTo("/console/");
    assertThat(LiteralStartHandlerMapping.prefix("/", 1)).isEqualTo("/");
  }

  @Test
  void onlyARouteWithAPatternMatchingThePathIsAskedWithAllItsConditions() {
    PathPattern[] project =
        LiteralStartHandlerMapping.patterns(
            RequestMappingInfo.paths("/api/v1/projects/{projectId}").build());
    assertThat(project).hasSize(1);
    assertThat(LiteralStartHandlerMapping.anyMatches(project, path("/api/v1/projects/42")))
        .isTrue();
    // same start, other route: passed over before its method, produces and consumes are asked
    assertThat(
            LiteralStartHandlerMapping.anyMatches(project, path("/api/v1/projects/42/milestones")))
        .isFalse();
    assertThat(LiteralStartHandlerMapping.anyMatches(project, path("/api/v1/projects"))).isFalse();
    // matrix variables are not part of a segment's value, as in Spring's own path condition
    assertThat(LiteralStartHandlerMapping.anyMatches(project, path("/api/v1/projects;x=1/42")))
        .isTrue();
    // a route without patterns is always asked
    assertThat(LiteralStartHandlerMapping.anyMatches(new PathPattern[0], path("/anything")))
        .isTrue();
  }

  private static PathContainer path(String path) {
    return PathContainer.parsePath(path);
  }
}
