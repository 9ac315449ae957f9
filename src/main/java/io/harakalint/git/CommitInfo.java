package io.harakalint.git;

/**
 * A commit as reports show it (plain strings, no JGit types, so report formats need not load JGit).
 *
 * @param authorDate ISO-8601 with the author's own UTC offset, as {@code git log --date=iso-strict} shows it
 */
public record CommitInfo(String id, String shortId, String authorName, String authorEmail, String authorDate,
    String subject) {}
