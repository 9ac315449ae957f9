package io.harakalint.model;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Just enough DER to read what the JDK has no public API for: the prime of PKCS#3 and X9.42 DH
 * parameters, the modulus of a PKCS#1 RSA key, the curve of a SEC1 EC key, and to wrap a PKCS#1 or
 * SEC1 key into PKCS#8 for {@link java.security.KeyFactory}. Malformed input throws
 * {@link IllegalArgumentException}, whose message never contains the bytes.
 */
public final class Der {
  public static final int INTEGER = 0x02;
  public static final int OCTET_STRING = 0x04;
  public static final int NULL = 0x05;
  public static final int OID = 0x06;
  public static final int SEQUENCE = 0x30;

  /** One tag-length-value: {@code start..end} is the whole element, {@code valueStart..end} its content. */
  public record Tlv(byte[] buf, int tag, int start, int valueStart, int end) {
    public byte[] value() {
      return Arrays.copyOfRange(buf, valueStart, end);
    }

    public byte[] encoded() {
      return Arrays.copyOfRange(buf, start, end);
    }

    public BigInteger integer() {
      if (tag != INTEGER) throw new IllegalArgumentException("expected an INTEGER, found tag " + tag);
      return new BigInteger(value());
    }

    /** The elements inside a constructed element (SEQUENCE, context tags). */
    public List<Tlv> children() {
      List<Tlv> out = new ArrayList<>();
      int at = valueStart;
      while (at < end) {
        Tlv t = read(buf, at, end);
        out.add(t);
        at = t.end();
      }
      return out;
    }

    @Override
    public String toString() {
      return "Tlv[tag=" + tag + ", length=" + (end - valueStart) + "]";
    }
  }

  private Der() {}

  /** Reads the element at the start of {@code der}, which must fill it exactly. */
  public static Tlv parse(byte[] der) {
    Tlv t = read(der, 0, der.length);
    if (t.end() != der.length) throw new IllegalArgumentException("trailing bytes after the DER element");
    return t;
  }

  static Tlv read(byte[] b, int at, int limit) {
    if (at + 2 > limit) throw new IllegalArgumentException("truncated DER element");
    int tag = b[at] & 0xFF;
    if ((tag & 0x1F) == 0x1F) throw new IllegalArgumentException("multi-byte DER tags are not supported");
    int first = b[at + 1] & 0xFF;
    int pos = at + 2;
    long len;
    if (first < 0x80) {
      len = first;
    } else {
      int n = first & 0x7F;
      if (n == 0 || n > 4 || pos + n > limit) throw new IllegalArgumentException("bad DER length");
      len = 0;
      for (int i = 0; i < n; i++) len = (len << 8) | (b[pos++] & 0xFF);
    }
    if (pos + len > limit) throw new IllegalArgumentException("DER length beyond the data");
    return new Tlv(b, tag, at, pos, (int) (pos + len));
  }

  /** Encodes one element with the given tag around the concatenated parts. */
  public static byte[] encode(int tag, byte[]... parts) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (byte[] p : parts) content.writeBytes(p);
    byte[] c = content.toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int len = c.length;
    if (len < 0x80) {
      out.write(len);
    } else {
      int n = len > 0xFFFFFF ? 4 : len > 0xFFFF ? 3 : len > 0xFF ? 2 : 1;
      out.write(0x80 | n);
      for (int i = n - 1; i >= 0; i--) out.write((len >>> (8 * i)) & 0xFF);
    }
    out.writeBytes(c);
    return out.toByteArray();
  }

  /** A dotted OID from an OBJECT IDENTIFIER element's content. */
  public static String oid(Tlv t) {
    if (t.tag() != OID) throw new IllegalArgumentException("expected an OBJECT IDENTIFIER, found tag " + t.tag());
    byte[] v = t.value();
    if (v.length == 0) throw new IllegalArgumentException("empty OBJECT IDENTIFIER");
    StringBuilder sb = new StringBuilder();
    long acc = 0;
    boolean first = true;
    for (byte x : v) {
      acc = (acc << 7) | (x & 0x7F);
      if ((x & 0x80) != 0) continue;
      if (first) {
        int a = acc < 80 ? (int) (acc / 40) : 2;
        sb.append(a).append('.').append(acc - 40L * a);
        first = false;
      } else {
        sb.append('.').append(acc);
      }
      acc = 0;
    }
    return sb.toString();
  }
}
