package io.harakalint.live;

import io.harakalint.live.LiveReport.Verdict;
import io.harakalint.live.SmtpProbe.AuthMethod;
import io.harakalint.live.SmtpProbe.Client;
import io.harakalint.live.SmtpProbe.Result;
import io.harakalint.rules.Severity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * AUTH and STARTTLS claims on Haraka 3.3.4 with auth/flat_file: who is offered AUTH, before or after
 * STARTTLS, and who can authenticate at all (HL301, HL302, HL303).
 */
@ExtendWith(LiveReport.Extension.class)
class AuthLiveTest {
  private static final LiveServers SERVERS = new LiveServers();
  static final String USER = "alice";
  static final String PASSWORD = "correct-horse-battery";

  @AfterAll
  static void stopServers() {
    SERVERS.close();
  }

  private static HarakaServer server(ScenarioTree tree) {
    return SERVERS.get(tree, HarakaInstall.haraka3());
  }

  private static HarakaServer server(String scenario) {
    return server(ScenarioTree.resource(scenario));
  }

  /** The public client tries STARTTLS, then AUTH PLAIN (over TLS when it got it). */
  private static Result publicLogin(HarakaServer s, Client client) {
    return SmtpProbe.as(client).startTls().auth(AuthMethod.PLAIN, USER, PASSWORD).run(s);
  }

  static Verdict cannotAuthenticate(Result r) {
    return Verdict.of(!r.authenticated(), r.client().label() + ": " + r.capabilities() + "; " + r.authSummary());
  }

  @Test
  void publicClientsCannotAuthenticateWithoutWorkingTls() {
    String claim = "a client on a public address can never authenticate";
    HarakaServer noTls = server("auth-no-tls");
    Result r = publicLogin(noTls, Client.PUBLIC);
    LiveReport.check(noTls, claim, Lint.of(noTls.tree()).reports("HL301"), cannotAuthenticate(r), r.log());

    HarakaServer noKey = server(ScenarioTree.resource("auth-tls").variant("auth-tls-without-key").withoutCertificate());
    Result k = publicLogin(noKey, Client.PUBLIC);
    LiveReport.check(noKey, claim, Lint.of(noKey.tree()).reports("HL301"), cannotAuthenticate(k), k.log());

    HarakaServer good = server("auth-tls");
    Result g = publicLogin(good, Client.PUBLIC);
    LiveReport.check(good, claim, Lint.of(good.tree()).reports("HL301"), cannotAuthenticate(g), g.log());
  }

  @Test
  void publicClientsAreOfferedAuthOnlyAfterStartTls() {
    HarakaServer s = server("auth-tls");
    Lint lint = Lint.of(s.tree());
    Result r = publicLogin(s, Client.PUBLIC);
    Verdict hl302 = lint.reports("HL302");
    // HL302 says clear-text AUTH reaches private and loopback clients only; HL301 would say TLS cannot work.
    LiveReport.check(s, "a public client is offered AUTH in clear text, before STARTTLS",
        Verdict.of(false, "HL302 limits clear-text AUTH to private and loopback clients (" + hl302.evidence() + ")"),
        Verdict.of(!r.authBeforeTls().isEmpty(), r.client().label() + ": " + r.capabilities()), r.log());
    LiveReport.check(s, "a public client is offered AUTH after STARTTLS and can authenticate over TLS",
        Verdict.of(!lint.reports("HL301").holds(), lint.reports("HL301").evidence() + ": tls listed with key and certificate"),
        Verdict.of(!r.authAfterTls().isEmpty() && r.authenticated() && r.authOverTls(), r.capabilities() + "; " + r.authSummary()),
        r.log());
  }

  @Test
  void flatFileSendsPasswordsInClearTextFromPrivateAddresses() {
    String claim = "a private client (10.1.2.3) can send its password with AUTH PLAIN in clear text";
    HarakaServer bad = server("auth-tls");
    Result r = SmtpProbe.as(Client.PRIVATE).auth(AuthMethod.PLAIN, USER, PASSWORD).run(bad);
    LiveReport.check(bad, claim, clearTextAuth(Lint.of(bad.tree())), clearTextLogin(r), r.log());

    Result loop = SmtpProbe.as(Client.LOOPBACK).auth(AuthMethod.LOGIN, USER, PASSWORD).run(bad);
    LiveReport.check(bad, "a loopback client (127.0.0.1) can send its password with AUTH LOGIN in clear text",
        clearTextAuth(Lint.of(bad.tree())), clearTextLogin(loop), loop.log());

    HarakaServer good = server("auth-cram");
    Result g = SmtpProbe.as(Client.PRIVATE).auth(AuthMethod.PLAIN, USER, PASSWORD).run(good);
    LiveReport.check(good, claim, clearTextAuth(Lint.of(good.tree())), clearTextLogin(g), g.log());
  }

  /** HL302 at medium or above: PLAIN or LOGIN in clear text (CRAM-MD5 alone is reported as info). */
  private static Verdict clearTextAuth(Lint lint) {
    return lint.reports("HL302", f -> f.severity().atLeast(Severity.MEDIUM), "at medium or above");
  }

  private static Verdict clearTextLogin(Result r) {
    return Verdict.of(!r.tlsEstablished() && r.authenticated(), r.client().label() + ": " + r.capabilities() + "; "
        + r.authSummary());
  }

  @Test
  void noTlsHostsGetNoStartTlsAndPublicOnesCannotAuthenticate() {
    HarakaServer s = server("no-tls-hosts");
    Lint lint = Lint.of(s.tree());

    String publicClaim = "the client is offered no STARTTLS and cannot authenticate";
    Result listed = publicLogin(s, Client.PUBLIC);
    LiveReport.check(s, "198.18.0.10 (public, in [no_tls_hosts]): " + publicClaim,
        lint.reports("HL303", f -> f.anchor().equals("no-tls-host:198.18.0.10"), "for 198.18.0.10"),
        Verdict.of(!listed.offersBeforeTls("STARTTLS") && !listed.authenticated(),
            cannotAuthenticate(listed).evidence()), listed.log());

    Result unlisted = publicLogin(s, Client.PUBLIC_THIRD);
    LiveReport.check(s, "198.18.0.20 (public, not listed): " + publicClaim,
        lint.reports("HL303", f -> f.anchor().equals("no-tls-host:198.18.0.20"), "for 198.18.0.20"),
        Verdict.of(!unlisted.offersBeforeTls("STARTTLS") && !unlisted.authenticated(),
            cannotAuthenticate(unlisted).evidence()), unlisted.log());

    Result priv = SmtpProbe.as(Client.PRIVATE).startTls().auth(AuthMethod.PLAIN, USER, PASSWORD).run(s);
    LiveReport.check(s, "10.1.2.3 (private, in [no_tls_hosts]): no STARTTLS, and AUTH PLAIN works in clear text",
        lint.reports("HL303", f -> f.anchor().equals("no-tls-host:10.1.2.3") && f.message().contains("clear text"),
            "for 10.1.2.3 saying clear text"),
        Verdict.of(!priv.offersBeforeTls("STARTTLS") && clearTextLogin(priv).holds(), clearTextLogin(priv).evidence()),
        priv.log());
  }
}
