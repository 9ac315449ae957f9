package io.harakalint.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Haraka's is_private ranges (haraka-net-utils lib/ip.js, reference §4). */
class PrivateAddressesTest {
  @Test
  void privateRanges() {
    for (String s : new String[] {"127.0.0.1", "10.20.0.15", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.1.1",
        "192.0.2.10", "198.51.100.1", "203.0.113.9", "0.0.0.0", "::1", "::", "fe80::1", "fd00::25", "fc00::1",
        "10.0.0.0/8", "192.168.0.0/24", "::ffff:10.1.2.3", "fd12:3456::/48"}) {
      assertThat(PrivateAddresses.isPrivate(s)).as(s).isTrue();
    }
  }

  @Test
  void publicAndNonAddresses() {
    for (String s : new String[] {"198.18.7.21", "8.8.8.8", "100.64.0.1", "172.32.0.1", "2001:db8::1", "10.0.0.0/7",
        "0.0.0.0/0", "fe00::/7", "mail.example.com", "", "999.1.1.1", "1.2.3", "10.0.0.1/abc", "::ffff:8.8.8.8"}) {
      assertThat(PrivateAddresses.isPrivate(s)).as(s).isFalse();
    }
  }
}
