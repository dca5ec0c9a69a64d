package io.tranche.core.workspace;

import io.tranche.core.error.DomainException;
import io.tranche.core.error.ErrorCode;
import io.tranche.core.error.ErrorKind;
import io.tranche.core.error.Validation;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an invoice must say about a business, vendor or client: its postal address and its VAT or
 * tax id. Both optional (a private client has no tax id); when given, they are kept as written.
 */
public final class BusinessIdentity {
  public static final int ADDRESS_MAX = 500;
  public static final int TAX_ID_MAX = 40;
  public static final ErrorCode BAD_TAX_ID =
      new ErrorCode(
          "validation.bad-tax-id",
          ErrorKind.INVALID,
          "{field} must be a VAT or tax id of letters, digits, spaces, dots, dashes or slashes,"
              + " e.g. DE123456789");
  public static final ErrorCode BAD_VAT_ID =
      new ErrorCode(
          "validation.bad-vat-id",
          ErrorKind.INVALID,
          "{field} {value} is not in the form of a {country} VAT id, e.g. {example}");
  private static final Pattern TAX_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ./-]*");

  private BusinessIdentity() {}

  /** A postal address of up to {@value #ADDRESS_MAX} characters over several lines, or null. */
  public static @Nullable String address(String field, @Nullable String value) {
    String text = Validation.optionalText(field, value, ADDRESS_MAX);
    return text == null ? null : text.replace("\r\n", "\n");
  }

  /**
   * A VAT or tax id such as {@code DE123456789} or {@code GB 123 4567 89}, or null. One that starts
   * with an EU country's VAT prefix must have that country's form ({@link VatIdFormats}).
   */
  public static @Nullable String taxId(String field, @Nullable String value) {
    String text = Validation.optionalText(field, value, TAX_ID_MAX);
    if (text == null) {
      return null;
    }
    if (!TAX_ID.matcher(text).matches()) {
      throw DomainException.field(BAD_TAX_ID, field, Map.of("field", field));
    }
    VatIdFormats.broken(text)
        .ifPresent(
            f -> {
              throw DomainException.field(
                  BAD_VAT_ID,
                  field,
                  Map.of(
                      "field",
                      field,
                      "value",
                      text,
                      "country",
                      f.country(),
                      "example",
                      f.example()));
            });
    return text;
  }
}
