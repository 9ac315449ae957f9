package io.harakalint.logs;

import java.util.Map;

/**
 * One line of Haraka's log, whatever {@code log.ini [main] format} wrote it in ({@code logger.js}):
 * {@code default} {@code [LEVEL] [uuid] [origin] message}, {@code logfmt} {@code level=… uuid=… origin=…
 * message=… key=value…}, or {@code json} {@code {"level":…,"uuid":…,"origin":…,"message":…,…}}, each
 * optionally after the ISO time {@code timestamps=true} adds.
 *
 * @param epochMillis the time of the line, or -1 when the log has no timestamps
 * @param session the connection UUID without the {@code .N} transaction suffix, or "-" for none
 * @param message the free text; in the default format it still holds the key=value pairs Haraka appends
 * @param fields the key=value pairs (JSON keys, logfmt keys); empty in the default format, where
 *     {@link #field} reads them out of the message
 */
public record LogRecord(long epochMillis, String level, String session, String origin, String message,
    Map<String, String> fields) {

  /** A field, from the JSON or logfmt keys or the message's {@code key=value} pairs; null when absent. */
  public String field(String key) {
    String v = fields.get(key);
    return v != null ? v : KeyValues.find(message, key);
  }

  public boolean hasSession() {
    return !session.equals("-");
  }
}
