package io.tranche.app.account.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions stay in the database (Spring Session JDBC), but a request that changes nothing in its
 * session no longer writes it. Spring Session marks a session changed on every request, since it
 * sets the last access time, so every signed-in page wrote a row (and, on the embedded database,
 * flushed it to disk). Here the last access time is passed on only when it moved by more than
 * {@link #RESOLUTION}: an idle session expires at most that much earlier than its timeout says, and
 * a page that only reads its session reads it. Attribute changes (sign-in, CSRF tokens) are written
 * as before.
 */
@Configuration(proxyBeanMethods = false)
class ThrottledSessions {
  /** How stale a session's stored last access time may be. */
  static final Duration RESOLUTION = Duration.ofSeconds(60);

  /**
   * Spring Boot configures the JDBC repository only while no other session repository exists, so
   * the repository stays as Boot made it and the filter in front of it is the one replaced: same
   * repository, same cookie, sessions that only read are not written back.
   */
  @Bean
  static BeanPostProcessor throttledSessionFilter(
      ObjectProvider<JdbcIndexedSessionRepository> jdbc, ObjectProvider<CookieSerializer> cookies) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof SessionRepositoryFilter<?>)) {
          return bean;
        }
        Repository repository = new Repository(jdbc.getObject());
        SessionRepositoryFilter<Throttled> filter = new OneLoadPerRequest(repository);
        CookieHttpSessionIdResolver resolver = new CookieHttpSessionIdResolver();
        cookies.ifAvailable(resolver::setCookieSerializer);
        filter.setHttpSessionIdResolver(resolver);
        return filter;
      }
    };
  }

  /**
   * The repository Boot made, reading session attributes through a {@link SessionAttributeReader}
   * (writing them as before, with Java serialization).
   */
  @Bean
  static BeanPostProcessor sessionAttributeReading() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JdbcIndexedSessionRepository repository) {
          GenericConversionService conversions = new GenericConversionService();
          conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
          conversions.addConverter(byte[].class, Object.class, new SessionAttributeReader());
          repository.setConversionService(conversions);
        }
        return bean;
      }
    };
  }

  /**
   * The session filter, loading a session once per request: Spring Session looks the requested
   * session up again after saving it (to decide whether to set the cookie), which read the session
   * and its attributes from the database a second time on every signed-in page.
   */
  static final class OneLoadPerRequest extends SessionRepositoryFilter<Throttled> {
    private final Repository repository;

    OneLoadPerRequest(Repository repository) {
      super(repository);
      this.repository = repository;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (repository.loaded.get() != null) {
        super.doFilterInternal(request, response, chain);
        return;
      }
      repository.loaded.set(new HashMap<>());
      try {
        super.doFilterInternal(request, response, chain);
      } finally {
        repository.loaded.remove();
      }
    }
  }

  /** The JDBC repository, handing out sessions whose last access time moves in steps. */
  static final class Repository implements SessionRepository<Throttled> {
    // its sessions' type is not public; the delegate only ever gets back its own sessions
    private final SessionRepository<Session> jdbc;

    /** The sessions this thread's current request loaded, by the id asked for. */
    final ThreadLocal<@Nullable Map<String, Throttled>> loaded = new ThreadLocal<>();

    @SuppressWarnings("unchecked")
    Repository(JdbcIndexedSessionRepository jdbc) {
      this.jdbc = (SessionRepository<Session>) (SessionRepository<?>) jdbc;
    }

    @Override
    public Throttled createSession() {
      return new Throttled(jdbc.createSession());
    }

    @Override
    public void save(Throttled session) {
      jdbc.save(session.delegate);
    }

    @Override
    public @Nullable Throttled findById(String id) {
      Map<String, Throttled> request = loaded.get();
      Throttled known = request == null ? null : request.get(id);
      if (known != null && known.getId().equals(id)) {
        return known;
      }
      Session found = jdbc.findById(id);
      Throttled session = found == null ? null : new Throttled(found);
      if (request != null) {
        if (session == null) {
          request.remove(id);
        } else {
          request.put(id, session);
        }
      }
      return session;
    }

    @Override
    public void deleteById(String id) {
      Map<String, Throttled> request = loaded.get();
      if (request != null) {
        request.values().removeIf(s -> s.getId().equals(id));
        request.remove(id);
      }
      jdbc.deleteById(id);
    }
  }

  /** A stored session whose last access time is passed on only in steps of {@link #RESOLUTION}. */
  static final class Throttled implements Session {
    private final Session delegate;

    Throttled(Session delegate) {
      this.delegate = delegate;
    }

    @Override
    public void setLastAccessedTime(Instant at) {
      if (Duration.between(delegate.getLastAccessedTime(), at).compareTo(RESOLUTION) >= 0) {
        delegate.setLastAccessedTime(at);
      }
    }

    @Override
    public String getId() {
      return delegate.getId();
    }

    @Override
    public String changeSessionId() {
      return delegate.changeSessionId();
    }

    @Override
    public <T> @Nullable T getAttribute(String name) {
      return delegate.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return delegate.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      delegate.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      delegate.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return delegate.getCreationTime();
    }

    @Override
    public Instant getLastAccessedTime() {
      return delegate.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      delegate.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return delegate.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return delegate.isExpired();
    }
  }
}
