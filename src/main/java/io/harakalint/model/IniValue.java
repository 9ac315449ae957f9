package io.harakalint.model;

import java.util.List;

/**
 * A value as haraka-config types it: declared booleans become booleans, {@code ^-?\d+$} and
 * {@code ^-?\d+\.\d+$} become numbers (JS doubles), a key without '=' is undefined, {@code k[]}
 * keys are arrays, everything else is a string (quotes and inline comments included).
 */
public sealed interface IniValue {
  record Undefined() implements IniValue {
    @Override public String toString() { return "undefined"; }
  }

  record Str(String value) implements IniValue {
    @Override public String toString() { return value; }
  }

  /** A number; {@code integer} tells parseInt from parseFloat. Leading zeros are already gone. */
  record Num(double value, boolean integer) implements IniValue {
    public long asLong() { return (long) value; }
    @Override public String toString() {
      return integer && Math.abs(value) < 1e21 ? Long.toString((long) value) : Double.toString(value);
    }
  }

  record Bool(boolean value) implements IniValue {
    @Override public String toString() { return Boolean.toString(value); }
  }

  record Arr(List<Element> items) implements IniValue {
    @Override public String toString() { return items.toString(); }
  }

  /** One element of an array with the entry that pushed it. */
  record Element(IniValue value, IniEntry entry) {
    @Override public String toString() { return value.toString(); }
  }

  IniValue UNDEFINED = new Undefined();

  /** JavaScript truthiness, which is how Haraka tests most undeclared settings. */
  default boolean isTruthy() {
    if (this instanceof Undefined) return false;
    if (this instanceof Str s) return !s.value().isEmpty();
    if (this instanceof Num n) return n.value() != 0 && !Double.isNaN(n.value());
    if (this instanceof Bool b) return b.value();
    return true;
  }
}
