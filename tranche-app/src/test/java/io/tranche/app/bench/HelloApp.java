package io.tranche.app.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yardstick of {@code scripts/bench-pages}: a bare Spring Boot endpoint (Tomcat and Spring MVC
 * only, no security, sessions or database) on the same machine and JVM as Tranche, so page and API
 * figures can be read as a fraction of what the stack itself serves. Not a test.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({
  TomcatServletWebServerAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class
})
public class HelloApp {
  public static void main(String[] args) {
    SpringApplication app = new SpringApplication(HelloApp.class, Hello.class);
    app.setDefaultProperties(
        java.util.Map.of("spring.config.location", "optional:classpath:/none/"));
    app.run(args);
  }

  /** The endpoint: a fixed short text. */
  @RestController
  static class Hello {
    @GetMapping("/hello")
    String hello() {
      return "hello";
    }
  }
}
