package io.tranche.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Gives the application the tests' {@link MutableClock}. */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {
  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock();
  }
}
