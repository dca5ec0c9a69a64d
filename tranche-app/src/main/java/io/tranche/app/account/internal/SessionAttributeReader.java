package io.tranche.app.account.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * Reads session attributes back from the database without deserializing the same bytes on every
 * request. Every signed-in page reads the person's security context from their session row, and
 * Java deserialization of it was about a tenth of a page's time. The stored bytes are the key, so a
 * hit is exactly what deserializing them would give; a changed session (a new sign-in, a new CSRF
 * token) has new bytes and misses.
 *
 * <p>Only values nobody changes after sign-in are shared: the authentication inside a security
 * context (each read gets its own {@link SecurityContextImpl} around it, since signing out clears
 * the context it holds) and CSRF tokens. Anything else is deserialized on every read, as before. At
 * most {@link #MAX_ENTRIES} are kept, each for {@link #IDLE} after its last use. {@link
 * ThrottledSessions} puts it in front of the session repository.
 */
final class SessionAttributeReader implements Converter<byte[], Object> {
  static final long MAX_ENTRIES = 10_000;
  static final Duration IDLE = Duration.ofMinutes(30);

  private final DeserializingConverter deserializer;
  private final Cache<Bytes, Object> known =
      Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterAccess(IDLE).build();

  SessionAttributeReader() {
    this(SessionAttributeReader.class.getClassLoader());
  }

  SessionAttributeReader(@Nullable ClassLoader classLoader) {
    this.deserializer = new DeserializingConverter(classLoader);
  }

  @Override
  public Object convert(byte[] source) {
    Bytes key = new Bytes(source);
    Object shared = known.getIfPresent(key);
    if (shared == null) {
      Object read = deserializer.convert(source);
      if (!shareable(read)) {
        return read;
      }
      known.put(key, read);
      shared = read;
    }
    return shared instanceof SecurityContext context
        ? new SecurityContextImpl(context.getAuthentication())
        : shared;
  }

  private static boolean shareable(Object read) {
    return read instanceof SecurityContextImpl || read instanceof DefaultCsrfToken;
  }

  /** A byte array as a key: compared by content, its hash computed once. */
  private static final class Bytes {
    private final byte[] bytes;
    private final int hash;

    Bytes(byte[] bytes) {
      this.bytes = bytes;
      this.hash = Arrays.hashCode(bytes);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes other && other.hash == hash && Arrays.equals(other.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
