package io.tranche.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ErrorsTest {
  private static DomainException of(ErrorKind kind) {
    return new DomainException(
        new ErrorCode(
            "test." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), kind, "x"),
        Map.of());
  }

  @Test
  void aFormShowsItsOwnRefusalsWithTheirStatus() {
    assertThat(Errors.formStatus(of(ErrorKind.INVALID))).isEqualTo(400);
    assertThat(Errors.formStatus(of(ErrorKind.CONFLICT))).isEqualTo(409);
    assertThat(Errors.formStatus(of(ErrorKind.RATE_LIMITED))).isEqualTo(429);
  }

  @Test
  void notFoundAndForbiddenAreNotTurnedIntoAConflict() {
    DomainException missing = Errors.notFound("quote", UUID.randomUUID());
    assertThatThrownBy(() -> Errors.formStatus(missing)).isSameAs(missing);
    DomainException forbidden = of(ErrorKind.FORBIDDEN);
    assertThatThrownBy(() -> Errors.formStatus(forbidden)).isSameAs(forbidden);
  }

  @Test
  void everyKindHasOneStatus() {
    for (ErrorKind kind : ErrorKind.values()) {
      assertThat(Errors.httpStatus(kind)).isBetween(400, 499);
    }
  }
}
