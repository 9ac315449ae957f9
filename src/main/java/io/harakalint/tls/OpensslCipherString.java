package io.harakalint.tls;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * OpenSSL 3.0's cipher-string evaluation ({@code ssl/ssl_ciph.c}: {@code ssl_create_cipher_list},
 * {@code ssl_cipher_process_rulestr}, {@code ssl_cipher_apply_rule}, {@code ssl_cipher_strength_sort}) over
 * {@link CipherTable}, and the {@code -s} filter of {@code openssl ciphers} ({@code SSL_get1_supported_ciphers}:
 * protocol range, PSK/SRP without callbacks, security level).
 */
public final class OpensslCipherString {
  private OpensslCipherString() {}

  /** What {@code SSL_CTX_set_cipher_list} makes of a string. */
  public record Result(List<CipherSuite> suites, OptionalInt secLevel, String error) {
    public boolean ok() {
      return error == null;
    }

    /** The security level in force: the string's last {@code @SECLEVEL=n}, else {@code defaultLevel}. */
    public int effectiveSecLevel(int defaultLevel) {
      return secLevel.orElse(defaultLevel);
    }
  }

  // Bits per category, after OpenSSL's SSL_k*, SSL_a*, SSL_e*, SSL_m* masks (one bit per attribute value).
  private static final String[] KX = {"RSA", "DH", "ECDH", "PSK", "RSAPSK", "DHEPSK", "ECDHEPSK", "SRP", "GOST", "GOST18"};
  private static final String[] AU = {"RSA", "DSS", "None", "ECDSA", "PSK", "SRP", "GOST01", "GOST12"};
  private static final String[] ENC = {"AES128", "AES256", "AESGCM128", "AESGCM256", "AESCCM128", "AESCCM256",
      "AESCCM8_128", "AESCCM8_256", "CAMELLIA128", "CAMELLIA256", "CHACHA20", "ARIAGCM128", "ARIAGCM256", "eNULL",
      "DES", "3DES", "RC4", "RC2", "IDEA", "SEED", "GOST89", "GOST89CNT12", "MAGMA", "KUZNYECHIK"};
  private static final String[] MAC = {"MD5", "SHA1", "SHA256", "SHA384", "AEAD", "GOST94", "GOST89MAC", "GOST12"};
  private static final int S_NONE = 1, S_LOW = 2, S_MEDIUM = 4, S_HIGH = 8, S_FIPS = 0x10, STRONG_MASK = 0x1f,
      NOT_DEFAULT = 0x20;

  private static int bit(String[] names, String... values) {
    int m = 0;
    for (String v : values) {
      int i = List.of(names).indexOf(v);
      if (i < 0) throw new IllegalArgumentException(v);
      m |= 1 << i;
    }
    return m;
  }

  private static int kx(String... v) { return bit(KX, v); }
  private static int au(String... v) { return bit(AU, v); }
  private static int enc(String... v) { return bit(ENC, v); }
  private static int mac(String... v) { return bit(MAC, v); }

  /** A selector: a cipher-string alias or a single suite, as masks (0 = any). */
  private record Sel(int kx, int au, int enc, int mac, int minTls, int strength, int cipherId) {}

  private static final class Aliases {
    static final Map<String, Sel> MAP = build();

    private static Sel a(int kx, int au, int enc, int mac) {
      return new Sel(kx, au, enc, mac, 0, 0, 0);
    }

