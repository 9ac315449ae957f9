package io.harakalint.migrate;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Freemarker set-up of the migration's templates ({@code templates/connection.ini.ftl},
 * {@code templates/migration.md.ftl}, packaged under {@code /io/harakalint/templates}), configured
 * like the report templates: records read as properties, no API or class built-ins.
 */
final class MigrateTemplates {
  private static Configuration cfg;

  private MigrateTemplates() {}

  private static synchronized Configuration cfg() {
    if (cfg != null) return cfg;
    Configuration c = new Configuration(Configuration.VERSION_2_3_34);
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    c.setLocale(Locale.ROOT);
    c.setLocalizedLookup(false);
    c.setNumberFormat("computer");
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    c.setAPIBuiltinEnabled(false);
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setTemplateLoader(new ClassTemplateLoader(MigrateTemplates.class, "/io/harakalint/templates"));
    c.setSharedVariable("code", (TemplateMethodModelEx) args -> "`" + cell(arg(args)).replace('`', '\'') + "`");
    c.setSharedVariable("cell", (TemplateMethodModelEx) args -> cell(arg(args)));
    return cfg = c;
  }

  static String render(String name, Map<String, Object> model) {
    StringWriter w = new StringWriter();
    try {
      cfg().getTemplate(name).process(model, w);
    } catch (TemplateException e) {
      throw new IllegalStateException("template " + name + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /** Text that stays in one Markdown table cell. */
  static String cell(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }

  private static String arg(List<?> args) throws TemplateModelException {
    if (args.size() != 1) throw new TemplateModelException("expects one argument");
    Object a = args.get(0);
    if (a == null) return "";
    return a instanceof TemplateScalarModel s ? s.getAsString() : a.toString();
  }
}
