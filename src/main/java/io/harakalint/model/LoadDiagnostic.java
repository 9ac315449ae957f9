package io.harakalint.model;

import io.harakalint.text.Span;

/**
 * Something Haraka would log and skip (or silently do) while reading a file. A diagnostic is data,
 * not an error: rules turn the interesting ones into findings.
 *
 * @param detail safe-to-print detail; never contains a value (values may be secrets)
 */
public record LoadDiagnostic(Kind kind, Span span, String detail) {
  public enum Kind {
    /** haraka-config logs "Invalid line in config file" and skips the line. */
    INVALID_LINE,
    /** A section header followed by a comment: an invalid line, and later keys stay in the previous section. */
    HEADER_WITH_COMMENT,
    /** A continuation ('\' at line end) on the last line: haraka-config drops it silently. */
    DANGLING_CONTINUATION,
    /** A section header inside a continuation: the buffered text is glued onto the next key line. */
    HEADER_IN_CONTINUATION,
    /** k= and k[]= in one section: 1.7.0 keeps the last form, 1.4.2 throws away the whole file. */
    MIXED_SCALAR_ARRAY,
    /** __proto__, constructor or prototype as a section or key name: ignored by haraka-config 1.7.0. */
    UNSAFE_NAME,
    /** Bytes that are not UTF-8: Haraka reads U+FFFD in their place. */
    INVALID_UTF8,
    /** A NUL byte: the file is binary, not config text. */
    BINARY_CONTENT,
    /** A JSON/YAML/HJSON file that does not parse: Haraka logs the error and uses an empty config. */
    PARSE_ERROR,
    /** A file that could not be read (permissions, size cap, symlink leaving the tree). */
    UNREADABLE,
    /** A key, certificate or dhparam file tls.ini names outside the tree (not read unless allowed). */
    OUTSIDE_TREE
  }
}
