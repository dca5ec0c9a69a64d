package io.tranche.app.invoice;

import io.tranche.app.platform.Evidenced;
import io.tranche.core.money.Money;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A member recorded that credit a client held was paid back to them. */
public record CreditPaidBack(
    UUID workspaceId,
    String actor,
    UUID id,
    UUID clientId,
    Money amount,
    LocalDate paidOn,
    @Nullable String reference)
    implements Evidenced {

  @Override
  public @Nullable UUID projectId() {
    return null;
  }

  @Override
  public String evidenceType() {
    return "credit.paid-back";
  }

  @Override
  public Map<String, Object> evidencePayload() {
    return Evidenced.fields(
        "reference", id.toString(),
        "client", clientId.toString(),
        "amountMinor", amount.amountMinor(),
        "currency", amount.currency().getCurrencyCode(),
        "paidOn", paidOn.toString(),
        "bankReference", reference == null ? "" : reference);
  }
}
