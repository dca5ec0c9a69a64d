package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives console and portal pages the path they were asked for ({@code path}), and the console
 * section it belongs to ({@code section}), so the header and a project's tabs mark the one shown
 * ({@code aria-current}). They are request attributes, set before the handler runs: templates read
 * them like model attributes, a redirect does not carry them, and a page rendered after an error
 * has them too. (As {@code @ModelAttribute} methods of a controller advice, Spring built their
 * invocation anew on every request: 2 % of a project page.)
 */
@Component
class PagePath implements WebMvcConfigurer {
  static final String PATH = "path";
  static final String SECTION = "section";

  private static final java.util.Set<String> SECTIONS =
      java.util.Set.of("clients", "invoices", "receivables", "settings", "tokens", "mailbox");

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(
            new HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  HttpServletRequest request, HttpServletResponse response, Object handler) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                request.setAttribute(PATH, path);
                request.setAttribute(SECTION, section(path));
                return true;
              }
            })
        .addPathPatterns("/console", "/console/**", "/portal", "/portal/**");
  }

  /** The console's section of a path: its first segment after /console, or projects. */
  static String section(String path) {
    String[] parts = path.split("/");
    String first = parts.length > 2 ? parts[2] : "";
    return SECTIONS.contains(first) ? first : "projects";
  }
}
