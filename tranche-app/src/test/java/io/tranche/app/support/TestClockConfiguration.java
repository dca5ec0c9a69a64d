package io.tranche.app.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives the application the tests' {@link MutableClock}, and wraps its data source in a {@link
 * StatementCounter}.
 */
@TestConfiguration(proxyBeanMethods = false)
class TestClockConfiguration {
  @Bean
  @Primary
  MutableClock testClock() {
    return new MutableClock();
  }

  @Bean
  FlakyReaction flakyReaction() {
    return new FlakyReaction();
  }

  @Bean
  static org.springframework.beans.factory.config.BeanPostProcessor statementCounter() {
    return new org.springframework.beans.factory.config.BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof javax.sql.DataSource ds && !(bean instanceof StatementCounter)
            ? new StatementCounter(ds)
            : bean;
      }
    };
  }
}