    private static Map<String, Sel> build() {
      // OpenSSL 3.0 ssl_ciph.c cipher_aliases[], in its order and with its masks.
      Map<String, Sel> m = new HashMap<>();
      int aes = enc("AES128", "AES256", "AESGCM128", "AESGCM256", "AESCCM128", "AESCCM256", "AESCCM8_128", "AESCCM8_256");
      m.put("ALL", a(0, 0, ~enc("eNULL"), 0));
      m.put("COMPLEMENTOFALL", a(0, 0, enc("eNULL"), 0));
      m.put("COMPLEMENTOFDEFAULT", new Sel(0, 0, 0, 0, 0, NOT_DEFAULT, 0));
      m.put("kRSA", a(kx("RSA"), 0, 0, 0));
      for (String s : List.of("kEDH", "kDHE", "DH")) m.put(s, a(kx("DH"), 0, 0, 0));
      for (String s : List.of("kEECDH", "kECDHE", "ECDH")) m.put(s, a(kx("ECDH"), 0, 0, 0));
      m.put("kPSK", a(kx("PSK"), 0, 0, 0));
      m.put("kRSAPSK", a(kx("RSAPSK"), 0, 0, 0));
      m.put("kECDHEPSK", a(kx("ECDHEPSK"), 0, 0, 0));
      m.put("kDHEPSK", a(kx("DHEPSK"), 0, 0, 0));
      m.put("kSRP", a(kx("SRP"), 0, 0, 0));
      m.put("kGOST", a(kx("GOST"), 0, 0, 0));
      m.put("kGOST18", a(kx("GOST18"), 0, 0, 0));
      m.put("aRSA", a(0, au("RSA"), 0, 0));
      m.put("aDSS", a(0, au("DSS"), 0, 0));
      m.put("DSS", a(0, au("DSS"), 0, 0));
      m.put("aNULL", a(0, au("None"), 0, 0));
      m.put("aECDSA", a(0, au("ECDSA"), 0, 0));
      m.put("ECDSA", a(0, au("ECDSA"), 0, 0));
      m.put("aPSK", a(0, au("PSK"), 0, 0));
      m.put("aGOST01", a(0, au("GOST01"), 0, 0));
      m.put("aGOST12", a(0, au("GOST12"), 0, 0));
      m.put("aGOST", a(0, au("GOST01", "GOST12"), 0, 0));
      m.put("aSRP", a(0, au("SRP"), 0, 0));
      m.put("EDH", a(kx("DH"), ~au("None"), 0, 0));
      m.put("DHE", a(kx("DH"), ~au("None"), 0, 0));
      m.put("EECDH", a(kx("ECDH"), ~au("None"), 0, 0));
      m.put("ECDHE", a(kx("ECDH"), ~au("None"), 0, 0));
      m.put("NULL", a(0, 0, enc("eNULL"), 0));
      m.put("RSA", a(kx("RSA"), au("RSA"), 0, 0));
      m.put("ADH", a(kx("DH"), au("None"), 0, 0));
      m.put("AECDH", a(kx("ECDH"), au("None"), 0, 0));
      m.put("PSK", a(kx("PSK", "RSAPSK", "DHEPSK", "ECDHEPSK"), 0, 0, 0));
      m.put("SRP", a(kx("SRP"), 0, 0, 0));
      m.put("DES", a(0, 0, enc("DES"), 0));
      m.put("3DES", a(0, 0, enc("3DES"), 0));
      m.put("RC4", a(0, 0, enc("RC4"), 0));
      m.put("RC2", a(0, 0, enc("RC2"), 0));
      m.put("IDEA", a(0, 0, enc("IDEA"), 0));
      m.put("SEED", a(0, 0, enc("SEED"), 0));
      m.put("eNULL", a(0, 0, enc("eNULL"), 0));
      m.put("GOST", a(0, 0, enc("GOST89", "GOST89CNT12", "MAGMA", "KUZNYECHIK"), 0));
      m.put("AES128", a(0, 0, enc("AES128", "AESGCM128", "AESCCM128", "AESCCM8_128"), 0));
      m.put("AES256", a(0, 0, enc("AES256", "AESGCM256", "AESCCM256", "AESCCM8_256"), 0));
      m.put("AES", a(0, 0, aes, 0));
      m.put("AESGCM", a(0, 0, enc("AESGCM128", "AESGCM256"), 0));
      m.put("AESCCM", a(0, 0, enc("AESCCM128", "AESCCM256", "AESCCM8_128", "AESCCM8_256"), 0));
      m.put("AESCCM8", a(0, 0, enc("AESCCM8_128", "AESCCM8_256"), 0));
      m.put("CAMELLIA128", a(0, 0, enc("CAMELLIA128"), 0));
      m.put("CAMELLIA256", a(0, 0, enc("CAMELLIA256"), 0));
      m.put("CAMELLIA", a(0, 0, enc("CAMELLIA128", "CAMELLIA256"), 0));
      m.put("CHACHA20", a(0, 0, enc("CHACHA20"), 0));
      m.put("GOST2012-GOST8912-GOST8912", a(0, 0, enc("GOST89CNT12"), 0));
      m.put("ARIA", a(0, 0, enc("ARIAGCM128", "ARIAGCM256"), 0));
      m.put("ARIAGCM", a(0, 0, enc("ARIAGCM128", "ARIAGCM256"), 0));
      m.put("ARIA128", a(0, 0, enc("ARIAGCM128"), 0));
      m.put("ARIA256", a(0, 0, enc("ARIAGCM256"), 0));
      m.put("CBC", a(0, 0, enc("DES", "3DES", "RC2", "IDEA", "AES128", "AES256", "CAMELLIA128", "CAMELLIA256", "SEED"), 0));
      m.put("MD5", a(0, 0, 0, mac("MD5")));
      m.put("SHA1", a(0, 0, 0, mac("SHA1")));
      m.put("SHA", a(0, 0, 0, mac("SHA1")));
      m.put("GOST94", a(0, 0, 0, mac("GOST94")));
      m.put("GOST89MAC", a(0, 0, 0, mac("GOST89MAC")));
      m.put("SHA256", a(0, 0, 0, mac("SHA256")));
      m.put("SHA384", a(0, 0, 0, mac("SHA384")));
      m.put("GOST12", a(0, 0, 0, mac("GOST12")));
      m.put("SSLv3", new Sel(0, 0, 0, 0, TlsProtocol.SSLv3.wire(), 0, 0));
      m.put("TLSv1", new Sel(0, 0, 0, 0, TlsProtocol.TLSv1.wire(), 0, 0));
      m.put("TLSv1.0", new Sel(0, 0, 0, 0, TlsProtocol.TLSv1.wire(), 0, 0));
      m.put("TLSv1.2", new Sel(0, 0, 0, 0, TlsProtocol.TLSv1_2.wire(), 0, 0));
      m.put("LOW", new Sel(0, 0, 0, 0, 0, S_LOW, 0));
      m.put("MEDIUM", new Sel(0, 0, 0, 0, 0, S_MEDIUM, 0));
      m.put("HIGH", new Sel(0, 0, 0, 0, 0, S_HIGH, 0));
      m.put("FIPS", new Sel(0, 0, ~enc("eNULL"), 0, 0, S_FIPS, 0));
      m.put("EDH-DSS-DES-CBC3-SHA", new Sel(kx("DH"), au("DSS"), enc("3DES"), mac("SHA1"), 0, S_HIGH | S_FIPS, 0));
      m.put("EDH-RSA-DES-CBC3-SHA", new Sel(kx("DH"), au("RSA"), enc("3DES"), mac("SHA1"), 0, S_HIGH | S_FIPS, 0));
      return m;
    }
  }

