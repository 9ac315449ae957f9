package io.harakalint.model;

import io.harakalint.text.Span;
import java.util.List;
import java.util.Map;

/**
 * A value from a JSON, YAML or HJSON config file with where it sits. Haraka keeps these native
 * types (no INI typing, no declared booleans), which is why "enabled: no" in YAML 1.2 is a truthy
 * string.
 */
public sealed interface StructuredValue {
  Span span();

  record Obj(Map<String, Member> members, Span span) implements StructuredValue {}

  record Arr(List<StructuredValue> items, Span span) implements StructuredValue {}

  /** A string, number, boolean, or null ({@code value} is then null). */
  record Scalar(Object value, Span span) implements StructuredValue {}

  /** An object member: the key's own position and its value. */
  record Member(String key, Span keySpan, StructuredValue value) {}
}
