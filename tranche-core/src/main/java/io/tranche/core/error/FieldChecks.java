package io.tranche.core.error;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Runs the checks of a form's fields one after the other and keeps every refusal, so a person sees
 * all that needs fixing at once rather than one field per attempt. {@link #throwIfAny()} ends the
 * checks: nothing is written unless every field passed.
 */
public final class FieldChecks {
  private final Map<String, DomainException> refusals = new LinkedHashMap<>();

  /** The checked value, or null when {@code check} refused it (the refusal is kept). */
  public <T> @Nullable T check(String field, Supplier<T> check) {
    try {
      return check.get();
    } catch (InvalidFields e) {
      // a check that itself checks several fields: keep each of its refusals
      e.refusals().forEach(r -> refusals.putIfAbsent(r.field() == null ? field : r.field(), r));
      return null;
    } catch (DomainException e) {
      refusals.putIfAbsent(
          e.field() == null ? field : e.field(), e.field() == null ? at(e, field) : e);
      return null;
    }
  }

  /** Keeps a refusal found by the caller's own check. */
  public void refuse(DomainException e) {
    refusals.putIfAbsent(e.field() == null ? "" : e.field(), e);
  }

  /** Whether {@code field} passed so far. */
  public boolean passed(String field) {
    return !refusals.containsKey(field);
  }

  /** Refuses with every refusal kept, if there is any. */
  public void throwIfAny() {
    if (refusals.size() == 1) {
      throw refusals.values().iterator().next();
    }
    if (!refusals.isEmpty()) {
      throw new InvalidFields(new ArrayList<>(refusals.values()));
    }
  }

  private static DomainException at(DomainException e, String field) {
    return new DomainException(e.code(), field, e.args());
  }

  /** Several fields refused at once; {@link #refusals()} has one refusal per field, in order. */
  public static final class InvalidFields extends DomainException {
    public static final ErrorCode CODE =
        new ErrorCode(
            "validation.fields", ErrorKind.INVALID, "{count} fields need attention: {list}");

    private final List<DomainException> refusals;

    InvalidFields(List<DomainException> refusals) {
      super(
          CODE,
          refusals.get(0).field(),
          Map.of(
              "count",
              refusals.size(),
              "list",
              String.join("; ", refusals.stream().map(DomainException::getMessage).toList())));
      this.refusals = List.copyOf(refusals);
    }

    public List<DomainException> refusals() {
      return refusals;
    }
  }
}
