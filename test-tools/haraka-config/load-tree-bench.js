#!/usr/bin/env node
'use strict'

// The node half of bench/loader-vs-haraka-config.sh: warm per-tree load time of haraka-config
// (the version pinned in package.json) on Haraka trees on disk.
//
//   node load-tree-bench.js [--list] [--warmup-ms N] [--tree-warmup-ms N] [--batch-ms N] [--batches N] TREE...
//     --list   print "FILE<TAB>tree<TAB>path" for every file loaded, and nothing else
//   node load-tree-bench.js --throughput WORKERS DIR
//              haraka-config's ceiling for `check --recursive` (bench/recursive.sh): every tree below
//              DIR (its direct subfolders) planned and loaded once, split over WORKERS processes, as
//              our recursive run finds and loads each tree once; prints "THROUGHPUT<TAB>trees<TAB>wall ms"
//              (process start-up included, as the JVM's is on our side)
//     default  print "RESULT<TAB>tree<TAB>files<TAB>wall µs/cpu µs" per tree (medians of the batches;
//              CPU is the whole process's, GC and compiler threads included, as on the Java side)
//
// What one "load" is, to match haraka-lint's loader (io.harakalint.bench.LoaderVsHarakaConfig):
// every file under <tree>/config (or the tree itself when it has no config/ folder) is read with
// config.get(name, type, {booleans}) the way Haraka's consumers ask for it: .ini as 'ini' with the
// booleans from haraka-lint's declared-booleans.tsv, .json/.yaml/.yml/.hjson structured, .pem and
// the other key/certificate files (and everything under tls/) as 'binary', `me` as 'value',
// anything else as 'list'. Plus the root's package.json, package-lock.json and
// node_modules/*/package.json, read with JSON.parse as Haraka does. The file list is made once per
// tree, outside the timing (Haraka knows its names from its code; our loader lists the folder on
// every load, so this favours haraka-config).
//
// Warm-up and batch lengths are CPU milliseconds of this process (see microsPerTree): first a warm-up
// over all trees in turn, then per tree a short one before its batches (as on the Java side).
//
// Warm and uncached: haraka-config caches every result and watches every folder it reads from.
// Watching is switched off (reader.watch_files = false) and the reader's caches are emptied before
// every load, so each load reads and parses every file again, like Haraka at start-up or reload.

const fs = require('node:fs')
const path = require('node:path')

const config = require('haraka-config')
const reader = require('haraka-config/lib/reader')

reader.watch_files = false
const Config = config.constructor

const BINARY_EXT = new Set(['pem', 'bin', 'binary', 'key', 'crt', 'der', 'p12', 'pfx', 'js'])
const STRUCTURED_EXT = new Set(['json', 'hjson', 'yaml', 'yml'])
const MARKERS = ['plugins', 'smtp.ini', 'smtp.json', 'smtp.yaml', 'connection.ini', 'tls.ini', 'relay.ini',
  'relay_acl_allow', 'me', 'host_list', 'log.ini', 'auth_flat_file.ini', 'outbound.ini']

function declaredBooleans() {
  const tsv = path.join(__dirname, '..', '..', 'src', 'main', 'resources', 'io', 'harakalint', 'model',
    'declared-booleans.tsv')
  const out = new Map()
  for (const line of fs.readFileSync(tsv, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue
    const cols = line.split('\t')
    if (cols.length >= 2) out.set(cols[0].trim(), cols[1].trim().split(/\s+/))
  }
  return out
}

const BOOLEANS = declaredBooleans()

function walk(dir, rel, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const name = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) walk(path.join(dir, entry.name), name, out)
    else if (entry.isFile()) out.push(name)
  }
}

function typeOf(name) {
  const base = name.slice(name.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  const ext = dot < 0 ? '' : base.slice(dot + 1).toLowerCase()
  if (name.startsWith('tls/')) return 'binary'
  if (ext === 'ini') return 'ini'
  if (STRUCTURED_EXT.has(ext)) return ext === 'yml' ? 'yaml' : ext
  if (BINARY_EXT.has(ext)) return 'binary'
  return base === 'me' ? 'value' : 'list'
}

// What to load for one tree: config files with their type and options, and JSON manifests.
function plan(tree) {
  const root = path.resolve(tree)
  const hasConfig = fs.existsSync(path.join(root, 'config')) && fs.statSync(path.join(root, 'config')).isDirectory()
  const configDir = hasConfig ? path.join(root, 'config') : root
  if (!hasConfig && !fs.readdirSync(root).some((n) => MARKERS.includes(n))) throw new Error(`${tree}: not a Haraka tree`)
  const names = []
  walk(configDir, '', names)
  const files = names
    .filter((n) => !n.startsWith('.haraka-lint'))
    .map((n) => {
      const type = typeOf(n)
      const options = type === 'ini' ? { booleans: BOOLEANS.get(n) || [] } : undefined
      return { name: n, shown: hasConfig ? `config/${n}` : n, type, options }
    })
  const manifests = []
  if (hasConfig) {
    const nm = path.join(root, 'node_modules')
    if (fs.existsSync(nm)) {
      for (const p of fs.readdirSync(nm).sort()) {
        if (p.startsWith('.') || p.startsWith('@')) continue
        if (fs.existsSync(path.join(nm, p, 'package.json'))) manifests.push(`node_modules/${p}/package.json`)
      }
    }
    for (const m of ['package-lock.json', 'package.json']) if (fs.existsSync(path.join(root, m))) manifests.push(m)
  }
  // A Config rooted at the tree's config folder, without an overrides layer: Haraka's core singleton
  // has root_path === overrides_path, so it reads each file once too.
  return { root, cfg: new Config(configDir, true), configDir, files, manifests }
}

function resetCaches(p) {
  reader.config_path = p.configDir // where '!file' overrides in smtp.json point
  reader._config_cache = {}
  reader._read_args = {}
  reader._overrides = {}
  reader._load_errors = {}
}

function load(p) {
  resetCaches(p)
  let n = 0
  for (const f of p.files) {
    const v = p.cfg.get(f.name, f.type, f.options)
    if (v) n++
  }
  for (const m of p.manifests) if (JSON.parse(fs.readFileSync(path.join(p.root, m), 'utf8'))) n++
  return n
}

const cpuMicros = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}

