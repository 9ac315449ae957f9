package io.harakalint.model;

/**
 * v2-era single-value files that Haraka 3.1 moved into {@code connection.ini} (reference §7.1,
 * CHANGELOG 3.1.0). A 3.1+ server no longer reads them.
 */
public enum LegacySetting {
  HAPROXY_HOSTS("haproxy_hosts", "[haproxy] hosts[]"),
  SMTPGREETING("smtpgreeting", "[message] greeting[]"),
  EHLO_HELLO_MESSAGE("ehlo_hello_message", "[message] helo"),
  CONNECTION_CLOSE_MESSAGE("connection_close_message", "[message] close"),
  BANNER_INCLUDES_UUID("banner_includes_uuid", "[uuid] banner_chars"),
  DENY_INCLUDES_UUID("deny_includes_uuid", "[uuid] deny_chars"),
  DATABYTES("databytes", "[max] bytes"),
  MAX_MIME_PARTS("max_mime_parts", "[max] mime_parts"),
  MAX_LINE_LENGTH("max_line_length", "[max] line_length"),
  MAX_DATA_LINE_LENGTH("max_data_line_length", "[max] data_line_length"),
  MAX_RECEIVED_COUNT("max_received_count", "[headers] max_received"),
  MAX_HEADER_LINES("max_header_lines", "[headers] max_lines"),
  STRICT_RFC1869("strict_rfc1869", "[main] strict_rfc1869"),
  HEADER_HIDE_VERSION("header_hide_version", "[headers] show_version");

  private final String fileName;
  private final String replacement;

  LegacySetting(String fileName, String replacement) {
    this.fileName = fileName;
    this.replacement = replacement;
  }

  public String fileName() {
    return fileName;
  }

  /** Where the setting lives in connection.ini now. */
  public String replacement() {
    return replacement;
  }
}
