package io.tranche.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Tranche server. {@code --demo} also seeds a demo workspace and prints its logins. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TrancheApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrancheApplication.class, args);
  }
}