  private static final class Node {
    final CipherSuite c;
    final int kx, au, enc, mac, strength;
    Node prev, next;
    boolean active;

    Node(CipherSuite c) {
      this.c = c;
      kx = kx(c.kx());
      au = au(c.au());
      enc = enc(c.enc());
      mac = mac(c.mac());
      int s = switch (c.strength()) {
        case "HIGH" -> S_HIGH;
        case "MEDIUM" -> S_MEDIUM;
        case "LOW" -> S_LOW;
        default -> S_NONE;
      };
      strength = s | (c.fips() ? S_FIPS : 0) | (c.notDefault() ? NOT_DEFAULT : 0);
    }

    Sel self() {
      return new Sel(kx, au, enc, mac, 0, strength, c.id());
    }
  }

  private static final int ADD = 1, DEL = 2, KILL = 3, ORD = 4, BUMP = 5, SPECIAL = 6;

  /** The doubly linked list of ssl_ciph.c, with its exact move semantics. */
  private static final class Co {
    Node head, tail;

    void appendTail(Node n) {
      if (n == tail) return;
      if (n == head) head = n.next;
      if (n.prev != null) n.prev.next = n.next;
      if (n.next != null) n.next.prev = n.prev;
      tail.next = n;
      n.prev = tail;
      n.next = null;
      tail = n;
    }

