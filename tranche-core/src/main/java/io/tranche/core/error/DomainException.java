package io.tranche.core.error;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A refusal by the domain: carries a stable {@link ErrorCode}, the arguments that fill its message,
 * and the field at fault when there is one.
 */
public class DomainException extends RuntimeException {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

  private final ErrorCode code;
  private final Map<String, Object> args;
  private final @Nullable String field;

  public DomainException(ErrorCode code, @Nullable String field, Map<String, ?> args) {
    super(render(code.template(), args));
    this.code = code;
    this.field = field;
    this.args = Map.copyOf(new LinkedHashMap<>(args));
  }

  public DomainException(ErrorCode code, Map<String, ?> args) {
    this(code, null, args);
  }

  /** Refusal of one field's value. */
  public static DomainException field(ErrorCode code, String field, Map<String, ?> args) {
    return new DomainException(code, field, args);
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> args() {
    return args;
  }

  public @Nullable String field() {
    return field;
  }

  private static String render(String template, Map<String, ?> args) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = args.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
