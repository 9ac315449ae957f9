package io.harakalint.fix;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.harakalint.rules.SecretFiles;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.diff.DiffFormatter;

/** A unified diff of one file's change, made by JGit's diff formatter (git's own format). */
public final class UnifiedDiff {
  private UnifiedDiff() {}

  public static String of(String path, byte[] before, byte[] after) {
    RawText a = new RawText(before);
    RawText b = new RawText(after);
    EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
        .diff(RawTextComparator.DEFAULT, a, b);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DiffFormatter f = new DiffFormatter(out)) {
      out.write(("--- a/" + path + "\n+++ b/" + path + "\n").getBytes(StandardCharsets.UTF_8));
      f.format(edits, a, b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return masked(path, out.toString(StandardCharsets.UTF_8));
  }

  /**
   * The diff with credential values hidden: a fix never edits a secret, but the context lines
   * around an edit may hold one (ldap.ini bindpw next to a fixed line). Only shown diffs are masked;
   * the edit applied with --write works on the real bytes.
   */
  private static String masked(String path, String diff) {
    StringBuilder out = new StringBuilder(diff.length());
    for (String line : diff.split("\n", -1)) {
      if (out.length() > 0) out.append('\n');
      boolean body = !line.isEmpty() && " +-".indexOf(line.charAt(0)) >= 0 && !line.startsWith("--- ") && !line.startsWith("+++ ");
      out.append(body ? line.charAt(0) + SecretFiles.masked(path, line.substring(1)) : line);
    }
    return out.toString();
  }
}
