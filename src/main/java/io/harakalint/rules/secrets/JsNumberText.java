package io.harakalint.rules.secrets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** JavaScript's Number.prototype.toString() for a finite double (ECMA-262 Number::toString, radix 10). */
final class JsNumberText {
  private JsNumberText() {}

  static String of(double x) {
    if (x == 0) return "0";
    if (x < 0) return "-" + of(-x);
    BigDecimal exact = new BigDecimal(x);
    BigDecimal shortest = exact;
    for (int p = 1; p <= 17; p++) {
      BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
      if (Double.parseDouble(r.toString()) == x) {
        shortest = r;
        break;
      }
    }
    shortest = shortest.stripTrailingZeros();
    String s = shortest.unscaledValue().toString();
    int k = s.length();
    int n = k - shortest.scale();
    if (k <= n && n <= 21) return s + "0".repeat(n - k);
    if (0 < n && n <= 21) return s.substring(0, n) + "." + s.substring(n);
    if (-6 < n && n <= 0) return "0." + "0".repeat(-n) + s;
    String exp = (n - 1 >= 0 ? "+" : "-") + Math.abs(n - 1);
    return (k == 1 ? s : s.charAt(0) + "." + s.substring(1)) + "e" + exp;
  }
}
