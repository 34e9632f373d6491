#!/usr/bin/env node
/**
 * Cost benchmarks of Sotorko, side by side in one run (run by hand or by
 * `./build.sh bench`, which builds first; never part of `./build.sh test`):
 *
 *   node scripts/bench.mjs [--node-only] [--rounds N] [--json FILE] [--wasm-dir DIR]
 *
 * 1. Package size: the built extension's zip (dist/sotorko-*-chromium.zip)
 *    and the engine's .wasm, raw and gzipped (zlib level 6, as `gzip -c`).
 * 2. WebAssembly in Node: the same module the extension's background loads
 *    (wasm-bindgen's build/wasm/sotorko.js, bundled into background.js),
 *    instantiated from dist/extension/engine/sotorko_bg.wasm read from disk.
 *    Per-check time of the 300- and 2,000-character posts of
 *    crate/benches/posts.json (median and p95), next to a naive JS loop,
 *    `text.includes(term)` over all the default pack's literal terms (from
 *    `cargo run --example pack_terms`: the engine's automaton patterns, and
 *    the terms as written). Samples are interleaved in rounds, so load on
 *    the machine hits every measure alike; the first round is a warm-up.
 * 3. Native (criterion, `--bench engine --bench scan_cost`): engine build,
 *    checks, and the check as a ratio to one bare Aho-Corasick scan.
 * 4. Memory held by the built engine (`--example engine_memory`).
 *
 * `--node-only` skips 3 and 4 (the cargo builds and criterion runs).
 * `--wasm-dir DIR` measures another build of the engine in Node instead
 * (DIR/sotorko.js from wasm-bindgen, DIR/sotorko_bg.opt.wasm or
 * DIR/sotorko_bg.wasm), e.g. one compiled at another opt-level.
 * Prints a Markdown report; `--json FILE` also writes the raw figures.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { dirname, join, relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import os from "node:os";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
let WASM = join(ROOT, "dist", "extension", "engine", "sotorko_bg.wasm");
let GLUE = join(ROOT, "build", "wasm", "sotorko.js");
const POSTS = join(ROOT, "crate", "benches", "posts.json");
const CRITERION = join(ROOT, "target", "criterion");

/** The bars of issue 7 ("Judgement that generalises"). */
export const BARS = Object.freeze({
  packageGzipBytes: 900_000,
  check300Ms: 1.5,
  check2000VsNaive: 3,
});

/** Nearest-rank percentile `p` (0–100) of `values`. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** `text.includes(term)` over every term; returns how many occur. */
export function naiveCount(text, terms) {
  let n = 0;
  for (const term of terms) if (text.includes(term)) n++;
  return n;
}

function parseArgs(argv) {
  const opts = { nodeOnly: false, rounds: 21, json: null, wasmDir: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--node-only") opts.nodeOnly = true;
    else if (a === "--rounds") opts.rounds = Number(argv[++i]);
    else if (a === "--json") opts.json = argv[++i];
    else if (a === "--wasm-dir") opts.wasmDir = argv[++i];
    else throw new Error(`unknown argument ${a} (expected --node-only, --rounds N, --json FILE, --wasm-dir DIR)`);
  }
  if (!Number.isInteger(opts.rounds) || opts.rounds < 2) throw new Error("--rounds needs a whole number ≥ 2");
  if (opts.json === undefined) throw new Error("--json needs a file name");
  if (opts.wasmDir === undefined) throw new Error("--wasm-dir needs a folder");
  return opts;
}

