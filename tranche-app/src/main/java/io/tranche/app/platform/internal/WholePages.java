package io.tranche.app.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafView;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Pages go out as one answer with a {@code Content-Length}. Thymeleaf renders a page whole
 * (application.properties turns partial output off) and then flushes the response, which committed
 * it as chunked: one write for the page and another for the closing chunk. Here its flush is left
 * to the container, which sends a page that fits {@link #BUFFER_BYTES} in one write when the
 * request ends; a larger page is sent in pieces as before.
 */
@Configuration(proxyBeanMethods = false)
class WholePages {
  /** The response buffer of a page: most pages fit. */
  static final int BUFFER_BYTES = 32 * 1024;

  @Bean
  static BeanPostProcessor wholePageViews() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof ThymeleafViewResolver resolver) {
          resolver.setViewClass(View.class);
        }
        return bean;
      }
    };
  }

  /** Thymeleaf's view, whose final flush does not commit the response. */
  public static class View extends ThymeleafView {
    @Override
    public void render(
        @Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
        throws Exception {
      if (!response.isCommitted()) {
        response.setBufferSize(BUFFER_BYTES);
      }
      super.render(model, request, new Unflushed(response));
    }
  }

  private static final class Unflushed extends HttpServletResponseWrapper {
    private @Nullable PrintWriter writer;

    Unflushed(HttpServletResponse response) {
      super(response);
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        writer =
            new PrintWriter(super.getWriter()) {
              @Override
              public void flush() {
                // the container sends the page when the request ends
              }
            };
      }
      return writer;
    }
  }
}