    void appendHead(Node n) {
      if (n == head) return;
      if (n == tail) tail = n.prev;
      if (n.prev != null) n.prev.next = n.next;
      if (n.next != null) n.next.prev = n.prev;
      head.prev = n;
      n.next = head;
      n.prev = null;
      head = n;
    }

    void apply(Sel s, int rule, int strengthBits) {
      boolean reverse = rule == DEL || rule == BUMP;
      Node next = reverse ? tail : head;
      Node last = reverse ? head : tail;
      Node curr = null;
      for (;;) {
        if (curr == last) break;
        curr = next;
        if (curr == null) break;
        next = reverse ? curr.prev : curr.next;
        if (strengthBits >= 0) {
          if (strengthBits != curr.c.bits()) continue;
        } else {
          if (s.cipherId != 0 && s.cipherId != curr.c.id()) continue;
          if (s.kx != 0 && (s.kx & curr.kx) == 0) continue;
          if (s.au != 0 && (s.au & curr.au) == 0) continue;
          if (s.enc != 0 && (s.enc & curr.enc) == 0) continue;
          if (s.mac != 0 && (s.mac & curr.mac) == 0) continue;
          if (s.minTls != 0 && s.minTls != curr.c.minTls().wire()) continue;
          if ((s.strength & STRONG_MASK) != 0 && (s.strength & STRONG_MASK & curr.strength) == 0) continue;
          if ((s.strength & NOT_DEFAULT) != 0 && (s.strength & NOT_DEFAULT & curr.strength) == 0) continue;
        }
        switch (rule) {
          case ADD -> {
            if (!curr.active) {
              appendTail(curr);
              curr.active = true;
            }
          }
          case ORD -> {
            if (curr.active) appendTail(curr);
          }
          case DEL -> {
            if (curr.active) {
              appendHead(curr);
              curr.active = false;
            }
          }
          case BUMP -> {
            if (curr.active) appendHead(curr);
          }
          case KILL -> {
            if (head == curr) head = curr.next;
            else curr.prev.next = curr.next;
            if (tail == curr) tail = curr.prev;
            curr.active = false;
            if (curr.next != null) curr.next.prev = curr.prev;
            curr.next = null;
            curr.prev = null;
          }
          default -> throw new IllegalStateException();
        }
      }
    }

    void rule(int kx, int au, int enc, int mac, int minTls, int rule) {
      apply(new Sel(kx, au, enc, mac, minTls, 0, 0), rule, -1);
    }

    void strengthSort() {
      int max = 0;
      for (Node n = head; n != null; n = n.next) if (n.active) max = Math.max(max, n.c.bits());
      int[] uses = new int[max + 1];
      for (Node n = head; n != null; n = n.next) if (n.active) uses[n.c.bits()]++;
      for (int i = max; i >= 0; i--) if (uses[i] > 0) apply(null, ORD, i);
    }
  }

