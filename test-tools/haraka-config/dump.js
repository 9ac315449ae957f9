#!/usr/bin/env node
'use strict'

// Parsing oracle for haraka-lint's fidelity tests (HarakaConfigFidelityTest, Ini4jDivergenceTest).
//
// Reads a JSON manifest from stdin:
//   [{"path": "/abs/file", "type": "ini" | "list" | "value", "booleans": ["-main.x", ...]}, ...]
// parses every file with haraka-config's own readers (the version pinned in package.json), and
// prints ONE JSON document to stdout: an array of results in manifest order.
//
// Each result is {"ok": true, "value": <encoded>, "logs": [...]} or {"ok": false, "error": "..."}.
// Encoding, because JSON cannot carry every JS value:
//   undefined            -> {"$undefined": true}            (also inside arrays)
//   number               -> {"$number": "<String(n)>"}      ("-0" for negative zero; "Infinity", "NaN")
//   plain object         -> {"$object": [[key, value], ...]} (own keys, in JS enumeration order)
//   string, boolean, null, array -> as themselves (array elements encoded)
// For "list" and "value", "meHostname": true says flat.js took its special case for an empty
// file named `me` (it then returns [os.hostname()] instead of the lines).

const fs = require('node:fs')
const path = require('node:path')

const ini = require('haraka-config/lib/readers/ini.js')
const flat = require('haraka-config/lib/readers/flat.js')

function enc(v) {
  if (v === undefined) return { $undefined: true }
  if (v === null) return null
  if (typeof v === 'number') return { $number: Object.is(v, -0) ? '-0' : String(v) }
  if (typeof v === 'string' || typeof v === 'boolean') return v
  if (Array.isArray(v)) return v.map(enc)
  if (typeof v === 'object') return { $object: Object.keys(v).map((k) => [k, enc(v[k])]) }
  return { $other: String(v), $typeof: typeof v }
}

function countLines(file) {
  const data = fs.readFileSync(file, 'UTF-8')
  return data.split(/\r\n|\r|\n/).filter((l) => !/^\s*$/.test(l) && !/^\s*[;#].*$/.test(l)).length
}

function main() {
  const manifest = JSON.parse(fs.readFileSync(0, 'utf8'))
  const out = []
  const logs = []
  ini.logger = (msg) => logs.push(String(msg))
  for (const item of manifest) {
    logs.length = 0
    try {
      let value
      const extra = {}
      if (item.type === 'ini') {
        value = ini.load(item.path, { booleans: item.booleans || [] })
      } else if (item.type === 'list' || item.type === 'value') {
        value = flat.load(item.path, item.type, {})
        if (path.basename(item.path) === 'me' && countLines(item.path) === 0) extra.meHostname = true
      } else {
        throw new Error(`unknown type ${item.type}`)
      }
      out.push({ ok: true, value: enc(value), logs: logs.slice(), ...extra })
    } catch (err) {
      out.push({ ok: false, error: String(err && err.stack ? err.stack : err), logs: logs.slice() })
    }
  }
  process.stdout.write(JSON.stringify(out))
  process.stdout.write('\n')
}

main()
