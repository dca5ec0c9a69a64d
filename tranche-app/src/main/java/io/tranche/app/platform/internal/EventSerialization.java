package io.tranche.app.platform.internal;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.core.EventSerializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the event publication registry stores an event: its record components only (the fields), read
 * back through the canonical constructor. The API's JSON mapper is strict about unknown fields and
 * would write derived values (a {@code Money}'s {@code negative}, an event's evidence payload) that
 * could not be read back, so a crash's outstanding events could not be re-published.
 */
@Configuration(proxyBeanMethods = false)
class EventSerialization {

  @Bean
  EventSerializer eventSerializer() {
    JsonMapper mapper =
        JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultVisibility(
                v ->
                    v.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
                        .withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                        .withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
            .build();
    return new EventSerializer() {
      @Override
      public Object serialize(Object event) {
        return mapper.writeValueAsString(event);
      }

      @Override
      public <T> T deserialize(Object serialized, Class<T> type) {
        return mapper.readValue(serialized.toString(), type);
      }
    };
  }
}
