package io.harakalint.cli;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The OASIS SARIF 2.1.0 JSON schema (Errata 01, draft-04), committed under
 * src/test/resources/sarif/ from oasis-tcs/sarif-spec (see SOURCE.md there), checked with
 * networknt's json-schema-validator.
 */
final class SarifSchema {
  private static Schema schema;

  private SarifSchema() {}

  /** Every way {@code sarif} breaks the schema; empty when it is valid. */
  static synchronized List<String> violations(String sarif) {
    if (schema == null) {
      try (InputStream in = SarifSchema.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
        schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    List<String> out = new ArrayList<>();
    for (Error e : schema.validate(sarif, InputFormat.JSON)) out.add(e.toString());
    return out;
  }
}
