package io.harakalint.load;

import io.harakalint.model.ConfigTree;
import io.harakalint.model.LoadDiagnostic;
import io.harakalint.model.Located;
import io.harakalint.text.SourceFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key, certificate and DH parameter files {@code tls.ini} names outside the tree (an absolute
 * path, or a relative one that climbs out with {@code ..}). haraka-config reads those names relative
 * to the config folder, or as absolute paths (reference §1.11). haraka-lint reads one only when it
 * lies, after resolving symbolic links, under a folder the user allowed with {@code --allow-outside};
 * then with the same size cap as tree files. Either way its content is only parsed, never printed.
 */
public final class OutsideFiles {
  /** Nothing outside the tree is read. */
  public static final OutsideFiles NONE = new OutsideFiles(List.of(), null);

  private final List<Path> allowed;
  private final Path treeRoot;

  private OutsideFiles(List<Path> allowed, Path treeRoot) {
    this.allowed = List.copyOf(allowed);
    this.treeRoot = treeRoot;
  }

  /**
   * @param allowed the --allow-outside folders
   * @param treeRoot the tree's folder on disk, for names relative to its config folder; null when
   *     the tree comes from git (then only absolute names can be read)
   * @throws UserError when an allowed folder does not exist
   */
  public static OutsideFiles allow(List<Path> allowed, Path treeRoot) {
    List<Path> real = new ArrayList<>();
    for (Path p : allowed) {
      try {
        real.add(p.toRealPath());
      } catch (NoSuchFileException e) {
        throw new UserError("--allow-outside " + p + ": no such file or directory");
      } catch (IOException e) {
        throw new UserError("--allow-outside " + p + ": cannot be resolved (" + CappedFileReader.reason(e) + ")");
      }
    }
    return new OutsideFiles(real, treeRoot == null ? null : treeRoot.toAbsolutePath().normalize());
  }

  /** The tree with the allowed outside files read, and a diagnostic for each one that was not. */
  public ConfigTree addTo(ConfigTree tree) {
    Map<String, Located<String>> names = new LinkedHashMap<>();
    List<Located<String>> all = new ArrayList<>(tree.tls().keyFiles());
    all.addAll(tree.tls().certFiles());
    all.add(tree.tlsMaterial().dhparamName());
    for (Located<String> n : all) if (ConfigTree.isOutside(n.value())) names.putIfAbsent(n.value(), n);
    if (names.isEmpty()) return tree;
    Map<String, SourceFile> read = new LinkedHashMap<>();
    List<LoadDiagnostic> diags = new ArrayList<>();
    Path configDir = treeRoot == null ? null : treeRoot.resolve(tree.configPrefix());
    CappedFileReader reader = new CappedFileReader(FileSystemTreeSource.MAX_BYTES, CappedFileReader.DISK);
    List<Located<String>> notAllowed = new ArrayList<>();
    for (Located<String> n : names.values()) {
      if (allowed.isEmpty() && n.value().startsWith("/")) {
        notAllowed.add(n); // the usual server layout: one note for all of them, below
        continue;
      }
      String why = readOne(n.value(), configDir, reader, read);
      if (why != null) diags.add(new LoadDiagnostic(LoadDiagnostic.Kind.OUTSIDE_TREE, n.span(), why));
    }
    if (!notAllowed.isEmpty()) {
      List<String> list = notAllowed.stream().map(Located::value).toList();
      String what = list.size() == 1 ? list.get(0) + ", outside the tree"
          : list.size() + " files outside the tree (" + String.join(", ", list) + ")";
      diags.add(new LoadDiagnostic(LoadDiagnostic.Kind.OUTSIDE_TREE, notAllowed.get(0).span(),
          "names " + what + "; not read (--allow-outside DIR lets haraka-lint read files under DIR)"));
    }
    return tree.withOutside(read, diags);
  }

  /** Reads one name into {@code read}; returns why it was not read, or null. */
  private String readOne(String name, Path configDir, CappedFileReader reader, Map<String, SourceFile> read) {
    String escapes = name.startsWith("/") ? ""
        : " (haraka-config 1.5.2 and later refuse a name that leaves the config folder: Haraka does not start)";
    Path p;
    if (name.startsWith("/")) p = Path.of(name);
    else if (configDir != null) p = configDir.resolve(name).normalize();
    else return "names " + name + ", outside the tree; not read" + escapes;
    if (allowed.isEmpty()) {
      return "names " + name + ", outside the tree; not read (--allow-outside DIR lets haraka-lint read files under DIR)" + escapes;
    }
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      return "names " + name + ", outside the tree, which cannot be read (" + CappedFileReader.reason(e) + ")" + escapes;
    }
    if (allowed.stream().noneMatch(real::startsWith)) {
      return "names " + name + ", outside the tree and outside every --allow-outside folder; not read" + escapes;
    }
    if (!Files.isRegularFile(real)) return "names " + name + ", which is not a regular file; not read" + escapes;
    TreeSource.ReadResult r = reader.read(real);
    if (!r.isOk()) return "names " + name + ", outside the tree, which " + r.problem() + escapes;
    read.put(name, SourceFile.of(name, r.bytes()));
    return escapes.isEmpty() ? null : "names " + name + ", read because --allow-outside allows it" + escapes;
  }
}
