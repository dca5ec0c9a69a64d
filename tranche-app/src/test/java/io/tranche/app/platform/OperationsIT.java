package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.tranche.app.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class OperationsIT extends IntegrationTest {

  @Test
  void healthIsUpWithTheDatabaseChecked() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.db.status").value("UP"));
  }

  /** Requests are timed; no long-task timer of requests in flight is kept beside them. */
  @Test
  void exposesPrometheusMetrics() throws Exception {
    HttpResponse<Void> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                HttpResponse.BodyHandlers.discarding());
    assertThat(page.statusCode()).isEqualTo(200);
    mvc.perform(get("/actuator/prometheus"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("jvm_memory_used_bytes")))
        .andExpect(content().string(containsString("http_server_requests_seconds_count{")))
        .andExpect(content().string(not(containsString("http_server_requests_active"))));
  }

  @Test
  void documentsTheApiWithTokenAuthAndWithoutInternalParameters() throws Exception {
    String doc =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/v1/projects'].post").exists())
            .andExpect(
                jsonPath("$.paths['/api/v1/milestones/{milestoneId}/transitions'].post").exists())
            .andExpect(jsonPath("$.paths['/api/v1/clients/{clientId}/contacts'].get").exists())
            .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(doc)
        .doesNotContain("{\"name\":\"actor\"")
        .doesNotContain("/console")
        .doesNotContain("/portal");
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString("https://"))));
  }

  @Test
  void givesEveryResponseACorrelationId() throws Exception {
    mvc.perform(get("/actuator/health")).andExpect(header().exists("X-Request-Id"));
  }

  @Test
  void answersUnknownApiPathsWithAProblem() throws Exception {
    mvc.perform(get("/api/v1/nothing-here"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("auth.unauthenticated"));
  }

  /**
   * A signed-in API client gets a problem, not Spring Boot's error JSON, for a request no route
   * takes; a page keeps the page's own answer.
   */
  @Test
  void answersWhatNoApiRouteTakesWithAProblem() throws Exception {
    String token = "Bearer " + fixtures.world("unrouted").apiToken();
    mvc.perform(get("/api/v1/nothing-here").header("Authorization", token))
        .andExpect(status().isNotFound())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.code").value("resource.not-found"));
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/v1/projects")
                .header("Authorization", token))
        .andExpect(status().isMethodNotAllowed())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(header().string("Allow", containsString("GET")))
        .andExpect(jsonPath("$.code").value("request.method-not-allowed"))
        .andExpect(jsonPath("$.instance").value("/api/v1/projects"));
    // the API speaks JSON only: no XML, and no YAML written by Jackson 2 from the classpath
    for (String other : new String[] {"application/xml", "application/yaml", "text/xml"}) {
      mvc.perform(get("/api/v1/projects").header("Authorization", token).header("Accept", other))
          .andExpect(status().isNotAcceptable())
          .andExpect(header().string("Content-Type", "application/problem+json"))
          .andExpect(jsonPath("$.code").value("request.not-acceptable"));
    }
    // a page path is not the API's: Spring's own answer there
    mvc.perform(get("/css/nothing-here.css"))
        .andExpect(status().isNotFound())
        .andExpect(content().string(not(containsString("resource.not-found"))));
  }
}
