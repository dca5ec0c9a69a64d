package io.tranche.app.invoice.internal;

import io.tranche.app.workspace.SettingsService;
import io.tranche.app.workspace.WorkspaceSettings;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How to pay a workspace, as it really applies: a transfer to its bank details when they are set,
 * and online in the client portal only when online payment is offered.
 */
@Component
public class PaymentInstructions {
  private final SettingsService settings;
  private final boolean onlinePayment;

  PaymentInstructions(
      SettingsService settings,
      // the same setting that turns Stripe Checkout on: online payment is offered only with it
      @Value("${tranche.stripe.secret-key:}") String stripeKey) {
    this.settings = settings;
    this.onlinePayment = !stripeKey.isBlank();
  }

  public String of(UUID workspaceId) {
    return of(settings.settings(workspaceId));
  }

  /** How to pay a workspace with these settings. */
  public String of(WorkspaceSettings s) {
    String transfer =
        s.bankDetails() == null
            ? "Bank transfer: ask " + s.name() + " for the account details."
            : "Bank transfer to:\n" + s.bankDetails();
    return onlinePayment ? transfer + "\nOr pay online in the client portal." : transfer;
  }
}
