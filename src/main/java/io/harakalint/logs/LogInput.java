package io.harakalint.logs;

import io.harakalint.load.UserError;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One log to read, line by line, in bounded memory: a file or standard input ({@code -}), gzip
 * recognised by its magic bytes (not its name, so rotated {@code haraka.log.1} that logrotate
 * compressed works too; concatenated gzip members are read in turn). Bytes that are not UTF-8 become
 * U+FFFD. A line longer than {@link #MAX_LINE} characters is cut there and reported as too long:
 * the rest of it is skipped, never held.
 */
public final class LogInput implements Closeable {
  /** The longest line kept; Haraka's own lines are far shorter (a JSON disconnect line is ~400). */
  public static final int MAX_LINE = 64 * 1024;

  private final String name;
  private final Reader reader;
  private final boolean gzip;
  private final StringBuilder line = new StringBuilder(256);
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private boolean lastTooLong;

  private LogInput(String name, InputStream in) throws IOException {
    this.name = name;
    BufferedInputStream b = new BufferedInputStream(in, 64 * 1024);
    b.mark(2);
    int m1 = b.read();
    int m2 = b.read();
    b.reset();
    this.gzip = m1 == 0x1f && m2 == 0x8b;
    InputStream body = gzip ? new GZIPInputStream(b, 64 * 1024) : b;
    this.reader = new InputStreamReader(body, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
  }

  /** Opens {@code name}: a path, or {@code -} for {@code stdin}. */
  public static LogInput open(String name, InputStream stdin) {
    try {
      if (name.equals("-")) return new LogInput("-", stdin);
      Path p = Path.of(name);
      if (Files.isDirectory(p)) throw new UserError(name + ": is a directory, not a log file");
      return new LogInput(name, Files.newInputStream(p));
    } catch (NoSuchFileException e) {
      throw new UserError(name + ": no such log file");
    } catch (IOException e) {
      throw new UserError(name + ": cannot be read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /** The name as given ({@code -} for standard input). */
  public String name() {
    return name;
  }

  public boolean gzip() {
    return gzip;
  }

  /** The next line without its line break ({@code \n} or {@code \r\n}), or null at the end. */
  public String readLine() throws IOException {
    line.setLength(0);
    lastTooLong = false;
    boolean any = false;
    while (true) {
      if (pos >= len) {
        len = reader.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
          len = 0;
          return any ? finish() : null;
        }
      }
      any = true;
      int start = pos;
      while (pos < len && buf[pos] != '\n') pos++;
      int take = Math.min(pos - start, Math.max(0, MAX_LINE - line.length()));
      if (take < pos - start) lastTooLong = true;
      line.append(buf, start, take);
      if (pos < len) {
        pos++; // the '\n'
        return finish();
      }
    }
  }

  private String finish() {
    int n = line.length();
    if (n > 0 && line.charAt(n - 1) == '\r') line.setLength(n - 1);
    return line.toString();
  }

  /** Whether the line {@link #readLine} returned last was cut at {@link #MAX_LINE}. */
  public boolean lastLineTooLong() {
    return lastTooLong;
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
