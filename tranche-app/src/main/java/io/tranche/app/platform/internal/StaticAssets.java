package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The stylesheet and scripts, linked with their content's version so that browsers keep them.
 *
 * <p>Pages link {@code /css/tranche.css?v=<version>} ({@code ${@assets.version('/css/…')}} in a
 * template), the version being the start of the file's SHA-256. A request that names the current
 * version may be kept for a year without asking again ({@code immutable}): another release changes
 * the content, so the version, so the URL. Any other request (no version, an old one) gets {@code
 * no-cache}: a browser may keep the file but asks whether it changed (304 by its Last-Modified).
 * Until now Spring Security's default {@code no-store} applied to these files too, so every page
 * view downloaded them again.
 *
 * <p>These two folders are served by a handler of their own whose resource chain remembers where
 * each file is, instead of finding it in the nested jar on every request. Spring Boot's global
 * resource chain stays off (see application.properties): its URL filter would look up every link of
 * every page.
 */
@Component("assets")
class StaticAssets implements WebMvcConfigurer, io.tranche.app.platform.AssetVersions {
  static final String[] FOLDERS = {"css", "js"};
  static final CacheControl KEEP =
      CacheControl.maxAge(365, TimeUnit.DAYS).cachePublic().immutable();
  static final CacheControl ASK = CacheControl.noCache();

  /** Version by path ("/css/tranche.css"), of every file in the folders above. */
  private final Map<String, String> versions;

  StaticAssets() {
    this(versionsOn("classpath:/static/"));
  }

  StaticAssets(Map<String, String> versions) {
    this.versions = Map.copyOf(versions);
  }

  @Override
  public String version(String path) {
    String version = versions.get(path);
    if (version == null) {
      throw new IllegalArgumentException(
          "no static file " + path + " (known: " + versions.keySet() + ")");
    }
    return version;
  }

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    for (String folder : FOLDERS) {
      registry
          .addResourceHandler("/" + folder + "/**")
          .addResourceLocations("classpath:/static/" + folder + "/")
          .resourceChain(true);
    }
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    HandlerInterceptor cacheControl =
        new HandlerInterceptor() {
          @Override
          public boolean preHandle(
              HttpServletRequest request, HttpServletResponse response, Object handler) {
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String asked = request.getParameter("v");
            boolean current = asked != null && asked.equals(versions.get(path));
            response.setHeader(HttpHeaders.CACHE_CONTROL, (current ? KEEP : ASK).getHeaderValue());
            return true;
          }
        };
    String[] patterns = new String[FOLDERS.length];
    for (int i = 0; i < FOLDERS.length; i++) {
      patterns[i] = "/" + FOLDERS[i] + "/**";
    }
    registry.addInterceptor(cacheControl).addPathPatterns(patterns);
  }

  /**
   * Versions of the files in {@link #FOLDERS} under a location such as {@code classpath:/static/}.
   */
  static Map<String, String> versionsOn(String location) {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    Map<String, String> versions = new TreeMap<>();
    try {
      for (String folder : FOLDERS) {
        for (Resource file : resolver.getResources(location + folder + "/**/*")) {
          if (!file.isReadable()) {
            continue; // a folder
          }
          String url = file.getURL().toString();
          String path = url.substring(url.lastIndexOf("/" + folder + "/"));
          versions.put(path, versionOf(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return versions;
  }

  private static String versionOf(Resource file) throws IOException {
    try (InputStream in = file.getInputStream()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
