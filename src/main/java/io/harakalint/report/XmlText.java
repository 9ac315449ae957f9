package io.harakalint.report;

/** Text that XML 1.0 can hold: control characters other than tab and line breaks become U+FFFD. */
final class XmlText {
  private XmlText() {}

  static String clean(String s) {
    if (s == null) return "";
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF
          || (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
              && Character.isHighSurrogate(s.charAt(i - 1))));
      if (bad && sb == null) sb = new StringBuilder(s.substring(0, i));
      if (sb != null) sb.append(bad ? '\uFFFD' : c);
    }
    return sb == null ? s : sb.toString();
  }
}