/** Runs a command from the repository root; returns its stdout or throws with its stderr. */
function run(cmd, args, { inherit = false } = {}) {
  const res = spawnSync(cmd, args, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    stdio: inherit ? ["ignore", "pipe", "inherit"] : ["ignore", "pipe", "pipe"],
  });
  if (res.error) throw new Error(`${cmd} ${args.join(" ")}: ${res.error.message}`);
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${res.status}):\n${res.stderr ?? ""}`);
  return res.stdout;
}

const fmtInt = (n) => Math.round(n).toLocaleString("en-US");
const fmtMs = (ms) => (ms >= 10 ? ms.toFixed(1) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3));
const fmtUs = (ns) => (ns / 1e3 >= 100 ? (ns / 1e3).toFixed(0) : (ns / 1e3).toFixed(1));
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function sizes() {
  const zips = readdirSync(join(ROOT, "dist")).filter((f) => /^sotorko-.*-chromium\.zip$/.test(f));
  if (zips.length !== 1) throw new Error(`expected one dist/sotorko-*-chromium.zip, found ${zips.length}: run ./build.sh first`);
  const zipPath = join(ROOT, "dist", zips[0]);
  const zip = readFileSync(zipPath);
  const wasm = readFileSync(WASM);
  return {
    zipName: `dist/${zips[0]}`,
    zipRaw: zip.length,
    zipGzip: gzipSync(zip).length,
    wasmRaw: wasm.length,
    wasmGzip: gzipSync(wasm).length,
  };
}

function packTerms(written) {
  const args = ["run", "--release", "-q", "-p", "sotorko", "--no-default-features", "--example", "pack_terms"];
  if (written) args.push("--", "--written");
  const terms = run("cargo", args).split("\n").filter((t) => t.length > 0);
  if (terms.length === 0) throw new Error("pack_terms printed no terms");
  return terms;
}

const ns = () => process.hrtime.bigint();

async function nodeWasm(posts, termSets, rounds) {
  const { initSync, WasmEngine } = await import(pathToFileURL(GLUE).href);
  const bytes = readFileSync(WASM);
  let t = ns();
  initSync({ module: bytes });
  const instantiateMs = Number(ns() - t) / 1e6;

  const builds = [];
  for (let i = 0; i < 7; i++) {
    t = ns();
    const e = new WasmEngine({});
    builds.push(Number(ns() - t) / 1e6);
    e.free();
  }
  const engine = new WasmEngine({});
  // The same pack with the stance model switched off, to show what the model costs.
  const engineOff = new WasmEngine({ stanceModel: false });
  const findings = {};
  for (const [key, text] of Object.entries(posts)) findings[key] = engine.check(text, "official").findings.length;

  // One measure: a function and how many samples it takes per round.
  const measures = [
    { id: "wasm_300", per: 200, fn: () => engine.check(posts.post_300, "official").findings.length },
    { id: "wasm_2000", per: 60, fn: () => engine.check(posts.post_2000, "official").findings.length },
    { id: "wasm_300_model_off", per: 100, fn: () => engineOff.check(posts.post_300, "official").findings.length },
    { id: "wasm_2000_model_off", per: 30, fn: () => engineOff.check(posts.post_2000, "official").findings.length },
  ];
  for (const [name, terms] of Object.entries(termSets)) {
    measures.push({ id: `naive_300_${name}`, per: 60, fn: () => naiveCount(posts.post_300, terms) });
    measures.push({ id: `naive_2000_${name}`, per: 60, fn: () => naiveCount(posts.post_2000, terms) });
  }
  const samples = Object.fromEntries(measures.map((m) => [m.id, []]));
  let sink = 0;
  for (let r = 0; r < rounds; r++) {
    for (const m of measures) {
      for (let i = 0; i < m.per; i++) {
        const s = ns();
        sink += m.fn();
        const d = Number(ns() - s) / 1e6;
        if (r > 0) samples[m.id].push(d);
      }
    }
  }
  engine.free();
  engineOff.free();
  const stats = {};
  for (const [id, v] of Object.entries(samples)) {
    stats[id] = { n: v.length, median: percentile(v, 50), p95: percentile(v, 95), max: Math.max(...v) };
  }
  return { instantiateMs, buildMs: percentile(builds, 50), builds, findings, stats, sink };
}

/** Latest criterion medians (ns) by full id, written after `since` (ms epoch). */
function criterionMedians(since) {
  const out = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (!entry.isDirectory()) continue;
      if (entry.name === "new" && existsSync(join(p, "estimates.json")) && existsSync(join(p, "benchmark.json"))) {
        if (statSync(join(p, "estimates.json")).mtimeMs < since) continue;
        const id = JSON.parse(readFileSync(join(p, "benchmark.json"), "utf8")).full_id;
        const est = JSON.parse(readFileSync(join(p, "estimates.json"), "utf8"));
        out[id] = {
          median: est.median.point_estimate,
          low: est.median.confidence_interval.lower_bound,
          high: est.median.confidence_interval.upper_bound,
        };
      } else if (entry.name !== "report") walk(p);
    }
  };
  if (existsSync(CRITERION)) walk(CRITERION);
  return out;
}

const CRITERION_CMD = "cargo bench -p sotorko --no-default-features --bench engine --bench scan_cost -- --warm-up-time 1 --measurement-time 3";
const MEMORY_CMD = "cargo run --release -q -p sotorko --no-default-features --example engine_memory";

function native() {
  const since = Date.now();
  const [cmd, ...args] = CRITERION_CMD.split(" ");
  run(cmd, args, { inherit: true });
  const medians = criterionMedians(since);
  const [mcmd, ...margs] = MEMORY_CMD.split(" ");
  const memory = run(mcmd, margs).trim().split("\n");
  return { medians, memory };
}

function verdict(ok) {
  return ok ? "**pass**" : "**FAIL**";
}

function report({ size, terms, node, nat, env }) {
  const L = [];
  const s = node.stats;
  L.push(`Run ${env.date} on ${env.cpu} (${env.cores} cores), load average ${env.load}, Node ${env.node}, commit ${env.commit}.`);
  L.push("");
  L.push("| measure | result | bar |");
  L.push("| --- | --- | --- |");
  const zipOk = size.zipGzip <= BARS.packageGzipBytes;
  L.push(`| package \`${size.zipName}\`: raw / gzipped | ${fmtInt(size.zipRaw)} B / **${fmtInt(size.zipGzip)} B** (${kb(size.zipGzip)}) | ≤ 900 KB gzipped: ${verdict(zipOk)} |`);
  L.push(`| engine \`${relative(ROOT, WASM)}\`: raw / gzipped | ${fmtInt(size.wasmRaw)} B / ${fmtInt(size.wasmGzip)} B (${kb(size.wasmGzip)}) | |`);
  L.push(`| default pack's literal terms: engine patterns (folded, generated forms) / as written | ${fmtInt(terms.engine.length)} / ${fmtInt(terms.written.length)} | |`);
  L.push(`| WASM in Node: compile + instantiate (once, cold) | ${fmtMs(node.instantiateMs)} ms | |`);
  L.push(`| WASM in Node: \`new WasmEngine({})\` (default pack), median of ${node.builds.length} | ${fmtMs(node.buildMs)} ms | |`);
  const row = (label, id, extra = "") =>
    `| ${label} (n = ${s[id].n}): median / p95 | **${fmtMs(s[id].median)}** / ${fmtMs(s[id].p95)} ms | ${extra} |`;
  const findings = (n) => `${n} finding${n === 1 ? "" : "s"}`;
  L.push(row(`WASM check, 300-char post (${findings(node.findings.post_300)})`, "wasm_300", `≤ 1.5 ms: ${verdict(s.wasm_300.median <= BARS.check300Ms)} (p95 ${verdict(s.wasm_300.p95 <= BARS.check300Ms)})`));
  L.push(row(`WASM check, 2,000-char post (${findings(node.findings.post_2000)})`, "wasm_2000"));
  L.push(row("WASM check with the stance model off (`{ stanceModel: false }`), 300-char post", "wasm_300_model_off"));
  L.push(row("WASM check with the stance model off, 2,000-char post", "wasm_2000_model_off"));
  for (const [name, label] of [
    ["engine", "engine patterns"],
    ["written", "terms as written"],
  ]) {
    const n = terms[name].length;
    L.push(row(`naive JS loop, \`includes\` × ${fmtInt(n)} ${label}, 300-char post`, `naive_300_${name}`));
    const ratio = s.wasm_2000.median / s[`naive_2000_${name}`].median;
    L.push(row(`naive JS loop, \`includes\` × ${fmtInt(n)} ${label}, 2,000-char post`, `naive_2000_${name}`, `WASM check / naive = **${ratio.toFixed(2)}×** (≤ 3×: ${verdict(ratio <= BARS.check2000VsNaive)})`));
  }
  if (nat) {
    const m = nat.medians;
    const us = (id) => (m[id] ? `${fmtUs(m[id].median)} µs (${fmtUs(m[id].low)}–${fmtUs(m[id].high)})` : "n/a");
    L.push(`| native: building the engine (\`Engine::default_pack()\`) | ${m["build default engine"] ? fmtMs(m["build default engine"].median / 1e6) + " ms" : "n/a"} | |`);
    L.push(`| native: … and compiling every regex (\`warm_up()\`) | ${m["build default engine + compile every regex"] ? fmtMs(m["build default engine + compile every regex"].median / 1e6) + " ms" : "n/a"} | |`);
    for (const [post, label] of [
      ["300-char post", "300-char post"],
      ["2,000-char post", "2,000-char post"],
    ]) {
      const g = `cost ${post}`;
      const check = m[`${g}/check`];
      const bare = m[`${g}/bare AC scan`];
      const ratio = check && bare ? `**${(check.median / bare.median).toFixed(1)}×** one bare AC scan` : "";
      L.push(`| native check, ${label} | ${us(`${g}/check`)} | ${ratio} |`);
      L.push(`| native bare Aho-Corasick scan, same ${fmtInt(terms.engine.length)} patterns, raw text, ${label} | ${us(`${g}/bare AC scan`)} | |`);
      L.push(`| native normalize (4 views), ${label} | ${us(`${g}/normalize`)} | |`);
      L.push(`| native normalize + 3 bare view scans, ${label} | ${us(`${g}/normalize + 3 view scans`)} | |`);
    }
    for (const [id, label] of [
      ["check/check 300-char Bangla post", "native check, 300-char Bangla post (engine bench)"],
      ["check/check 2,000-char mixed post", "native check, 2,000-char mixed post (engine bench)"],
      ["check/check 63,206-char post", "native check, 63,206-char post (engine bench)"],
    ]) {
      L.push(`| ${label} | ${us(id)} | |`);
      const off = id.replace(/^check\//, "check, model off/");
      if (m[off]) L.push(`| … with the stance model off | ${us(off)} | |`);
    }
    for (const line of nat.memory) L.push(`| engine_memory: ${line.replace(/\|/g, "\\|")} | | |`);
  }
  L.push("");
  L.push("Commands: `node scripts/bench.mjs` (Node, sizes, terms) which runs");
  L.push(`\`cargo run --release -q -p sotorko --no-default-features --example pack_terms [-- --written]\`${nat ? "," : "."}`);
  if (nat) L.push(`\`${CRITERION_CMD}\` and \`${MEMORY_CMD}\`.`);
  return L.join("\n");
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  if (opts.wasmDir) {
    GLUE = join(opts.wasmDir, "sotorko.js");
    const opt = join(opts.wasmDir, "sotorko_bg.opt.wasm");
    WASM = existsSync(opt) ? opt : join(opts.wasmDir, "sotorko_bg.wasm");
  }
  for (const f of [WASM, GLUE]) if (!existsSync(f)) throw new Error(`${f} is missing: run ./build.sh first`);
  const posts = JSON.parse(readFileSync(POSTS, "utf8"));
  for (const [key, len] of [
    ["post_300", 300],
    ["post_2000", 2000],
  ]) {
    if (typeof posts[key] !== "string" || [...posts[key]].length !== len) throw new Error(`${POSTS}: ${key} must be a string of ${len} characters`);
  }
  const env = {
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    cpu: os.cpus()[0]?.model ?? "unknown CPU",
    cores: os.cpus().length,
    load: os.loadavg().map((l) => l.toFixed(1)).join(" / "),
    node: process.version,
    commit: (() => {
      try {
        const head = run("git", ["rev-parse", "--short", "HEAD"]).trim();
        const dirty = run("git", ["status", "--porcelain", "--untracked-files=no"]).trim() ? "+changes" : "";
        return head + dirty;
      } catch {
        return "unknown";
      }
    })(),
  };
  const size = sizes();
  process.stderr.write("bench: reading the default pack's terms (cargo run --example pack_terms)\n");
  const terms = { engine: packTerms(false), written: packTerms(true) };
  process.stderr.write(`bench: WASM in Node, ${opts.rounds} rounds\n`);
  const node = await nodeWasm({ post_300: posts.post_300, post_2000: posts.post_2000 }, terms, opts.rounds);
  let nat = null;
  if (!opts.nodeOnly) {
    process.stderr.write("bench: criterion benches and engine_memory (several minutes)\n");
    nat = native();
  }
  env.loadAfter = os.loadavg().map((l) => l.toFixed(1)).join(" / ");
  const text = report({ size, terms, node, nat, env });
  process.stdout.write(`${text}\nLoad average at the end: ${env.loadAfter}.\n`);
  if (opts.json) {
    const { sink, ...rest } = node;
    void sink;
    writeFileSync(opts.json, JSON.stringify({ env, size, terms: { engine: terms.engine.length, written: terms.written.length }, node: rest, native: nat }, null, 1) + "\n");
  }
  const failed = [
    size.zipGzip > BARS.packageGzipBytes,
    node.stats.wasm_300.median > BARS.check300Ms,
    node.stats.wasm_2000.median / node.stats.naive_2000_engine.median > BARS.check2000VsNaive,
    node.stats.wasm_2000.median / node.stats.naive_2000_written.median > BARS.check2000VsNaive,
  ].some(Boolean);
  if (failed) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((error) => {
    console.error(`bench: ${error.message}`);
    process.exit(2);
  });
}
