package io.tranche.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModulesTest {

  @Test
  void featurePackagesKeepTheirBoundaries() {
    ApplicationModules.of(TrancheApplication.class).verify();
  }
}
