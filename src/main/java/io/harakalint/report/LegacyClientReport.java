package io.harakalint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Renders the legacy-client remediation report ({@code templates/legacy-client.md.ftl}) with the shared Freemarker set-up. */
public final class LegacyClientReport {
  public static final String TEMPLATE = "legacy-client.md.ftl";

  private LegacyClientReport() {}

  public static String render(Map<String, Object> model) {
    try {
      return new Templates(null).render(TEMPLATE, model);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