// "wall/cpu" µs per load, medians over batches. The warm-up and every batch last until the process
// has used the given CPU time (as on the Java side): on a shared machine wall time stretches.
function microsPerTree(p, warmupMs, batchMs, batches) {
  let sink = 0
  const warmEnd = cpuMicros() + warmupMs * 1000
  while (cpuMicros() < warmEnd) sink += load(p)
  const wall = []
  const cpu = []
  for (let b = 0; b < batches; b++) {
    const start = process.hrtime.bigint()
    const cpuStart = cpuMicros()
    const cpuStop = cpuStart + batchMs * 1000
    let calls = 0
    let cpuNow
    do {
      sink += load(p)
      calls++
      cpuNow = cpuMicros()
    } while (cpuNow < cpuStop)
    cpu.push((cpuNow - cpuStart) / calls)
    wall.push(Number(process.hrtime.bigint() - start) / 1000 / calls)
  }
  wall.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  if (sink === 42) console.log()
  const mid = Math.floor(batches / 2)
  return `${wall[mid].toFixed(1)}/${cpu[mid].toFixed(1)}`
}

// One worker of --throughput: loads trees i, i + WORKERS, ... of the sorted list, once each.
function throughputWorker(dir, workers, index) {
  console.log = () => {}
  console.error = () => {}
  const trees = fs.readdirSync(dir).sort().map((n) => path.join(dir, n))
  let n = 0
  for (let i = index; i < trees.length; i += workers) {
    if (!fs.statSync(trees[i]).isDirectory()) continue
    load(plan(trees[i]))
    n++
  }
  process.send(n, () => process.exit(0))
}

function throughput(workers, dir) {
  const { fork } = require('node:child_process')
  const start = process.hrtime.bigint()
  let done = 0
  let trees = 0
  for (let k = 0; k < workers; k++) {
    const child = fork(__filename, [], { env: { ...process.env, LOAD_TREE_BENCH_WORKER: `${workers}:${k}:${dir}` } })
    child.on('message', (n) => {
      trees += n
      if (++done === workers) {
        const ms = Number(process.hrtime.bigint() - start) / 1e6
        process.stdout.write(`THROUGHPUT\t${trees}\t${ms.toFixed(0)}\n`)
        process.exit(0)
      }
    })
  }
}

function main() {
  if (process.env.LOAD_TREE_BENCH_WORKER) {
    const [w, k, ...rest] = process.env.LOAD_TREE_BENCH_WORKER.split(':')
    return throughputWorker(rest.join(':'), Number(w), Number(k))
  }
  const args = process.argv.slice(2)
  if (args[0] === '--throughput') return throughput(Number(args[1]), args[2])
  let list = false
  let warmupMs = 8000
  let treeWarmupMs = 300
  let batchMs = 500
  let batches = 5
  const trees = []
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--list') list = true
    else if (args[i] === '--warmup-ms') warmupMs = Number(args[++i])
    else if (args[i] === '--tree-warmup-ms') treeWarmupMs = Number(args[++i])
    else if (args[i] === '--batch-ms') batchMs = Number(args[++i])
    else if (args[i] === '--batches') batches = Number(args[++i])
    else trees.push(args[i])
  }
  // haraka-config logs parse problems with console.error/console.log; keep the output parseable.
  console.log = () => {}
  console.error = () => {}
  const out = (s) => process.stdout.write(`${s}\n`)
  const plans = trees.map(plan)
  const loaded = plans.map((p) => [...p.files.map((f) => f.shown), ...p.manifests].sort())
  if (list) {
    trees.forEach((t, i) => loaded[i].forEach((f) => out(`FILE\t${t}\t${f}`)))
    return
  }
  const warmEnd = cpuMicros() + warmupMs * 1000
  while (cpuMicros() < warmEnd) for (const p of plans) load(p)
  trees.forEach((t, i) => {
    out(`RESULT\t${t}\t${loaded[i].length}\t${microsPerTree(plans[i], treeWarmupMs, batchMs, batches)}`)
  })
}

main()
// require('haraka-config') started watching its default folder before watching was switched off.
// (--throughput's parent and workers exit when their work is done.)
if (!process.env.LOAD_TREE_BENCH_WORKER && process.argv[2] !== '--throughput') process.exit(0)
