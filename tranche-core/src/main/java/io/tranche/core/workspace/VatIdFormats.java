package io.tranche.core.workspace;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The formats of VAT ids that start with an EU member state's prefix (and Northern Ireland's XI and
 * the United Kingdom's GB), as the EU's VIES service documents them: the prefix, then a fixed
 * pattern of digits and letters. Only the form is checked, not whether the number exists (that
 * needs VIES, which is not reachable from every installation). Spaces, dots and dashes people type
 * between groups are ignored. A tax id that does not start with one of these prefixes (a US EIN, a
 * Swiss UID) is not a VAT id of this table and is left to the general character check.
 */
final class VatIdFormats {
  /** A country's pattern after its prefix, and an example for the refusal's words. */
  record Format(String country, Pattern rest, String example) {}

  /** What people put between a VAT id's characters, compiled once: every client read checks. */
  private static final Pattern SEPARATORS = Pattern.compile("[ .\\-/]");

  private static final Map<String, Format> FORMATS =
      Map.ofEntries(
          format("AT", "Austrian", "U\\d{8}", "ATU12345678"),
          format("BE", "Belgian", "[01]\\d{9}", "BE0123456789"),
          format("BG", "Bulgarian", "\\d{9,10}", "BG123456789"),
          format("CY", "Cypriot", "\\d{8}[A-Z]", "CY12345678X"),
          format("CZ", "Czech", "\\d{8,10}", "CZ12345678"),
          format("DE", "German", "\\d{9}", "DE123456789"),
          format("DK", "Danish", "\\d{8}", "DK12345678"),
          format("EE", "Estonian", "\\d{9}", "EE123456789"),
          format("EL", "Greek", "\\d{9}", "EL123456789"),
          format("GR", "Greek", "\\d{9}", "EL123456789"),
          format("ES", "Spanish", "[A-Z0-9]\\d{7}[A-Z0-9]", "ESX1234567X"),
          format("FI", "Finnish", "\\d{8}", "FI12345678"),
          format("FR", "French", "[A-HJ-NP-Z0-9]{2}\\d{9}", "FR12345678901"),
          format("HR", "Croatian", "\\d{11}", "HR12345678901"),
          format("HU", "Hungarian", "\\d{8}", "HU12345678"),
          format("IE", "Irish", "\\d{7}[A-W][A-I]?|\\d[A-Z+*]\\d{5}[A-W]", "IE1234567WA"),
          format("IT", "Italian", "\\d{11}", "IT12345678901"),
          format("LT", "Lithuanian", "\\d{9}|\\d{12}", "LT123456789"),
          format("LU", "Luxembourg", "\\d{8}", "LU12345678"),
          format("LV", "Latvian", "\\d{11}", "LV12345678901"),
          format("MT", "Maltese", "\\d{8}", "MT12345678"),
          format("NL", "Dutch", "\\d{9}B\\d{2}", "NL123456789B01"),
          format("PL", "Polish", "\\d{10}", "PL1234567890"),
          format("PT", "Portuguese", "\\d{9}", "PT123456789"),
          format("RO", "Romanian", "\\d{2,10}", "RO1234567890"),
          format("SE", "Swedish", "\\d{12}", "SE123456789001"),
          format("SI", "Slovenian", "\\d{8}", "SI12345678"),
          format("SK", "Slovak", "\\d{10}", "SK1234567890"),
          format("XI", "Northern Irish", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}", "XI123456789"),
          format("GB", "UK", "\\d{9}|\\d{12}|GD\\d{3}|HA\\d{3}", "GB123456789"));

  private VatIdFormats() {}

  private static Map.Entry<String, Format> format(
      String prefix, String country, String rest, String example) {
    return Map.entry(prefix, new Format(country, Pattern.compile(rest), example));
  }

  /**
   * The format {@code taxId} breaks: empty when it is not a VAT id of the table (no known prefix
   * followed by a digit) or when it has its country's form.
   */
  static Optional<Format> broken(String taxId) {
    String compact = SEPARATORS.matcher(taxId).replaceAll("").toUpperCase(Locale.ROOT);
    if (compact.length() < 3) {
      return Optional.empty();
    }
    Format format = FORMATS.get(compact.substring(0, 2));
    // a prefix alone is not enough: "DEUTSCHE-STEUER-7" is a name, not a German VAT id
    boolean looksLikeVat =
        format != null
            && (Character.isDigit(compact.charAt(2))
                || compact.startsWith("ATU")
                || compact.startsWith("GBGD")
                || compact.startsWith("GBHA")
                || compact.startsWith("XIGD")
                || compact.startsWith("XIHA"));
    if (!looksLikeVat || format.rest().matcher(compact.substring(2)).matches()) {
      return Optional.empty();
    }
    return Optional.of(format);
  }
}