  /** Evaluates a cipher string as {@code SSL_CTX_set_cipher_list} on OpenSSL 3.0 does. */
  public static Result evaluate(String rule) {
    CipherTable table = CipherTable.get();
    Co co = new Co();
    for (CipherSuite c : table.legacySuites()) {
      Node n = new Node(c);
      if (co.head == null) {
        co.head = co.tail = n;
      } else {
        co.tail.next = n;
        n.prev = co.tail;
        co.tail = n;
      }
    }
    Map<String, Node> byName = new HashMap<>();
    // OpenSSL 3.0 matches only its own names in cipher strings; IANA names (TLS_...) are ignored.
    for (Node n = co.head; n != null; n = n.next) byName.put(n.c.name(), n);
    // The default preference order (ssl_create_cipher_list).
    co.rule(kx("ECDH"), au("ECDSA"), 0, 0, 0, ADD);
    co.rule(kx("ECDH"), 0, 0, 0, 0, ADD);
    co.rule(kx("ECDH"), 0, 0, 0, 0, DEL);
    co.rule(0, 0, enc("AESGCM128", "AESGCM256"), 0, 0, ADD);
    co.rule(0, 0, enc("CHACHA20"), 0, 0, ADD);
    co.rule(0, 0, enc("AES128", "AES256", "AESCCM128", "AESCCM256", "AESCCM8_128", "AESCCM8_256"), 0, 0, ADD);
    co.rule(0, 0, 0, 0, 0, ADD);
    co.rule(0, 0, 0, mac("MD5"), 0, ORD);
    co.rule(0, au("None"), 0, 0, 0, ORD);
    co.rule(kx("RSA"), 0, 0, 0, 0, ORD);
    co.rule(kx("PSK"), 0, 0, 0, 0, ORD);
    co.rule(0, 0, enc("RC4"), 0, 0, ORD);
    co.strengthSort();
    co.rule(0, 0, 0, 0, TlsProtocol.TLSv1_2.wire(), BUMP);
    co.rule(0, 0, 0, mac("AEAD"), 0, BUMP);
    co.rule(kx("DH", "ECDH"), 0, 0, 0, 0, BUMP);
    co.rule(kx("DH", "ECDH"), 0, 0, mac("AEAD"), 0, BUMP);
    co.rule(0, 0, 0, 0, 0, DEL);

    int[] secLevel = {-1};
    String p = rule;
    String error = null;
    if (p.startsWith("SUITEB")) {
      error = "Suite B strings are not modelled";
    } else {
      if (p.startsWith("DEFAULT")) {
        error = process("ALL:!COMPLEMENTOFDEFAULT:!eNULL", co, byName, secLevel);
        p = p.substring(7);
        if (p.startsWith(":")) p = p.substring(1);
      }
      if (error == null) error = process(p, co, byName, secLevel);
    }
    List<CipherSuite> out = new ArrayList<>();
    for (Node n = co.head; n != null; n = n.next) if (n.active) out.add(n.c);
    if (error == null && out.isEmpty()) error = "no cipher match";
    return new Result(error == null ? List.copyOf(out) : List.of(),
        secLevel[0] < 0 ? OptionalInt.empty() : OptionalInt.of(secLevel[0]), error);
  }

  private static boolean sep(char ch) {
    return ch == ':' || ch == ' ' || ch == ';' || ch == ',';
  }

