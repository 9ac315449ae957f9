package io.harakalint.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.harakalint.model.StructuredValue;
import io.harakalint.text.SourceFile;
import io.harakalint.text.Span;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Reads {@code .json}, {@code .yaml}/{@code .yml} and {@code .hjson} config files into
 * {@link StructuredValue}s with positions: JSON with Jackson's streaming parser, YAML with
 * snakeyaml-engine (YAML 1.2, like the {@code yaml} package haraka-config 1.5+ uses), HJSON with
 * the hjson library (which keeps no positions, so its values point at the file). Like haraka-config's
 * {@code sanitize}, {@code __proto__}, {@code constructor} and {@code prototype} keys are dropped.
 */
public final class StructuredParser {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Set<String> UNSAFE = Set.of("__proto__", "constructor", "prototype");

  /** A parsed file, or the parser's one-line complaint (never containing file content). */
  public record Result(StructuredValue value, String error) {}

  private StructuredParser() {}

  /**
   * Deeper than any real config, and Jackson's own limit: the YAML and HJSON readers recurse once per
   * level with no limit of their own, so a hostile file of 100,000 '[' would overflow the stack.
   */
  static final int MAX_DEPTH = 1000;

  /** Why a file was not parsed at all, as opposed to parsed and found invalid. */
  public static final String TOO_DEEP = "is nested more than " + MAX_DEPTH + " levels deep; haraka-lint does not read it";

  public static Result parse(SourceFile file) {
    String name = file.path().toLowerCase(java.util.Locale.ROOT);
    if (bracketDepthAbove(file.text(), MAX_DEPTH)) return new Result(null, TOO_DEEP);
    try {
      if (name.endsWith(".json")) return new Result(json(file), null);
      if (name.endsWith(".yaml") || name.endsWith(".yml")) return new Result(yaml(file), null);
      if (name.endsWith(".hjson")) return new Result(hjson(file), null);
      return new Result(null, "not a structured config file");
    } catch (IOException | RuntimeException e) {
      return new Result(null, "does not parse (" + e.getClass().getSimpleName() + at(e) + ")");
    } catch (StackOverflowError e) {
      return new Result(null, TOO_DEEP); // YAML block nesting by indentation, which the bracket count does not see
    }
  }

