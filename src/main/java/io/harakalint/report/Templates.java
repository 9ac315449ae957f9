package io.harakalint.report;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import io.harakalint.load.UserError;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Freemarker set-up of the human formats: templates from {@code --template DIR} first, then
 * those packaged from {@code templates/}. Made only when a templated format is written, so a plain
 * text check never loads Freemarker. {@code incompatible_improvements} 2.3.34 lets templates read
 * record components as properties ({@code ${f.message}}); {@code .ftlh} templates escape HTML.
 */
final class Templates {
  static final String PACKAGED = "/io/harakalint/templates";

  private final Configuration cfg;

  Templates(Path overrideDir) {
    cfg = new Configuration(Configuration.VERSION_2_3_34);
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setLocalizedLookup(false);
    cfg.setNumberFormat("computer"); // 1234, never "1,234": numbers end up in SVG attributes and anchors
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    TemplateLoader packaged = new ClassTemplateLoader(Templates.class, PACKAGED);
    if (overrideDir == null) {
      cfg.setTemplateLoader(packaged);
    } else {
      if (!Files.isDirectory(overrideDir)) throw new UserError("--template " + overrideDir + ": not a directory");
      try {
        cfg.setTemplateLoader(new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrideDir.toFile()), packaged}));
      } catch (IOException e) {
        throw new UserError("--template " + overrideDir + ": cannot be read (" + e.getClass().getSimpleName() + ")");
      }
    }
    cfg.setSharedVariable("md", (TemplateMethodModelEx) args -> Markdown.escape(arg(args)));
    cfg.setSharedVariable("mdCode", (TemplateMethodModelEx) args -> Markdown.code(arg(args)));
    cfg.setSharedVariable("h", (TemplateMethodModelEx) args -> Markdown.html(arg(args)));
  }

  void render(String name, Map<String, Object> model, Writer out) throws IOException {
    try {
      cfg.getTemplate(name).process(model, out);
    } catch (TemplateException e) {
      throw new UserError("template " + name + ": " + firstLine(e.getMessage()));
    } catch (freemarker.core.ParseException e) {
      throw new UserError("template " + name + ": " + firstLine(e.getMessage()));
    }
  }

  String render(String name, Map<String, Object> model) throws IOException {
    StringWriter w = new StringWriter();
    render(name, model, w);
    return w.toString();
  }

  /** Freemarker's first line says what went wrong, and its "==>" line which expression, where. */
  private static String firstLine(String s) {
    if (s == null) return "cannot be rendered";
    String[] lines = s.split("\n");
    StringBuilder sb = new StringBuilder(lines[0].strip());
    for (String l : lines) {
      if (l.startsWith("==>")) {
        sb.append(' ').append(l.substring(3).strip().replaceAll("\\s+", " "));
        break;
      }
    }
    return sb.toString();
  }

  private static String arg(List<?> args) throws TemplateModelException {
    if (args.size() != 1) throw new TemplateModelException("expects one argument");
    Object a = args.get(0);
    if (a == null) return "";
    return a instanceof TemplateScalarModel s ? s.getAsString() : a.toString();
  }
}
