#!/usr/bin/env python3
"""Generates N Haraka trees like samples/hardened under OUT/customer-NNNNNN, one per customer of a
hosting provider, for `check --recursive` (bench/recursive.sh). Each tree differs a little (its own
name, relay address and banner); one in FAULTY (default 10) gets a classic mistake so the stream
carries findings too: an inline comment on a boolean in relay.ini (HL102) or a /8 relay ACL (HL202).

Usage: bench/gen-trees.py OUT N [--faulty-every K]
"""
import os
import shutil
import sys

def main():
    args = sys.argv[1:]
    if len(args) < 2:
        sys.exit(__doc__)
    out, n = args[0], int(args[1])
    every = int(args[args.index("--faulty-every") + 1]) if "--faulty-every" in args else 10
    here = os.path.dirname(os.path.abspath(__file__))
    sample = os.path.join(here, "..", "samples", "hardened")
    files = {}
    for root, _, names in os.walk(sample):
        for name in names:
            if name == "expected-findings.txt":
                continue
            p = os.path.join(root, name)
            files[os.path.relpath(p, sample)] = open(p, "rb").read()
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        tree = os.path.join(out, "customer-%06d" % i)
        os.makedirs(os.path.join(tree, "config"), exist_ok=True)
        for rel, data in files.items():
            if rel == os.path.join("config", "me"):
                data = b"mx%d.customer-%d.example\n" % (i, i)
            elif rel == os.path.join("config", "relay_acl_allow"):
                data = data + b"198.51.100.%d/32\n" % (i % 250 + 1)
            if i % every == every - 1:
                if rel == os.path.join("config", "relay.ini") and (i // every) % 2 == 0:
                    data = data.replace(b"acl=true", b"acl=true ; customer's office", 1)
                elif rel == os.path.join("config", "relay_acl_allow") and (i // every) % 2 == 1:
                    data = data + b"10.0.0.0/8\n"
            with open(os.path.join(tree, rel), "wb") as f:
                f.write(data)
    print("%d trees in %s" % (n, out))

if __name__ == "__main__":
    main()
