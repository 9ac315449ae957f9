package io.harakalint.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The certificates, keys and DH parameters TLS loads, read from the tree (never from the disk): the
 * default key and certificate files named by {@code tls.ini} (default {@code tls_key.pem},
 * {@code tls_cert.pem}), the {@code dhparam} file, and every file under {@code config/tls/} grouped
 * into SNI names the way {@code tls_socket.js get_certs_dir} does. Files named outside the tree
 * (absolute, or climbing out with {@code ..}) are there only if {@code --allow-outside} allowed them.
 */
public final class TlsMaterial {
  private final ConfigTree tree;
  private final Map<String, PemFile> parsed = new HashMap<>();
  private List<SniEntry> sni;
  private List<SkippedFile> skipped;

  /**
   * One name in {@code config/tls} with the first key and first certificate Haraka found for it.
   * Haraka creates a context only when both exist; {@code cert} is the file's first certificate.
   */
  public record SniEntry(String name, Optional<PemFile.Key> key, Optional<PemFile.Cert> cert) {
    public boolean loaded() {
      return key.isPresent() && cert.isPresent();
    }
  }

  /** A {@code config/tls} file that contributes nothing, and why. */
  public record SkippedFile(PemFile file, Reason reason) {
    public enum Reason {
      /** Neither a certificate nor a key block that Haraka's regexes find. */
      NO_PEM,
      /** The first certificate has DNS SANs but no CN: parse_x509 throws and the file is skipped. */
      NO_COMMON_NAME
    }
  }

  TlsMaterial(ConfigTree tree) {
    this.tree = tree;
  }

  /**
   * A file of the tree as PEM, or empty when it is missing. A name outside the tree is there only
   * when {@code --allow-outside} let the loader read it.
   */
  public synchronized Optional<PemFile> pem(String configName) {
    Optional<io.harakalint.text.SourceFile> src = ConfigTree.isOutside(configName)
        ? tree.outsideFile(configName) : tree.source(configName);
    return src.map(s -> parsed.computeIfAbsent(configName, n -> PemFile.parse(n, s)));
  }

  /** The default key files ({@code key}/{@code key[]}) that are in the tree. */
  public List<PemFile> defaultKeyFiles() {
    return files(tree.tls().keyFiles());
  }

  /** The default certificate chain files ({@code cert}/{@code cert[]}) that are in the tree. */
  public List<PemFile> defaultCertFiles() {
    return files(tree.tls().certFiles());
  }

  /** True when every default certificate file is in the tree (none absolute or missing). */
  public boolean defaultCertsAllInTree() {
    return tree.tls().certFiles().stream().allMatch(f -> pem(f.value()).isPresent());
  }

  /** The leaf (first certificate) of each default certificate file that has one. */
  public List<PemFile.Cert> defaultLeaves() {
    List<PemFile.Cert> out = new ArrayList<>();
    for (PemFile f : defaultCertFiles()) if (!f.certificates().isEmpty()) out.add(f.certificates().get(0));
    return out;
  }

  /** Every private key in the default key files. */
  public List<PemFile.Key> defaultKeys() {
    List<PemFile.Key> out = new ArrayList<>();
    for (PemFile f : defaultKeyFiles()) out.addAll(f.keys());
    return out;
  }

  private List<PemFile> files(List<Located<String>> names) {
    List<PemFile> out = new ArrayList<>();
    for (Located<String> n : names) pem(n.value()).filter(p -> !out.contains(p)).ifPresent(out::add);
    return out;
  }

  /** Files under {@code config/tls/}, in the order haraka-config's {@code read_dir} returns them. */
  public List<PemFile> tlsDirFiles() {
    // read_dir walks breadth first; libuv's scandir returns each folder's entries sorted by name.
    Map<String, List<String>> byDir = new TreeMap<>();
    for (String n : tree.fileNames()) {
      if (!n.startsWith("tls/")) continue;
      String dir = n.substring(0, n.lastIndexOf('/'));
      byDir.computeIfAbsent(dir, k -> new ArrayList<>()).add(n);
      // folders that hold only folders still have to be walked
      for (int i = dir.lastIndexOf('/'); i > 0; i = dir.lastIndexOf('/', i - 1)) {
        byDir.computeIfAbsent(dir.substring(0, i), k -> new ArrayList<>());
      }
    }
    List<PemFile> out = new ArrayList<>();
    Deque<String> queue = new ArrayDeque<>(List.of("tls"));
    while (!queue.isEmpty()) {
      String dir = queue.poll();
      for (String f : byDir.getOrDefault(dir, List.of())) pem(f).ifPresent(out::add);
      for (String d : byDir.keySet()) {
        if (d.startsWith(dir + "/") && d.indexOf('/', dir.length() + 1) < 0) queue.add(d);
      }
    }
    return out;
  }

