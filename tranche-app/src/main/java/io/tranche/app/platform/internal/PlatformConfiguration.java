package io.tranche.app.platform.internal;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.CurrentActor;
import io.tranche.app.platform.TokenScope;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The clock every service reads time from, and {@link Actor} as a controller parameter. */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {
  private final ComputeSlots slots;

  PlatformConfiguration(ComputeSlots slots) {
    this.slots = slots;
  }

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  /** Routes requests with {@link LiteralStartHandlerMapping} instead of Spring's own mapping. */
  @Bean
  WebMvcRegistrations literalStartHandlerMapping() {
    return new WebMvcRegistrations() {
      @Override
      public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new LiteralStartHandlerMapping();
      }
    };
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new ActorResolver());
  }

  /**
   * Gives a streaming handler's compute slot back before it runs ({@link ComputeSlots}), and
   * refuses an API route the request's token scope does not include (problem 403).
   */
  @Override
  public void addInterceptors(
      org.springframework.web.servlet.config.annotation.InterceptorRegistry registry) {
    registry.addInterceptor(slots.interceptor());
    registry
        .addInterceptor(
            new org.springframework.web.servlet.HandlerInterceptor() {
              @Override
              public boolean preHandle(
                  jakarta.servlet.http.HttpServletRequest request,
                  jakarta.servlet.http.HttpServletResponse response,
                  Object handler) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                TokenScope.require(
                    TokenScope.needed(request.getMethod(), path), request.getMethod() + " " + path);
                return true;
              }
            })
        .addPathPatterns("/api/**");
  }

  /**
   * JSON, text, bytes and forms only: the XML and YAML converters that libraries on the classpath
   * bring along (JAXB, Jackson 2's YAML) write nothing of ours, yet were asked of every response
   * body while its media type was negotiated. Asking for XML gets a 406 problem as before.
   */
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    converters.removeIf(PlatformConfiguration::speaksOnlyXmlOrYaml);
  }

  static boolean speaksOnlyXmlOrYaml(HttpMessageConverter<?> converter) {
    List<MediaType> types = converter.getSupportedMediaTypes();
    return !types.isEmpty()
        && types.stream()
            .map(MediaType::getSubtype)
            .allMatch(s -> s.equals("xml") || s.endsWith("+xml") || s.contains("yaml"));
  }

  /** Resolves an {@link Actor} parameter from the signed-in principal, or refuses the request. */
  static final class ActorResolver implements HandlerMethodArgumentResolver {
    @Override
    public boolean supportsParameter(MethodParameter parameter) {
      return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Object resolveArgument(
        MethodParameter parameter,
        ModelAndViewContainer mavContainer,
        NativeWebRequest webRequest,
        WebDataBinderFactory binderFactory) {
      return CurrentActor.get()
          .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not signed in"));
    }
  }
}
