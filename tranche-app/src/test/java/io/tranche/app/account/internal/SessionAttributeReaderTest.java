package io.tranche.app.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tranche.app.platform.Actor;
import io.tranche.app.platform.ActorKind;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;

class SessionAttributeReaderTest {
  private final SerializingConverter serializer = new SerializingConverter();
  private final SessionAttributeReader reader = new SessionAttributeReader();

  @Test
  void aStoredSecurityContextReadsBackEqualEachTimeInAContextOfItsOwn() {
    byte[] stored = serializer.convert(context("ana@client.test"));

    SecurityContext first = (SecurityContext) reader.convert(stored);
    SecurityContext second = (SecurityContext) reader.convert(stored.clone());

    assertThat(first).isNotSameAs(second);
    assertThat(first.getAuthentication()).isEqualTo(context("ana@client.test").getAuthentication());
    assertThat(second.getAuthentication()).isSameAs(first.getAuthentication());
    // signing out clears the context it holds; the next request of that session still reads its own
    first.setAuthentication(null);
    SecurityContext third = (SecurityContext) reader.convert(stored);
    assertThat(third.getAuthentication()).isEqualTo(second.getAuthentication()).isNotNull();
  }

  @Test
  void otherBytesReadAsWhatTheyHold() {
    byte[] ana = serializer.convert(context("ana@client.test"));
    byte[] bo = serializer.convert(context("bo@client.test"));

    reader.convert(ana);
    SecurityContext read = (SecurityContext) reader.convert(bo);

    assertThat(((Actor) read.getAuthentication().getPrincipal()).email())
        .isEqualTo("bo@client.test");
  }

  @Test
  void csrfTokensAreSharedAndAnythingElseIsReadAfresh() {
    byte[] token = serializer.convert(new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret"));
    assertThat(reader.convert(token)).isSameAs(reader.convert(token));

    ArrayList<String> saved = new ArrayList<>(List.of("/console/quotes/1"));
    byte[] list = serializer.convert(saved);
    Object once = reader.convert(list);
    Object twice = reader.convert(list);
    assertThat(once).isEqualTo(saved).isNotSameAs(twice);
  }

  private static SecurityContext context(String email) {
    Actor contact =
        new Actor(
            ActorKind.CONTACT,
            UUID.nameUUIDFromBytes(email.getBytes()),
            UUID.nameUUIDFromBytes("w".getBytes()),
            email,
            false);
    return new SecurityContextImpl(
        UsernamePasswordAuthenticationToken.authenticated(
            contact, null, List.of(new SimpleGrantedAuthority("ROLE_CONTACT"))));
  }
}