  /** Whether '[' and '{' ever nest deeper than {@code max} (strings are not skipped: erring towards refusing). */
  private static boolean bracketDepthAbove(String text, int max) {
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        if (++depth > max) return true;
      } else if ((c == ']' || c == '}') && depth > 0) {
        depth--;
      }
    }
    return false;
  }

  private static String at(Throwable e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null) {
      return " at line " + j.getLocation().getLineNr();
    }
    if (e instanceof org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException y && y.getProblemMark().isPresent()) {
      return " at line " + (y.getProblemMark().get().getLine() + 1);
    }
    return "";
  }

  // --- JSON ---

  private static StructuredValue json(SourceFile file) throws IOException {
    try (JsonParser p = JSON.createParser(file.text())) {
      JsonToken t = p.nextToken();
      if (t == null) throw new IOException("empty");
      StructuredValue v = jsonValue(p, file);
      if (p.nextToken() != null) throw new IOException("trailing content");
      return v;
    }
  }

  private static StructuredValue jsonValue(JsonParser p, SourceFile file) throws IOException {
    Span at = span(file, p.currentTokenLocation());
    switch (p.currentToken()) {
      case START_OBJECT: {
        Map<String, StructuredValue.Member> members = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          Span keySpan = span(file, p.currentTokenLocation());
          p.nextToken();
          StructuredValue v = jsonValue(p, file);
          if (!UNSAFE.contains(key)) members.put(key, new StructuredValue.Member(key, keySpan, v));
        }
        return new StructuredValue.Obj(members, at);
      }
      case START_ARRAY: {
        List<StructuredValue> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) items.add(jsonValue(p, file));
        return new StructuredValue.Arr(items, at);
      }
      case VALUE_STRING: return new StructuredValue.Scalar(p.getText(), at);
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT: return new StructuredValue.Scalar(p.getDoubleValue(), at);
      case VALUE_TRUE: return new StructuredValue.Scalar(Boolean.TRUE, at);
      case VALUE_FALSE: return new StructuredValue.Scalar(Boolean.FALSE, at);
      case VALUE_NULL: return new StructuredValue.Scalar(null, at);
      default: throw new IOException("unexpected " + p.currentToken());
    }
  }

  private static Span span(SourceFile file, JsonLocation loc) {
    return file.spanAt(Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
  }

  // --- YAML 1.2 ---

  private static StructuredValue yaml(SourceFile file) {
    LoadSettings settings = LoadSettings.builder().setLabel(file.path()).setMaxAliasesForCollections(50).build();
    Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, file.text())));
    Node root = composer.getSingleNode().orElse(null);
    if (root == null) return new StructuredValue.Scalar(null, file.spanAt(1, 1));
    return yamlValue(root, file, 0);
  }

  private static StructuredValue yamlValue(Node n, SourceFile file, int depth) {
    if (depth > 64) throw new IllegalStateException("nested too deeply");
    Span at = n.getStartMark().map(m -> file.spanAt(m.getLine() + 1, m.getColumn() + 1)).orElse(file.spanAt(1, 1));
    if (n instanceof MappingNode m) {
      Map<String, StructuredValue.Member> members = new LinkedHashMap<>();
      for (NodeTuple t : m.getValue()) {
        if (!(t.getKeyNode() instanceof ScalarNode k)) continue;
        Span keySpan = k.getStartMark().map(x -> file.spanAt(x.getLine() + 1, x.getColumn() + 1)).orElse(at);
        if (!UNSAFE.contains(k.getValue())) {
          members.put(k.getValue(), new StructuredValue.Member(k.getValue(), keySpan, yamlValue(t.getValueNode(), file, depth + 1)));
        }
      }
      return new StructuredValue.Obj(members, at);
    }
    if (n instanceof SequenceNode s) {
      List<StructuredValue> items = new ArrayList<>();
      for (Node c : s.getValue()) items.add(yamlValue(c, file, depth + 1));
      return new StructuredValue.Arr(items, at);
    }
    ScalarNode s = (ScalarNode) n;
    return new StructuredValue.Scalar(yamlScalar(s), at);
  }

  /** YAML 1.2 core schema: null, true/false, numbers; everything else (yes, no, on, off) is a string. */
  private static Object yamlScalar(ScalarNode s) {
    String v = s.getValue();
    if (s.getScalarStyle() != org.snakeyaml.engine.v2.common.ScalarStyle.PLAIN) return v;
    if (v.matches("null|Null|NULL|~|")) return null;
    if (v.matches("true|True|TRUE")) return Boolean.TRUE;
    if (v.matches("false|False|FALSE")) return Boolean.FALSE;
    if (v.matches("[-+]?[0-9]+")) return Double.parseDouble(v);
    if (v.matches("0o[0-7]+")) return (double) Long.parseLong(v.substring(2), 8);
    if (v.matches("0x[0-9a-fA-F]+")) return (double) Long.parseLong(v.substring(2), 16);
    if (v.matches("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?")) return Double.parseDouble(v);
    return v;
  }

  // --- HJSON ---

  private static StructuredValue hjson(SourceFile file) {
    return hjsonValue(org.hjson.JsonValue.readHjson(file.text()), file.spanAt(1, 1));
  }

  private static StructuredValue hjsonValue(org.hjson.JsonValue v, Span at) {
    if (v.isObject()) {
      Map<String, StructuredValue.Member> members = new LinkedHashMap<>();
      for (org.hjson.JsonObject.Member m : v.asObject()) {
        if (!UNSAFE.contains(m.getName())) {
          members.put(m.getName(), new StructuredValue.Member(m.getName(), at, hjsonValue(m.getValue(), at)));
        }
      }
      return new StructuredValue.Obj(members, at);
    }
    if (v.isArray()) {
      List<StructuredValue> items = new ArrayList<>();
      for (org.hjson.JsonValue c : v.asArray()) items.add(hjsonValue(c, at));
      return new StructuredValue.Arr(items, at);
    }
    if (v.isString()) return new StructuredValue.Scalar(v.asString(), at);
    if (v.isNumber()) return new StructuredValue.Scalar(v.asDouble(), at);
    if (v.isBoolean()) return new StructuredValue.Scalar(v.asBoolean(), at);
    return new StructuredValue.Scalar(null, at);
  }
}
