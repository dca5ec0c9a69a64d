package io.tranche.app.webhook;

import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;

/** Error codes of webhook endpoints. */
public final class WebhookErrors {
  public static final ErrorCode BAD_URL =
      new ErrorCode("webhook.bad-url", ErrorKind.INVALID, "the address {problem}");

  public static final ErrorCode UNKNOWN_EVENT =
      new ErrorCode(
          "webhook.unknown-event",
          ErrorKind.INVALID,
          "{field} names {event}, which is not an event Tranche sends; known: {known}");

  private WebhookErrors() {}
}
