// The first check after a service-worker start, with a policy at every limit
// of the settings contract, in the WASM build under Node: each round is a
// fresh Node process (like a restarted worker) that loads the module,
// validates the policy with the core (as the background does), builds the
// engine from the effective settings and runs one check.
//
// With --warm, the rounds run in one process from one compiled module, each a
// new instance of the glue and of the module: like a worker restarted after
// the browser has cached the module's compiled code (the background warms it
// up at install and browser start), without the cost of compiling it again.
//
// Usage: cargo run --release -p sotorko --example policy_limits -- --write /tmp/policy-limits.json
//        node scripts/bench-policy-limits.mjs /tmp/policy-limits.json [rounds] [--warm]
// Needs ./build.sh first (build/wasm/). Figures: BENCHMARKS.md, "Policy at the limits".
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const POST =
  "আজ মন্ত্রণালয়ের সভায় প্রকল্পের অগ্রগতি নিয়ে আলোচনা হয়েছে। The committee reviewed codeword17 x and নৌকা মার্কায় ভোট দিন বলে কেউ কেউ মন্তব্য করেছেন। ".repeat(6);

/** One first check; `compiled` (a WebAssembly.Module) skips compiling, `tag` makes a fresh glue instance. */
async function once(policyPath, compiled = null, tag = "") {
  const ns = () => process.hrtime.bigint();
  const ms = (from) => Number(ns() - from) / 1e6;
  const policy = JSON.parse(readFileSync(policyPath, "utf8"));
  const { mergeEffectiveSettings } = await import(pathToFileURL(`${ROOT}extension/shared/settings-merge.js`).href);
  const { policyValidator } = await import(pathToFileURL(`${ROOT}extension/shared/policy/validate.js`).href);
  const { engineConfigFrom } = await import(pathToFileURL(`${ROOT}extension/background/engine-config.js`).href);
  const core = await import(`${pathToFileURL(`${ROOT}build/wasm/sotorko.js`).href}${tag}`);
  const bytes = compiled ?? readFileSync(`${ROOT}build/wasm/sotorko_bg.opt.wasm`);

  const start = ns();
  core.initSync({ module: bytes });
  const loadMs = ms(start);
  let t = ns();
  const settings = mergeEffectiveSettings({ stored: {}, managed: policy, validate: policyValidator(core.validatePolicy) });
  const validateMs = ms(t);
  if (settings.policyErrors.length) throw new Error(JSON.stringify(settings.policyErrors.slice(0, 3)));
  t = ns();
  const engine = new core.WasmEngine(engineConfigFrom(settings.values));
  const buildMs = ms(t);
  if (policy.customRules && engine.diagnostics().some((d) => d.key === "customRules")) throw new Error("the custom pack was not applied");
  t = ns();
  const report = engine.check(POST, "official");
  const checkMs = ms(t);
  return { loadMs, validateMs, buildMs, checkMs, totalMs: ms(start), rules: engine.rules().length, findings: report.findings.length };
}

if (process.argv[2] === "--once") {
  console.log(JSON.stringify(await once(process.argv[3])));
} else {
  const args = process.argv.slice(2).filter((a) => a !== "--warm");
  const warm = process.argv.includes("--warm");
  const policyPath = args[0];
  if (!policyPath) {
    console.error("usage: node scripts/bench-policy-limits.mjs POLICY.json [rounds] [--warm]");
    process.exit(2);
  }
  const rounds = Number(args[1] ?? 5);
  let compiled = null;
  if (warm) {
    compiled = new WebAssembly.Module(readFileSync(`${ROOT}build/wasm/sotorko_bg.opt.wasm`));
    await once(policyPath, compiled, "?warm-up"); // as the background's warm-up at install/start
  }
  const results = [];
  for (let i = 0; i < rounds; i += 1) {
    let r;
    if (warm) r = await once(policyPath, compiled, `?round=${i}`);
    else {
      const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--once", policyPath], { encoding: "utf8" });
      if (run.status !== 0) throw new Error(run.stderr);
      r = JSON.parse(run.stdout);
    }
    results.push(r);
    const f = (x) => x.toFixed(1);
    console.log(
      `round ${i}: load+compile ${f(r.loadMs)} ms, validate ${f(r.validateMs)} ms, engine build ${f(r.buildMs)} ms (${r.rules} rules), first check ${f(r.checkMs)} ms (${r.findings} findings); total ${f(r.totalMs)} ms; without load ${f(r.totalMs - r.loadMs)} ms`,
    );
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `median: total ${median(results.map((r) => r.totalMs)).toFixed(1)} ms, without load+compile ${median(results.map((r) => r.totalMs - r.loadMs)).toFixed(1)} ms`,
  );
}
