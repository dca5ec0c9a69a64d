package io.tranche.app.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * What a jte template needs of its request: links under the application's context path, the
 * versioned stylesheet and script, and the CSRF token every form posts (Thymeleaf adds that field
 * by itself; jte templates add it with {@code @template.parts.csrf(page = page)}).
 */
public record Page(String contextPath, @Nullable CsrfToken csrf, String css, String js) {
  /** A link to a path of the application, e.g. {@code /console}. */
  public String url(String path) {
    return contextPath + path;
  }

  /** A link with one query parameter, its value encoded. */
  public String url(String path, String name, String value) {
    return contextPath + path + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
