package io.tranche.app.pages;

import io.tranche.app.workspace.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Resolves a controller's {@code "jte:console/project"} to the precompiled template {@code
 * console/project.jte}, ahead of Thymeleaf. The template gets the model, and {@code page} (links,
 * assets, CSRF), {@code parts} and {@code words} besides. The page is rendered whole before a byte
 * is sent, so a failure while rendering still ends in the error page.
 */
@Component
class JteViews implements ViewResolver, Ordered {
  static final String PREFIX = "jte:";
  private static final String HTML = "text/html;charset=UTF-8";

  private final PageParts parts;
  private final Words words;

  JteViews(PageParts parts, Words words) {
    this.parts = parts;
    this.words = words;
  }

  @Override
  public @Nullable View resolveViewName(String viewName, Locale locale) {
    if (!viewName.startsWith(PREFIX)) {
      return null;
    }
    String template = viewName.substring(PREFIX.length()) + ".jte";
    return new View() {
      @Override
      public String getContentType() {
        return HTML;
      }

      @Override
      public void render(
          @Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
          throws IOException {
        Map<String, Object> params = model == null ? new HashMap<>() : new HashMap<>(model);
        // the page's path and console section: request attributes every console and portal page
        // gets (platform's PagePath)
        params.putIfAbsent("path", request.getAttribute("path"));
        params.putIfAbsent("section", request.getAttribute("section"));
        params.put("page", parts.page(request));
        params.put("parts", parts);
        params.put("words", words);
        // one write: the output's own writeTo hands each of its many small chunks to the servlet
        // stream, through every response wrapper of the filter chain, and cost more than rendering
        byte[] page = parts.render(template, params).toByteArray();
        response.setContentType(HTML);
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
      }
    };
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
