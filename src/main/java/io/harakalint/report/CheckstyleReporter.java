package io.harakalint.report;

import io.harakalint.rules.Finding;
import io.harakalint.rules.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Checkstyle's XML ({@code <checkstyle><file name><error line column severity message source/>}),
 * which reviewdog, Jenkins warnings-ng and many CI dashboards read. Findings that count only,
 * grouped by file; written with the JDK's StAX writer, which escapes.
 */
public final class CheckstyleReporter implements Reporter {
  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    Map<String, List<Finding>> byFile = new LinkedHashMap<>();
    for (LintReport r : reports) {
      for (Finding f : r.findings()) {
        if (f.counts()) byFile.computeIfAbsent(r.files().path(f.span().file()), k -> new java.util.ArrayList<>()).add(f);
      }
    }
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("checkstyle");
      x.writeAttribute("version", "haraka-lint " + (reports.isEmpty() ? ToolVersion.get() : reports.get(0).toolVersion()));
      for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
        x.writeCharacters("\n  ");
        x.writeStartElement("file");
        x.writeAttribute("name", XmlText.clean(e.getKey()));
        for (Finding f : e.getValue()) {
          x.writeCharacters("\n    ");
          x.writeEmptyElement("error");
          x.writeAttribute("line", Integer.toString(f.span().line()));
          x.writeAttribute("column", Integer.toString(f.span().column()));
          x.writeAttribute("severity", severity(f.severity()));
          x.writeAttribute("message", XmlText.clean("[" + f.ruleId() + "] " + f.message()));
          x.writeAttribute("source", "haraka-lint." + f.ruleId());
        }
        x.writeCharacters("\n  ");
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.flush();
      x.close();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  /** Checkstyle knows error, warning, info (and ignore). */
  static String severity(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "info";
    };
  }
}
