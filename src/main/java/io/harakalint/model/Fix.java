package io.harakalint.model;

import io.harakalint.text.TextEdit;
import java.util.List;

/**
 * A fix a rule computed for its finding: the edits, and one sentence saying how Haraka's behaviour
 * changes when they are applied (what an operator must know before accepting it).
 */
public record Fix(String behaviourChange, List<TextEdit> edits) {
  public Fix {
    edits = List.copyOf(edits);
  }

  public static Fix of(String behaviourChange, TextEdit... edits) {
    return new Fix(behaviourChange, List.of(edits));
  }
}
