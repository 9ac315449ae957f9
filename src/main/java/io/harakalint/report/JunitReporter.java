package io.harakalint.report;

import io.harakalint.rules.Finding;
import io.harakalint.rules.Rule;
import io.harakalint.rules.RuleMeta;
import io.harakalint.rules.Rules;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML, for CI test-report views (GitLab {@code artifacts: reports: junit}, Jenkins, Azure):
 * one {@code testsuite} per linted tree; in it one {@code testcase} per finding (a {@code failure}
 * when it counts, {@code skipped} with the waiver when waived) and one passing testcase for each
 * rule that found nothing. Names follow Checkov's {@code [severity][rule] title}; {@code file} is the
 * repository-relative path, which GitLab links.
 */
public final class JunitReporter implements Reporter {
  @Override
  public void write(List<LintReport> reports, Writer out) throws IOException {
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeAttribute("name", "haraka-lint");
      int tests = 0;
      int failures = 0;
      for (LintReport r : reports) {
        tests += cases(r).size();
        failures += (int) r.findings().stream().filter(Finding::counts).count();
      }
      x.writeAttribute("tests", Integer.toString(tests));
      x.writeAttribute("failures", Integer.toString(failures));
      for (LintReport r : reports) suite(x, r);
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

  /** A test case: a finding, or a rule with none (finding null). */
  private record Case(RuleMeta rule, Finding finding) {}

  private static List<Case> cases(LintReport r) {
    Map<String, List<Finding>> byRule = new LinkedHashMap<>();
    for (Finding f : r.findings()) byRule.computeIfAbsent(f.ruleId(), k -> new ArrayList<>()).add(f);
    List<Case> out = new ArrayList<>();
    for (Rule rule : Rules.ALL) {
      List<Finding> fs = byRule.remove(rule.meta().id());
      if (fs == null) out.add(new Case(rule.meta(), null));
      else for (Finding f : fs) out.add(new Case(rule.meta(), f));
    }
    for (List<Finding> fs : byRule.values()) for (Finding f : fs) out.add(new Case(f.rule(), f));
    return out;
  }

  private static void suite(XMLStreamWriter x, LintReport r) throws XMLStreamException {
    List<Case> cases = cases(r);
    long failures = r.findings().stream().filter(Finding::counts).count();
    long skipped = r.findings().size() - failures;
    x.writeCharacters("\n  ");
    x.writeStartElement("testsuite");
    x.writeAttribute("name", XmlText.clean("haraka-lint " + r.target()));
    x.writeAttribute("tests", Integer.toString(cases.size()));
    x.writeAttribute("failures", Long.toString(failures));
    x.writeAttribute("errors", "0");
    x.writeAttribute("skipped", Long.toString(skipped));
    x.writeAttribute("time", "0");
    x.writeCharacters("\n    ");
    x.writeStartElement("properties");
    property(x, "harakaVersion", r.harakaVersion());
    property(x, "harakaVersionSource", r.harakaVersionSource());
    property(x, "filesScanned", Integer.toString(r.filesScanned()));
    x.writeCharacters("\n    ");
    x.writeEndElement();
    for (Case c : cases) {
      x.writeCharacters("\n    ");
      Finding f = c.finding();
      if (f == null) {
        x.writeEmptyElement("testcase");
        x.writeAttribute("name", XmlText.clean("[" + c.rule().severity().label() + "][" + c.rule().id() + "] " + c.rule().title()));
        x.writeAttribute("classname", XmlText.clean(r.target()));
        x.writeAttribute("time", "0");
        continue;
      }
      String path = r.files().path(f.span().file());
      x.writeStartElement("testcase");
      x.writeAttribute("name", XmlText.clean("[" + f.severity().label() + "][" + f.ruleId() + "] " + c.rule().title()
          + " at " + f.span().file() + ":" + f.span().line()));
      x.writeAttribute("classname", XmlText.clean(r.target() + "." + f.span().file()));
      x.writeAttribute("file", XmlText.clean(path));
      x.writeAttribute("line", Integer.toString(f.span().line()));
      x.writeAttribute("time", "0");
      x.writeCharacters("\n      ");
      if (f.counts()) {
        x.writeStartElement("failure");
        x.writeAttribute("message", XmlText.clean(f.message()));
        x.writeAttribute("type", f.severity().label());
        StringBuilder body = new StringBuilder();
        body.append(path).append(':').append(f.span().line()).append(':').append(f.span().column()).append(": ")
            .append(f.severity().label()).append(" [").append(f.ruleId()).append("] ").append(f.message()).append('\n');
        if (f.status() == Finding.Status.WAIVER_EXPIRED) {
          body.append("waiver expired on ").append(f.waiver().expires()).append(" (").append(f.waiver().owner()).append(")\n");
        }
        body.append("why: ").append(c.rule().why()).append('\n').append("fix: ").append(c.rule().fix()).append('\n');
        x.writeCharacters(XmlText.clean(body.toString()));
        x.writeEndElement();
      } else {
        x.writeEmptyElement("skipped");
        x.writeAttribute("message", XmlText.clean("waived until " + f.waiver().expires() + " by " + f.waiver().owner()
            + ": " + f.waiver().reason()));
      }
      x.writeCharacters("\n    ");
      x.writeEndElement();
    }
    x.writeCharacters("\n  ");
    x.writeEndElement();
  }

  private static void property(XMLStreamWriter x, String name, String value) throws XMLStreamException {
    x.writeCharacters("\n      ");
    x.writeEmptyElement("property");
    x.writeAttribute("name", name);
    x.writeAttribute("value", XmlText.clean(value == null ? "" : value));
  }
}
