package io.harakalint.logs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one line in any of the three formats of Haraka's {@code logger.js} (3.x; 2.8 writes the
 * same default format), with or without the {@code timestamps=true} ISO prefix. A prefix a log
 * shipper adds (syslog, journald) before the default format is skipped. Lines that are not Haraka
 * log lines (start-up chatter, stack frames, other programs) are {@link Kind#UNKNOWN}; lines that
 * look like a format but do not parse (cut JSON) are {@link Kind#MALFORMED}.
 */
public final class LogLineParser {
  /** What a line turned out to be. */
  public enum Kind { DEFAULT, LOGFMT, JSON, UNKNOWN, MALFORMED }

  private static final Pattern LEVEL_AFTER_PREFIX =
      Pattern.compile("\\[(DATA|PROTOCOL|DEBUG|INFO|NOTICE|WARN|ERROR|CRIT|ALERT|EMERG)\\] \\[");
  private static final JsonFactory JSON = new JsonFactory();

  private Kind lastKind = Kind.UNKNOWN;

  /** The kind of the line last given to {@link #parse}. */
  public Kind lastKind() {
    return lastKind;
  }

  /** The record, or null when the line is unknown or malformed (see {@link #lastKind}). */
  public LogRecord parse(String line) {
    long time = -1;
    String rest = line;
    if (looksLikeIsoTime(line)) {
      int space = line.indexOf(' ');
      try {
        time = Instant.parse(line.substring(0, space)).toEpochMilli();
        rest = line.substring(space + 1);
      } catch (DateTimeParseException e) {
        return kind(Kind.MALFORMED);
      }
    }
    if (rest.startsWith("{")) return json(time, rest);
    if (rest.startsWith("level=")) return logfmt(time, rest);
    if (rest.startsWith("[")) return defaultFormat(time, rest);
    Matcher m = LEVEL_AFTER_PREFIX.matcher(rest);
    if (m.find()) return defaultFormat(time, rest.substring(m.start()));
    return kind(Kind.UNKNOWN);
  }

  private LogRecord kind(Kind k) {
    lastKind = k;
    return null;
  }

  /** {@code 2026-12-08T02:45:46.674Z } as {@code new Date().toISOString()} writes it. */
  private static boolean looksLikeIsoTime(String s) {
    return s.length() > 21 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == 'T' && s.charAt(13) == ':'
        && Character.isDigit(s.charAt(0)) && s.indexOf("Z ") > 18 && s.indexOf("Z ") < 32;
  }

  /** {@code [LEVEL] [uuid] [origin] message}. */
  private LogRecord defaultFormat(long time, String s) {
    int l = s.indexOf("] [");
    if (l < 2) return kind(Kind.UNKNOWN);
    String level = s.substring(1, l);
    if (!isLevel(level)) return kind(Kind.UNKNOWN);
    int u = s.indexOf("] [", l + 3);
    if (u < 0) return kind(Kind.MALFORMED);
    String uuid = s.substring(l + 3, u);
    int o = s.indexOf(']', u + 3);
    if (o < 0) return kind(Kind.MALFORMED);
    String origin = s.substring(u + 3, o);
    String message = o + 2 <= s.length() ? s.substring(Math.min(o + 2, s.length())) : "";
    lastKind = Kind.DEFAULT;
    return new LogRecord(time, level, session(uuid), origin, message, Map.of());
  }

  private LogRecord logfmt(long time, String s) {
    Map<String, String> kv = KeyValues.parse(s);
    String level = kv.remove("level");
    if (level == null || !isLevel(level)) return kind(Kind.MALFORMED);
    String uuid = kv.remove("uuid");
    String origin = kv.remove("origin");
    String message = kv.remove("message");
    lastKind = Kind.LOGFMT;
    return new LogRecord(time, level, session(uuid == null ? "-" : uuid), origin == null ? "" : origin,
        message == null ? "" : message, kv);
  }

  private LogRecord json(long time, String s) {
    Map<String, String> fields = new HashMap<>();
    String level = null;
    String uuid = "-";
    String origin = "";
    String message = "";
    try (JsonParser p = JSON.createParser(s)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return kind(Kind.MALFORMED);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        String text = v == JsonToken.VALUE_NULL ? "" : p.getText();
        switch (name) {
          case "level" -> level = text;
          case "uuid" -> uuid = text;
          case "origin" -> origin = text;
          case "message" -> message = text;
          default -> fields.put(name, text);
        }
      }
      if (t != JsonToken.END_OBJECT) return kind(Kind.MALFORMED);
    } catch (IOException e) {
      return kind(Kind.MALFORMED);
    }
    if (level == null || !isLevel(level)) return kind(Kind.MALFORMED);
    lastKind = Kind.JSON;
    return new LogRecord(time, level, session(uuid), origin, message, fields);
  }

  private static boolean isLevel(String s) {
    return switch (s) {
      case "DATA", "PROTOCOL", "DEBUG", "INFO", "NOTICE", "WARN", "ERROR", "CRIT", "ALERT", "EMERG" -> true;
      default -> false;
    };
  }

  /** The connection UUID without the transaction number ({@code ABC.2} → {@code ABC}). */
  private static String session(String uuid) {
    int dot = uuid.indexOf('.');
    return dot > 0 ? uuid.substring(0, dot) : uuid;
  }
}
