#!/usr/bin/env python3
"""Writes src/main/resources/io/harakalint/tls/clients.json: haraka-lint's client profiles.

Run once by hand with the path of testssl.sh's etc/client-simulation.txt; the output is committed as data.
Profiles with a `testssl` field take protocols, offered suites, curves, DH limits and SNI from that
recording (testssl/testssl.sh etc/client-simulation.txt, from Qualys SSL Labs and wireshark captures);
derived profiles (`basedOn`) start from another profile and change only what their `source` documents.
"""
import json, re, sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/testssl-client-simulation.txt"
out = sys.argv[2] if len(sys.argv) > 2 else "src/main/resources/io/harakalint/tls/clients.json"
rec, cur = {}, None
for line in open(src):
    m = re.match(r'\s*(\w+)\+=\((.*)\)\s*$', line)
    if not m:
        continue
    k, v = m.group(1), m.group(2).strip()
    v = v[1:-1] if v.startswith('"') else v
    if k == "names":
        cur = rec.setdefault(v, {})
    cur[k] = v

PROTO = {"0x0200": "SSLv2", "0x0300": "SSLv3", "0x0301": "TLSv1", "0x0302": "TLSv1.1", "0x0303": "TLSv1.2", "0x0304": "TLSv1.3"}
ORDER = ["SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]
TS = "testssl/testssl.sh etc/client-simulation.txt"

def from_testssl(pid, name, ts, source, **extra):
    r = rec[ts]
    lo, hi = ORDER.index(PROTO[r["lowest_protocol"]]), ORDER.index(PROTO[r["highest_protocol"]])
    p = {"id": pid, "name": name, "testssl": ts,
         "protocols": ORDER[lo:hi + 1],
         "suites": [s for s in r["ch_ciphers"].split(":") if s],
         "tls13Suites": [s for s in r["ciphersuites"].split(":") if s],
         "groups": [g for g in r["curves"].split(":") if g],
         "minDhBits": int(r["minDhBits"]), "maxDhBits": int(r["maxDhBits"]),
         "requiresSha2": r.get("requiresSha2", r.get("requireseha2")) == "true",
         "sni": r["ch_sni"] != "",
         "source": TS + " [" + ts + "]" + ("; " + source if source else "")}
    p.update(extra)
    return p

def tls12_only(name):
    return "GCM" in name or "CHACHA" in name or "CCM" in name or name.endswith("SHA256") or name.endswith("SHA384")

def derived(pid, name, base, source, **changes):
    p = dict(next(x for x in profiles if x["id"] == base))
    p.pop("testssl", None)
    p.update({"id": pid, "name": name, "basedOn": base, "source": source})
    if changes.pop("tls10Suites", False):
        p["suites"] = [s for s in p["suites"] if not tls12_only(s)]
        p["tls13Suites"] = []
    p.update(changes)
    return p

profiles = [
    from_testssl("java-6u45", "Java 6u45 (Oracle)", "Java 6u45", "TLS 1.0 max in an SSLv2-compatible ClientHello"),
    from_testssl("java-7u25", "Java 7u25", "Java 7u25", ""),
    from_testssl("java-8u31", "Java 8u31", "Java 8u31", ""),
    from_testssl("java-8u161", "Java 8u161", "Java 8u161", ""),
    from_testssl("java-8u442", "Java 8u442 (OpenJDK; TLS 1.3 client default from 8u341)", "Java 8u442 (OpenJDK)", ""),
    from_testssl("java-11", "Java 11.0.2 (OpenJDK)", "Java 11.0.2 (OpenJDK)", ""),
    from_testssl("java-17", "Java 17 (OpenJDK 17.0.3)", "Java 17.0.3/21.0.6 (OpenJDK)", ""),
    from_testssl("java-21", "Java 21 (OpenJDK 21.0.6)", "Java 21.0.6 (OpenJDK)", ""),
    from_testssl("openssl-0.9.8", "OpenSSL 0.9.8 (RHEL/CentOS 5-era senders)", "OpenSSL 0.9.8y", ""),
    from_testssl("openssl-1.0.1", "OpenSSL 1.0.1 (CentOS 6, Debian 7, Ubuntu 14.04)", "OpenSSL 1.0.1l", ""),
    from_testssl("openssl-1.0.2", "OpenSSL 1.0.2 (RHEL 7, Ubuntu 16.04)", "OpenSSL 1.0.2e", ""),
    from_testssl("openssl-1.1.1", "OpenSSL 1.1.1 (Debian 10)", "OpenSSL 1.1.1d (Debian)", "Debian's MinProtocol=TLSv1.2"),
    from_testssl("openssl-3", "OpenSSL 3.0 (Debian 12)", "OpenSSL 3.0.15 (Debian)", ""),
    from_testssl("openssl-3.5", "OpenSSL 3.5", "OpenSSL 3.5.0 (git)", "security level 2: DH and RSA >= 2048", minDhBits=2048),
    from_testssl("outlook-2010-win7", "Outlook 2010/2013/2016 on Windows 7 (Schannel defaults)", "IE 8-10 Win 7",
                 "Outlook -> IE 8-10 Win 7 Schannel profile is an inference (Microsoft report of Outlook on Win 7 offering TLS 1.0 only)"),
    from_testssl("ie11-win7", "Schannel on Windows 7 with TLS 1.2 enabled (IE 11 Win 7)", "IE 11 Win 7", ""),
    from_testssl("outlook-2016-win10", "Outlook 2013/2016 on Windows 10 (Schannel)", "IE 11 Win 10",
                 "Outlook -> IE 11 Win 10 Schannel profile is an inference"),
    from_testssl("windows-xp", "Windows XP Schannel (Outlook 2003/2007, IE 8 on XP)", "IE 8 XP", ""),
    from_testssl("thunderbird-68", "Thunderbird 68", "Thunderbird (68.3)", ""),
    from_testssl("thunderbird", "Thunderbird 78+ (91.9)", "Thunderbird (91.9)", ""),
    from_testssl("apple-mail", "Apple Mail 16 (macOS)", "Apple Mail (16.0)", ""),
    from_testssl("ios-5-mail", "iOS 5 Mail (SecureTransport as Safari 5 iOS 5.1.1)", "Safari 5 iOS 5.1.1", "Mail = Safari is an inference"),
    from_testssl("ios-9-mail", "iOS 9 Mail (SecureTransport as Safari 9 iOS 9)", "Safari 9 iOS 9", "Mail = Safari is an inference"),
    from_testssl("android-2.3", "Android 2.3 platform TLS", "Android 2.3.7", ""),
    from_testssl("android-4.0", "Android 4.0 platform TLS", "Android 4.0.4", ""),
    from_testssl("android-4.4", "Android 4.4 platform TLS", "Android 4.4.2", ""),
]
profiles += [
    derived("java-8u291", "Java 8u291+ (TLSv1/1.1 disabled in jdk.tls.disabledAlgorithms)", "java-8u161",
            "JDK-8254713 (TLS 1.0/1.1 disabled, Oracle 8u291 / OpenJDK 8u292); suites as 8u161; refuses DH < 1024",
            protocols=["TLSv1.2"], minDhBits=1024),
    derived("javamail-1.4-java8", "JavaMail 1.4.x-1.5.2 on Java 8 (< 8u291), mail.smtp.ssl.protocols unset", "java-8u161",
            "JavaMail SocketFetcher.configureSSLSocket sets enabled protocols to {TLSv1} (1.4.1-1.5.2); suites: Java 8u161's that are legal in TLS 1.0",
            protocols=["TLSv1"], tls10Suites=True),
    derived("postfix-2.11", "Postfix 2.11 on OpenSSL 1.0.1 (Ubuntu 14.04 / Debian 8 era)", "openssl-1.0.1",
            "Postfix < 3.4 sends no SNI (smtp_tls_servername); TLS stack = OpenSSL 1.0.1", sni=False),
    derived("postfix-centos5", "Postfix/sendmail on OpenSSL 0.9.8 (RHEL/CentOS 5)", "openssl-0.9.8",
            "Postfix < 3.4 sends no SNI; TLS stack = OpenSSL 0.9.8", sni=False),
    derived("exim-4.8x", "Exim 4.8x built with OpenSSL 1.0.2 (RHEL/CentOS 7)", "openssl-1.0.2",
            "uncertain: Exim's TLS is its library's (OpenSSL build assumed; Debian builds use GnuTLS); no SNI unless tls_sni is set",
            sni=False),
    derived("phpmailer-php5.6", "PHPMailer < 5.2.15 on PHP 5.6 (STREAM_CRYPTO_METHOD_TLS_CLIENT = TLS 1.0)", "openssl-1.0.1",
            "PHPMailer < 5.2.15 and PHP 5.6.7-7.1 TLS_CLIENT method: TLS 1.0 only; suites: OpenSSL 1.0.1's legal in TLS 1.0; SNI uncertain",
            protocols=["TLSv1"], tls10Suites=True),
    derived("dotnet-4.5", ".NET Framework 4.5 SmtpClient on Windows 7 (SslProtocols.Default)", "outlook-2010-win7",
            "SslProtocols.Default = SSL 3 + TLS 1.0 (Microsoft docs); Schannel suites of Windows 7 (inference)",
            protocols=["SSLv3", "TLSv1"]),
]
ids = [p["id"] for p in profiles]
assert len(ids) == len(set(ids))
with open(out, "w") as w:
    json.dump({"source": "haraka-lint client profiles; made by test-tools/tls/make-clients-json.py from " + TS
               + " (per profile: testssl recording or basedOn + documented change)", "profiles": profiles}, w, indent=1)
    w.write("\n")
print("wrote", len(profiles), "profiles to", out)
