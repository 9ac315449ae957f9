package io.harakalint.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Reads one file from disk with bounded memory, and notices when it changes underneath: the file is
 * looked at before and after the read (size, modification time, inode), and the bytes read must
 * match the size seen first. Anything else is a one-line reason safe to print (never content).
 */
final class CappedFileReader {
  /** Opens a file for reading; a seam so tests can make a file change mid-read deterministically. */
  interface Opener {
    InputStream open(Path p) throws IOException;
  }

  static final Opener DISK = Files::newInputStream;

  private final int maxBytes;
  private final Opener opener;

  CappedFileReader(int maxBytes, Opener opener) {
    this.maxBytes = maxBytes;
    this.opener = opener;
  }

  /**
   * Reads a file already looked at ({@code seen}: a no-follow stat of it, taken by the tree walk or a
   * lookup moments ago) with three system calls fewer than {@link #read}: no stat before, no read past
   * the end. The stat after the read must still match {@code seen} (size, modification time, inode);
   * if anything differs or fails, the file is read again the careful way, which reports the reason.
   * The file cannot have grown unseen: a longer file has another size afterwards.
   */
  TreeSource.ReadResult read(Path p, BasicFileAttributes seen) {
    if (!seen.isRegularFile() || seen.size() > maxBytes) return read(p);
    try {
      byte[] bytes = new byte[(int) seen.size()];
      int n;
      try (InputStream in = opener.open(p)) {
        n = in.readNBytes(bytes, 0, bytes.length);
      }
      if (n == bytes.length && sameFile(seen, Files.readAttributes(p, BasicFileAttributes.class))) {
        return TreeSource.ReadResult.ok(bytes);
      }
    } catch (IOException e) {
      // fall through: the careful read names the reason
    }
    return read(p);
  }

  private static boolean sameFile(BasicFileAttributes a, BasicFileAttributes b) {
    return a.size() == b.size() && a.lastModifiedTime().equals(b.lastModifiedTime())
        && Objects.equals(a.fileKey(), b.fileKey());
  }

  TreeSource.ReadResult read(Path p) {
    try {
      BasicFileAttributes before = Files.readAttributes(p, BasicFileAttributes.class);
      // A FIFO or a device would block or never end; Haraka's config files are regular files.
      if (!before.isRegularFile()) return TreeSource.ReadResult.failed("is not a regular file; not read");
      if (before.size() > maxBytes) {
        return TreeSource.ReadResult.failed("is larger than " + mib() + " MiB (" + before.size()
            + " bytes), the most haraka-lint reads of one file; not read");
      }
      byte[] bytes;
      long grewTo = -1;
      try (InputStream in = opener.open(p)) {
        // Exactly the size seen, into one array (readNBytes(len) would gather 8 KiB chunks and copy
        // them: twice the memory for every file of a recursive run), then one byte more to see
        // whether it grew; at most maxBytes + 1 in all, whatever the file does meanwhile.
        byte[] exact = new byte[(int) before.size()];
        int n = in.readNBytes(exact, 0, exact.length);
        if (n < exact.length) {
          bytes = java.util.Arrays.copyOf(exact, n);
        } else if (in.read() < 0) {
          bytes = exact;
        } else {
          // Longer than the size seen: reported as changed below, with how much was there (counted
          // in a small buffer, never beyond the cap).
          long total = exact.length + 1L;
          byte[] scratch = new byte[8192];
          int k;
          while (total <= maxBytes && (k = in.read(scratch, 0, (int) Math.min(scratch.length, maxBytes + 1L - total))) > 0) {
            total += k;
          }
          grewTo = total;
          bytes = exact;
        }
      }
      BasicFileAttributes after = Files.readAttributes(p, BasicFileAttributes.class);
      if (grewTo >= 0 || bytes.length != before.size() || !sameFile(before, after)) {
        return TreeSource.ReadResult.failed("changed while it was being read (" + before.size() + " bytes before, "
            + (grewTo > maxBytes ? "more than " + maxBytes : grewTo >= 0 ? grewTo : bytes.length)
            + " read); not checked, re-run when it is stable");
      }
      return TreeSource.ReadResult.ok(bytes);
    } catch (IOException e) {
      return TreeSource.ReadResult.failed("cannot be read (" + reason(e) + ")");
    }
  }

  private String mib() {
    return Integer.toString(maxBytes / (1024 * 1024));
  }

  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) return "permission denied";
    if (e instanceof NoSuchFileException) return "no such file";
    if (e instanceof FileSystemException f && f.getReason() != null) {
      String r = f.getReason();
      if (r.contains("Too many levels of symbolic links")) return "a symbolic link loop, or a chain of more than 40 links";
      if (r.contains("Not a directory")) return "a path component is not a directory";
      if (r.contains("Is a directory")) return "is a directory";
    }
    return e.getClass().getSimpleName();
  }
}
