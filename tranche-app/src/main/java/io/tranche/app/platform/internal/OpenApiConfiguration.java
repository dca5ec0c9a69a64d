package io.tranche.app.platform.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tranche.app.platform.Actor;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at {@code /v3/api-docs}: API token auth, and no internal parameters. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  static {
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.class);
  }

  @Bean
  OpenAPI trancheOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Tranche API")
                .version("v1")
                .description(
                    "Clients, projects and milestones of a workspace. Authenticate with an API"
                        + " token (console → API tokens) as 'Authorization: Bearer trn_…'. Errors"
                        + " are RFC 9457 problem+json with a stable 'code' and per-field 'errors'."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "apiToken",
                    new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
        .addSecurityItem(new SecurityRequirement().addList("apiToken"));
  }
}
