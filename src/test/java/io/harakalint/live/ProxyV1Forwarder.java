package io.harakalint.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A one-connection TCP forwarder on 127.0.0.1 that opens the way to Haraka with a PROXY v1 line
 * naming {@code clientIp}, then copies bytes both ways. It lets a client that cannot send PROXY
 * ({@code openssl s_client}) appear to Haraka as a public address, as a legacy client behind
 * HAProxy does. Its threads are daemons and end with either socket; {@link #close} closes all.
 */
final class ProxyV1Forwarder implements AutoCloseable {
  private final ServerSocket listener;
  private volatile Socket inbound;
  private volatile Socket outbound;

  private ProxyV1Forwarder(ServerSocket listener) {
    this.listener = listener;
  }

  /** Listens on a free 127.0.0.1 port; the first connection is forwarded to {@code 127.0.0.1:serverPort}. */
  static ProxyV1Forwarder start(String clientIp, int serverPort) {
    try {
      ServerSocket ss = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
      ss.setSoTimeout((int) LegacyTlsProbe.TIMEOUT.toMillis());
      ProxyV1Forwarder f = new ProxyV1Forwarder(ss);
      Thread t = new Thread(() -> f.serve(clientIp, serverPort), "haraka-lint-live-proxy-" + clientIp);
      t.setDaemon(true);
      t.start();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  int port() {
    return listener.getLocalPort();
  }

  private void serve(String clientIp, int serverPort) {
    try {
      inbound = listener.accept();
      outbound = new Socket();
      outbound.connect(new InetSocketAddress("127.0.0.1", serverPort), 10_000);
      String proxy = "PROXY TCP4 " + clientIp + " 127.0.0.1 " + inbound.getPort() + " " + serverPort + "\r\n";
      outbound.getOutputStream().write(proxy.getBytes(StandardCharsets.US_ASCII));
      Thread back = new Thread(() -> copy(outbound, inbound), "haraka-lint-live-proxy-back");
      back.setDaemon(true);
      back.start();
      copy(inbound, outbound);
    } catch (IOException e) {
      close();
    }
  }

  private void copy(Socket from, Socket to) {
    byte[] buf = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException ignored) {
      // one side closed
    } finally {
      close();
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {inbound, outbound, listener}) {
      try {
        if (c != null) c.close();
      } catch (Exception ignored) {
        // already closed
      }
    }
  }
}