  /**
   * The SNI names Haraka builds from {@code config/tls} ({@code get_certs_dir}): from 3.0.4 by its
   * pairing of keys and certificates across files; before, only files holding both.
   */
  public synchronized List<SniEntry> sniEntries() {
    if (sni == null) buildSni();
    return sni;
  }

  /** {@code config/tls} files that add no key and no certificate. */
  public synchronized List<SkippedFile> skippedTlsDirFiles() {
    if (sni == null) buildSni();
    return skipped;
  }

  private void buildSni() {
    Map<String, PemFile.Key[]> keys = new LinkedHashMap<>();
    Map<String, PemFile.Cert[]> certs = new LinkedHashMap<>();
    List<SkippedFile> skip = new ArrayList<>();
    // Before 3.0.4 (commit 81c6746c) each file needed its own key and certificate; files without both
    // were logged and skipped, and there was no pairing by file name.
    boolean sameFileOnly = tree.harakaVersion().below(3, 0, 4);
    for (PemFile f : tlsDirFiles()) {
      List<PemFile.Key> fileKeys = f.keys().stream().filter(PemFile.Key::harakaVisible).toList();
      List<PemFile.Cert> chain = f.certificates().stream().filter(PemFile.Cert::harakaVisible).toList();
      if (fileKeys.isEmpty() && chain.isEmpty()) {
        skip.add(new SkippedFile(f, SkippedFile.Reason.NO_PEM));
        continue;
      }
      if (sameFileOnly && (fileKeys.isEmpty() || chain.isEmpty())) continue;
      List<String> names = List.of();
      if (!chain.isEmpty()) {
        PemFile.Cert leaf = chain.get(0);
        if (leaf.harakaRejectsNames()) {
          skip.add(new SkippedFile(f, SkippedFile.Reason.NO_COMMON_NAME));
          continue;
        }
        names = leaf.harakaNames(); // empty when openssl cannot read it: Haraka then uses the file name
      }
      if (names.isEmpty()) names = List.of(fileStem(f.name()));
      for (String raw : names) {
        String name = raw.startsWith("_") ? "*" + raw.substring(1) : raw; // Windows: _.example.com means *.example.com
        keys.computeIfAbsent(name, k -> new PemFile.Key[1]);
        certs.computeIfAbsent(name, k -> new PemFile.Cert[1]);
        if (keys.get(name)[0] == null && !fileKeys.isEmpty()) keys.get(name)[0] = fileKeys.get(0);
        if (certs.get(name)[0] == null && !chain.isEmpty()) certs.get(name)[0] = chain.get(0);
      }
    }
    List<SniEntry> out = new ArrayList<>();
    for (String name : keys.keySet()) {
      out.add(new SniEntry(name, Optional.ofNullable(keys.get(name)[0]), Optional.ofNullable(certs.get(name)[0])));
    }
    sni = List.copyOf(out);
    skipped = List.copyOf(skip);
  }

  /** {@code path.parse(fp).name}: the base name without its last extension. */
  public static String fileStem(String configName) {
    String base = configName.substring(configName.lastIndexOf('/') + 1);
    int dot = base.lastIndexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }

  /** The inbound {@code dhparam} file name ({@code [*]}, then {@code [main]}, default {@code dhparams.pem}). */
  public Located<String> dhparamName() {
    return tree.tls().inbound("dhparam").filter(p -> !(p.value() instanceof IniValue.Arr))
        .map(p -> new Located<>(p.value().toString(), p.span()))
        .orElse(new Located<>("dhparams.pem", tree.tls().file().fileSpan()));
  }
}
