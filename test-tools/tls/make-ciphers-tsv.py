#!/usr/bin/env python3
"""Writes src/main/resources/io/harakalint/tls/ciphers.tsv from the local `openssl ciphers` (OpenSSL 3.0.x).

Run once by hand; the output is committed as data. Each row is one TLS <= 1.2 cipher suite that the
OpenSSL build offers; `order` is the tie-break order OpenSSL's own list gives (the order of `ALL`,
then of `eNULL`), the other columns are the attributes OpenSSL's cipher-string aliases select on.
"""
import os, re, subprocess, sys

env = dict(os.environ, OPENSSL_CONF="/dev/null")

def ciphers(rule, *opts):
    r = subprocess.run(["openssl", "ciphers", *opts, rule], capture_output=True, text=True, env=env)
    return r.stdout.strip().splitlines() if r.returncode == 0 else []

def names(rule):
    return [l.split()[2] for l in ciphers(rule + ":@SECLEVEL=0", "-V") if "TLSv1.3" not in l]

version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout.strip()
rows = {}
TLS13 = "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256:TLS_AES_128_CCM_8_SHA256"
rows13 = []
for line in ciphers("ALL:COMPLEMENTOFALL:@SECLEVEL=0", "-V", "-stdname", "-ciphersuites", TLS13):
    # 0xC0,0x2C - TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 - ECDHE-ECDSA-AES256-GCM-SHA384 TLSv1.2 Kx=ECDH Au=ECDSA Enc=AESGCM(256) Mac=AEAD
    f = line.split()
    cid, std, name, ver = f[0], f[2], f[4], f[5]
    kv = dict(x.split("=", 1) for x in f[6:])
    enc = kv["Enc"]
    m = re.match(r"([A-Za-z0-9/]+?)(?:\((\d+)\))?$", enc)
    fam, bits = m.group(1), int(m.group(2) or 0)
    fam = {"AES": "AES", "AESGCM": "AESGCM", "AESCCM": "AESCCM", "AESCCM8": "AESCCM8_", "Camellia": "CAMELLIA",
           "CHACHA20/POLY1305": "CHACHA20", "ARIAGCM": "ARIAGCM", "None": "eNULL"}[fam]
    encTok = fam if fam in ("CHACHA20", "eNULL") else fam + str(bits)
    (rows13.append(name) if ver == "TLSv1.3" else None)
    rows[name] = dict(name=name, std=std, id=cid.replace(",0x", "").lower(), ver=ver, kx=kv["Kx"], au=kv["Au"],
                      enc=encTok, bits=bits, mac=kv["Mac"])

order = names("ALL") + names("eNULL")
assert sorted(order + rows13) == sorted(rows), "ALL + eNULL must cover every suite"
high, fips, notdef = set(names("HIGH")), set(names("FIPS")), set(names("COMPLEMENTOFDEFAULT"))
out = sys.argv[1] if len(sys.argv) > 1 else "src/main/resources/io/harakalint/tls/ciphers.tsv"
with open(out, "w") as w:
    w.write("# TLS cipher suites of OpenSSL 3.0 (Node 18/20/22.0-22.19/24.0-24.4 bundle the 3.0 line).\n")
    w.write("# Source: `openssl ciphers -V -stdname ALL:COMPLEMENTOFALL:@SECLEVEL=0` of %s (no weak-ssl-ciphers:\n" % version)
    w.write("# no 3DES/RC4/DES, as in Node's build); strength class from the HIGH/FIPS/COMPLEMENTOFDEFAULT aliases of the same\n")
    w.write("# binary; order = order of `ALL` then `eNULL` (OpenSSL's tie-break), then the TLS 1.3 suites\n# in OpenSSL's default TLS 1.3 order. Made by test-tools/tls/make-ciphers-tsv.py.\n")
    w.write("# order\tname\tstdname\tid\tminTls\tkx\tau\tenc\tbits\tmac\tstrength\tfips\tnotDefault\n")
    for i, n in enumerate(order + rows13):
        r = rows[n]
        strength = "HIGH" if n in high else ("NONE" if r["enc"] == "eNULL" else ("-" if r["ver"] == "TLSv1.3" else "MEDIUM"))
        w.write("\t".join(map(str, [i, n, r["std"], r["id"], r["ver"], r["kx"], r["au"], r["enc"], r["bits"], r["mac"],
                                    strength, int(n in fips), int(n in notdef)])) + "\n")
print("wrote", len(order) + len(rows13), "suites to", out)
