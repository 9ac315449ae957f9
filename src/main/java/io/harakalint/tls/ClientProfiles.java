package io.harakalint.tls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The client profiles of {@code clients.json}, read on first use. */
public final class ClientProfiles {
  private final Map<String, ClientProfile> byId;

  private ClientProfiles(Map<String, ClientProfile> byId) {
    this.byId = byId;
  }

  private static final class Holder {
    static final ClientProfiles INSTANCE = load();
  }

  public static ClientProfiles get() {
    return Holder.INSTANCE;
  }

  public List<ClientProfile> all() {
    return List.copyOf(byId.values());
  }

  public Optional<ClientProfile> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  private static ClientProfiles load() {
    try (InputStream in = ClientProfiles.class.getResourceAsStream("clients.json")) {
      if (in == null) throw new IllegalStateException("clients.json missing from the jar");
      JsonNode root = new ObjectMapper().readTree(in);
      Map<String, ClientProfile> m = new LinkedHashMap<>();
      for (JsonNode p : root.get("profiles")) {
        List<TlsProtocol> protocols = new ArrayList<>();
        boolean sslv2 = false;
        for (JsonNode v : p.get("protocols")) {
          if (v.asText().equals("SSLv2")) sslv2 = true;
          else protocols.add(TlsProtocol.parse(v.asText()));
        }
        ClientProfile c = new ClientProfile(p.get("id").asText(), p.get("name").asText(),
            Collections.unmodifiableList(protocols), strings(p.get("suites")), strings(p.get("tls13Suites")),
            strings(p.get("groups")), p.get("minDhBits").asInt(), p.get("maxDhBits").asInt(),
            p.get("requiresSha2").asBoolean(), p.get("sni").asBoolean(), p.get("source").asText(),
            Optional.ofNullable(p.get("testssl")).map(JsonNode::asText),
            Optional.ofNullable(p.get("basedOn")).map(JsonNode::asText), sslv2);
        if (m.put(c.id(), c) != null) throw new IllegalStateException("duplicate client id " + c.id());
      }
      return new ClientProfiles(Collections.unmodifiableMap(m));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n != null) for (JsonNode x : n) out.add(x.asText());
    return Collections.unmodifiableList(out);
  }
}