  private static boolean nameChar(char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'z') || ch == '-' || ch == '_'
        || ch == '.' || ch == '=';
  }

  /** ssl_cipher_process_rulestr; returns an error text or null. */
  private static String process(String s, Co co, Map<String, Node> byName, int[] secLevel) {
    int l = 0;
    int n = s.length();
    String error = null;
    for (;;) {
      if (l >= n) break;
      char ch = s.charAt(l);
      int rule;
      switch (ch) {
        case '-' -> { rule = DEL; l++; }
        case '+' -> { rule = ORD; l++; }
        case '!' -> { rule = KILL; l++; }
        case '@' -> { rule = SPECIAL; l++; }
        default -> rule = ADD;
      }
      if (sep(ch)) {
        l++;
        continue;
      }
      int kx = 0, au = 0, enc = 0, mac = 0, minTls = 0, strength = 0, cipherId = 0;
      boolean found = false;
      String word = "";
      for (;;) {
        int start = l;
        while (l < n && nameChar(s.charAt(l))) l++;
        if (l == start) return "invalid command";
        word = s.substring(start, l);
        if (rule == SPECIAL) break;
        boolean multi = l < n && s.charAt(l) == '+';
        if (multi) l++;
        Node named = byName.get(word);
        Sel a = named != null ? named.self() : Aliases.MAP.get(word);
        found = a != null;
        if (!found) break;
        if (a.kx != 0) {
          if (kx != 0) { kx &= a.kx; if (kx == 0) { found = false; break; } } else kx = a.kx;
        }
        if (a.au != 0) {
          if (au != 0) { au &= a.au; if (au == 0) { found = false; break; } } else au = a.au;
        }
        if (a.enc != 0) {
          if (enc != 0) { enc &= a.enc; if (enc == 0) { found = false; break; } } else enc = a.enc;
        }
        if (a.mac != 0) {
          if (mac != 0) { mac &= a.mac; if (mac == 0) { found = false; break; } } else mac = a.mac;
        }
        if ((a.strength & STRONG_MASK) != 0) {
          if ((strength & STRONG_MASK) != 0) {
            strength &= (a.strength & STRONG_MASK) | ~STRONG_MASK;
            if ((strength & STRONG_MASK) == 0) { found = false; break; }
          } else {
            strength = a.strength & STRONG_MASK;
          }
        }
        if ((a.strength & NOT_DEFAULT) != 0) {
          if ((strength & NOT_DEFAULT) != 0) {
            strength &= (a.strength & NOT_DEFAULT) | ~NOT_DEFAULT;
            if ((strength & NOT_DEFAULT) == 0) { found = false; break; }
          } else {
            strength |= a.strength & NOT_DEFAULT;
          }
        }
        if (named != null) {
          cipherId = named.c.id();
        } else if (a.minTls != 0) {
          if (minTls != 0 && minTls != a.minTls) { found = false; break; }
          minTls = a.minTls;
        }
        if (!multi) break;
      }
      if (rule == SPECIAL) {
        boolean ok = false;
        if (word.equals("STRENGTH")) {
          co.strengthSort();
          ok = true;
        } else if (word.length() == 10 && word.startsWith("SECLEVEL=")) {
          int level = word.charAt(9) - '0';
          if (level >= 0 && level <= 5) {
            secLevel[0] = level;
            ok = true;
          }
        }
        if (!ok) error = "invalid command";
        while (l < n && !sep(s.charAt(l))) l++;
      } else if (found) {
        co.apply(new Sel(kx, au, enc, mac, minTls, strength, cipherId), rule, -1);
      } else {
        while (l < n && !sep(s.charAt(l))) l++;
      }
      if (l >= n) break;
    }
    return error;
  }

  /**
   * What {@code openssl ciphers -s} prints for the protocol range {@code [min, max]}: the TLS 1.3 suites first,
   * then the list, each kept only if its protocol range overlaps, it is not PSK/SRP (no callbacks set) and the
   * security level allows it ({@code ssl_security_default_callback}).
   */
  public static List<CipherSuite> supported(List<CipherSuite> tls13, List<CipherSuite> list, int secLevel,
      TlsProtocol min, TlsProtocol max) {
    List<CipherSuite> out = new ArrayList<>();
    for (CipherSuite c : tls13) if (usable(c, secLevel, min, max)) out.add(c);
    for (CipherSuite c : list) if (usable(c, secLevel, min, max)) out.add(c);
    return out;
  }

  public static boolean usable(CipherSuite c, int secLevel, TlsProtocol min, TlsProtocol max) {
    if (c.kx().endsWith("PSK") || c.au().equals("PSK") || c.kx().equals("SRP") || c.au().equals("SRP")) return false;
    // ssl_get_min_max_version drops the versions SSL_SECOP_VERSION refuses: TLS 1.0 from level 3, 1.1 from 4.
    TlsProtocol floor = lowestVersionAt(secLevel);
    if (floor.wire() > min.wire()) min = floor;
    if (min.wire() > max.wire()) return false;
    TlsProtocol cMax = c.tls13() ? TlsProtocol.TLSv1_3 : TlsProtocol.TLSv1_2;
    if (c.minTls().wire() > max.wire() || cMax.wire() < min.wire()) return false;
    return allowedAt(c, secLevel);
  }

  /** The lowest TLS version OpenSSL 3.0 allows at a security level ({@code SSL_SECOP_VERSION}). */
  public static TlsProtocol lowestVersionAt(int level) {
    if (level >= 4) return TlsProtocol.TLSv1_2;
    if (level >= 3) return TlsProtocol.TLSv1_1;
    if (level >= 2) return TlsProtocol.TLSv1;
    return TlsProtocol.SSLv3;
  }

  /** {@code SSL_SECOP_CIPHER_SUPPORTED} in {@code ssl_security_default_callback}. */
  public static boolean allowedAt(CipherSuite c, int level) {
    if (level <= 0) return true;
    int minBits = new int[] {80, 112, 128, 192, 256}[Math.min(level, 5) - 1];
    if (c.bits() < minBits) return false;
    if (c.au().equals("None")) return false;
    if (c.mac().equals("MD5")) return false;
    if (minBits > 160 && c.mac().equals("SHA1")) return false;
    return level < 3 || c.tls13() || c.forwardSecret();
  }
}
