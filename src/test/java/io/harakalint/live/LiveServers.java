package io.harakalint.live;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The servers of one test class: each scenario is prepared and started once, on first use, and
 * reused by every probe of that class; {@link #close} (from {@code @AfterAll}) stops them all.
 */
public final class LiveServers implements AutoCloseable {
  private final Map<String, HarakaServer> servers = new LinkedHashMap<>();

  /** The install, or aborts the test (a visible skip, with a printed line) when it cannot run here. */
  public static HarakaInstall require(HarakaInstall install) {
    if (!install.available()) {
      if (LiveReport.skipped(install.skipReason())) System.out.println("live: SKIPPED: " + install.skipReason());
      Assumptions.abort("live Haraka tests skipped: " + install.skipReason());
    }
    return install;
  }

  /** The server for {@code tree} on {@code install}, started on first use. */
  public synchronized HarakaServer get(ScenarioTree tree, HarakaInstall install) {
    require(install);
    String key = tree.name() + "@" + install.dir();
    HarakaServer s = servers.get(key);
    if (s == null) {
      s = HarakaServer.start(tree.prepare(install));
      if (s.exited() && !s.log().containing("EADDRINUSE").isEmpty()) {
        // The free port was taken between choosing it and Haraka binding it: once more on another.
        s.close();
        s = HarakaServer.start(tree.prepare(install));
      }
      servers.put(key, s);
      LiveReport.serverStarted(s);
    }
    return s;
  }

  @Override
  public synchronized void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (HarakaServer s : servers.values()) {
      try {
        s.close();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    servers.clear();
    if (!failures.isEmpty()) throw failures.get(0);
  }
}
