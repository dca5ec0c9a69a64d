package io.tranche.app.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.app.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The application's routes are found through {@link LiteralStartHandlerMapping}, and every route is
 * still reached: a path made from each pattern of each route is mapped to that route.
 */
class RoutingIT extends IntegrationTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping routes;

  @Autowired ConfigurableApplicationContext context;

  @Test
  void requestsAreMappedWithTheLiteralStartCheck() {
    assertThat(routes).isInstanceOf(LiteralStartHandlerMapping.class);
  }

  /**
   * The routes that send files (attachments, PDFs, artifacts, preview files, licence tokens, the
   * logo) give their compute slot back before they stream; console and portal pages keep theirs.
   */
  @Test
  void fileRoutesGiveTheirComputeSlotBackAndPagesDoNot() {
    List<String> streaming = new ArrayList<>();
    List<String> pages = new ArrayList<>();
    routes
        .getHandlerMethods()
        .forEach(
            (info, handler) -> {
              if (!info.getMethodsCondition().getMethods().isEmpty()
                  && !info.getMethodsCondition()
                      .getMethods()
                      .contains(org.springframework.web.bind.annotation.RequestMethod.GET)) {
                return;
              }
              String route = info.getPathPatternsCondition().getPatternValues().toString();
              (ComputeSlots.streams(handler) ? streaming : pages).add(route);
            });
    assertThat(streaming)
        .contains(
            "[/downloads/{token}]",
            "[/console/attachments/{attachmentId}]",
            "[/portal/attachments/{attachmentId}]",
            "[/api/v1/invoices/{invoiceId}/pdf]",
            "[/preview/{pass}/**]");
    assertThat(pages)
        .contains(
            "[/console/projects/{projectId}]",
            "[/portal/projects/{projectId}]",
            "[/api/v1/projects/{projectId}]")
        .noneMatch(route -> route.endsWith("/pdf]"));
  }

  @Test
  void everyRouteIsReachedByAPathMadeFromItsPattern() throws Exception {
    List<String> missed = new ArrayList<>();
    int asked = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> route :
        routes.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = route.getKey();
      for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
        MockHttpServletRequest request = request(info, example(pattern.getPatternString()));
        HandlerExecutionChain chain = routes.getHandler(request);
        Object found = chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
        if (!route.getValue().getMethod().equals(found)) {
          missed.add(request.getMethod() + " " + request.getRequestURI() + " -> " + found);
        }
        asked++;
      }
    }
    assertThat(asked).as("routes asked").isGreaterThan(150);
    assertThat(missed).isEmpty();
  }

  @Test
  void awkwardPathsAreMappedAsSpringsOwnMappingMapsThem() throws Exception {
    RequestMappingHandlerMapping plain = new RequestMappingHandlerMapping();
    plain.setApplicationContext(context);
    plain.setContentNegotiationManager(routes.getContentNegotiationManager());
    plain.setEmbeddedValueResolver(context.getBeanFactory()::resolveEmbeddedValue);
    plain.afterPropertiesSet();
    List<String> differ = new ArrayList<>();
    int asked = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> route :
        routes.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = route.getKey();
      for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
        for (String path : awkward(pattern.getPatternString())) {
          String ours = outcome(routes, request(info, path));
          String spring = outcome(plain, request(info, path));
          if (!ours.equals(spring)) {
            differ.add(path + ": ours " + ours + ", Spring's " + spring);
          }
          asked++;
        }
      }
    }
    assertThat(asked).isGreaterThan(1000);
    assertThat(differ).isEmpty();
  }

  /** Paths near a pattern's example that a literal-start check could get wrong. */
  private static List<String> awkward(String pattern) {
    String path = example(pattern);
    int second = path.indexOf('/', 1);
    int last = path.lastIndexOf('/');
    List<String> paths = new ArrayList<>();
    paths.add(path + "/");
    paths.add(path.toUpperCase(java.util.Locale.ROOT));
    paths.add(path + "x");
    paths.add(path.replaceAll("/(a/b|x1)$", ""));
    if (second > 0) {
      paths.add(path.substring(0, second) + ";jsessionid=1" + path.substring(second));
      paths.add(path.substring(0, second) + "/" + path.substring(second));
      paths.add(path.substring(0, second) + "%2F" + path.substring(second + 1));
      paths.add(
          path.substring(0, second + 1)
              + "%"
              + Integer.toHexString(path.charAt(second + 1))
              + path.substring(second + 2));
    }
    if (last > 0) {
      paths.add(path.substring(0, last) + "/.." + path.substring(last));
    }
    return paths;
  }

  /** The handler method a mapping picks for a request, or the refusal it answers with. */
  private static String outcome(
      RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
    try {
      HandlerExecutionChain chain = mapping.getHandler(request);
      return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().toString();
    } catch (Exception e) {
      return e.getClass().getSimpleName();
    }
  }

  @Test
  void aPathWithPercentEscapesIsMatchedAsSpringMatchesIt() throws Exception {
    // "pr%6Fjects" is "projects" once decoded, which is what a pattern's segments are matched with
    MockHttpServletRequest plain = plainGet("/console/projects/x1");
    MockHttpServletRequest escaped = plainGet("/console/pr%6Fjects/x1");
    assertThat(handler(escaped)).isNotNull().isEqualTo(handler(plain));
    assertThat(handler(plainGet("/console/projectsx/x1"))).isNull();
  }

  @Test
  void aKnownPathAskedWithAnotherMethodIsStillRefusedAsSpringRefusesIt() {
    MockHttpServletRequest request = new MockHttpServletRequest("PATCH", "/console/projects/x1");
    ServletRequestPathUtils.parseAndCache(request);
    assertThatThrownBy(() -> routes.getHandler(request))
        .isInstanceOf(HttpRequestMethodNotSupportedException.class);
  }

  @Test
  void noEventIsPublishedAfterEachRequest() throws Exception {
    List<ServletRequestHandledEvent> events = new ArrayList<>();
    ApplicationListener<ServletRequestHandledEvent> listener = events::add;
    context.addApplicationListener(listener);
    try {
      // the server's own dispatcher (MockMvc's is built apart from the application's settings)
      HttpResponse<Void> page =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(baseUrl() + "/login")).build(),
                  HttpResponse.BodyHandlers.discarding());
      assertThat(page.statusCode()).isEqualTo(200);
    } finally {
      context.removeApplicationListener(listener);
    }
    assertThat(events).isEmpty();
  }

  private Object handler(MockHttpServletRequest request) throws Exception {
    HandlerExecutionChain chain = routes.getHandler(request);
    return chain == null ? null : ((HandlerMethod) chain.getHandler()).getMethod();
  }

  private static MockHttpServletRequest plainGet(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    ServletRequestPathUtils.parseAndCache(request);
    return request;
  }

  /** A request the route's conditions accept: its first method, media types, params, headers. */
  private static MockHttpServletRequest request(RequestMappingInfo info, String path) {
    String method =
        info.getMethodsCondition().getMethods().stream()
            .map(Enum::name)
            .sorted()
            .findFirst()
            .orElse("GET");
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    info.getConsumesCondition().getConsumableMediaTypes().stream()
        .findFirst()
        .ifPresent(type -> request.setContentType(type.toString()));
    info.getProducesCondition().getProducibleMediaTypes().stream()
        .findFirst()
        .ifPresent(type -> request.addHeader("Accept", type.toString()));
    info.getParamsCondition().getExpressions().stream()
        .filter(e -> !e.isNegated())
        .forEach(e -> request.addParameter(e.getName(), e.getValue() == null ? "1" : e.getValue()));
    info.getHeadersCondition().getExpressions().stream()
        .filter(e -> !e.isNegated())
        .forEach(e -> request.addHeader(e.getName(), e.getValue() == null ? "1" : e.getValue()));
    ServletRequestPathUtils.parseAndCache(request);
    return request;
  }

  /** A path the pattern matches: each variable "x1", each wildcard one or two segments. */
  static String example(String pattern) {
    return pattern
        .replaceAll("\\{\\*[^}]+}", "a/b")
        .replaceAll("\\{[^}]+}", "x1")
        .replace("**", "a/b")
        .replace("*", "a")
        .replace("?", "a");
  }
}
