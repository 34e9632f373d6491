import test from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createEngineHost } from "./engine-host.js";
import { createMessageRouter } from "./message-router.js";
import { engineConfigFrom, engineConfigKey } from "./engine-config.js";

/** A fake WasmEngine recording what it was built with. */
function fakeEngines() {
  const built = [];
  const createEngine = (config) => {
    const engine = {
      config,
      freed: false,
      diagnostics: () => (config.customRules === "bad" ? [{ key: "customRules", message: "line 1: nope" }] : []),
      check(text, context) {
        if (this.freed) throw new Error("null pointer passed to rust");
        const i = text.indexOf("নৌকা");
        const findings = i < 0 ? [] : [{ rule: "political.symbol", start_utf16: i, end_utf16: i + 4, context }];
        return { findings, summary: { by_severity: { warn: findings.length } } };
      },
      free() {
        this.freed = true;
      },
    };
    built.push(engine);
    return engine;
  };
  return { built, createEngine };
}

const settingsWith = (values) => ({ values: { enabledCategories: ["political"], customRules: "", ...values } });
const tick = () => new Promise((r) => setTimeout(r, 5));

test("the WASM is initialised lazily, once, and the engine is reused across checks", async () => {
  let inits = 0;
  let loads = 0;
  const { built, createEngine } = fakeEngines();
  const host = createEngineHost({
    initWasm: async () => void inits++,
    createEngine,
    loadSettings: async () => (loads++, settingsWith({})),
  });
  assert.equal(inits, 0, "nothing happens before the first request");
  const a = await host.check("ভোট দিন নৌকা মার্কায়", "official");
  const b = await host.check("শুভ সকাল", "personal");
  assert.equal(a.ok, true);
  assert.equal(a.report.findings[0].start_utf16, 8);
  assert.deepEqual(a.report.summary.by_severity, { warn: 1 });
  assert.deepEqual(b.report.findings, []);
  assert.equal(inits, 1);
  assert.equal(loads, 1, "no per-check settings reload");
  assert.equal(built.length, 1);
  assert.deepEqual(built[0].config, { enabledCategories: ["political"] }, "empty customRules is left out");
});

test("a settings change rebuilds the engine, frees the old one after pending work, and reports diagnostics", async () => {
  const { built, createEngine } = fakeEngines();
  const deferred = [];
  const host = createEngineHost({
    initWasm: async () => {},
    createEngine,
    loadSettings: async () => settingsWith({}),
    defer: (fn) => deferred.push(fn),
  });
  assert.deepEqual((await host.status()).diagnostics, []);
  host.invalidate(settingsWith({ customRules: "bad" }));
  await tick();
  assert.equal(built.length, 2, "rebuilt eagerly");
  assert.equal(built[0].freed, false, "old engine is freed only later");
  deferred.forEach((fn) => fn());
  assert.equal(built[0].freed, true);
  const status = await host.status();
  assert.deepEqual(status, { ok: true, ready: true, diagnostics: [{ key: "customRules", message: "line 1: nope" }], ruleNames: {} });
  assert.equal((await host.check("নৌকা", "official")).ok, true);
});

test("a change that does not affect the engine config does not rebuild it", async () => {
  const { built, createEngine } = fakeEngines();
  const host = createEngineHost({ initWasm: async () => {}, createEngine, loadSettings: async () => settingsWith({}) });
  await host.status();
  host.invalidate(settingsWith({ uiLanguage: "bn", mode: "strict" }));
  await tick();
  await host.check("x", "official");
  assert.equal(built.length, 1);
});

test("before any engine exists, a settings change stays lazy", async () => {
  let inits = 0;
  const { createEngine } = fakeEngines();
  const host = createEngineHost({ initWasm: async () => void inits++, createEngine, loadSettings: async () => settingsWith({}) });
  host.invalidate(settingsWith({}));
  await tick();
  assert.equal(inits, 0);
});

test("the settings are read while the WASM loads, not after it", async () => {
  const order = [];
  let wasmLoaded;
  const { createEngine } = fakeEngines();
  const host = createEngineHost({
    initWasm: () => new Promise((r) => (wasmLoaded = () => r(order.push("wasm loaded")))),
    createEngine,
    loadSettings: async () => (order.push("settings read"), settingsWith({})),
  });
  const checking = host.check("শুভ সকাল", "official");
  await tick();
  assert.deepEqual(order, ["settings read"], "the settings are read before the WASM has loaded");
  wasmLoaded();
  assert.equal((await checking).ok, true);
  assert.deepEqual(order, ["settings read", "wasm loaded"]);
});

test("a settings read that fails while the WASM loads answers ok:false and is retried", async () => {
  let reads = 0;
  const { createEngine } = fakeEngines();
  const host = createEngineHost({
    initWasm: () => new Promise((r) => setTimeout(r, 10)),
    createEngine,
    loadSettings: async () => {
      reads++;
      if (reads === 1) throw new Error("storage unavailable");
      return settingsWith({});
    },
  });
  assert.deepEqual(await host.check("শুভ সকাল", "official"), { ok: false, error: "storage unavailable" });
  assert.equal((await host.check("শুভ সকাল", "official")).ok, true);
  assert.equal(reads, 2);
});

test("if the WASM fails to load, checks answer ok:false (never throw) and the next request retries", async () => {
  let attempts = 0;
  const { createEngine } = fakeEngines();
  const host = createEngineHost({
    initWasm: async () => {
      attempts++;
      if (attempts === 1) throw new Error("CompileError: wasm validation error");
    },
    createEngine,
    loadSettings: async () => settingsWith({}),
  });
  const failed = await host.check("নৌকা", "official");
  assert.deepEqual(failed, { ok: false, error: "CompileError: wasm validation error" });
  const status = await host.status();
  assert.equal(status.ready, true, "second attempt succeeds");
  assert.equal(attempts, 2);
});

test("status reports failure as ok:false, ready:false with the error", async () => {
  const host = createEngineHost({
    initWasm: async () => {
      throw new Error("fetch failed");
    },
    createEngine: () => assert.fail("must not build"),
    loadSettings: async () => settingsWith({}),
  });
  assert.deepEqual(await host.status(), { ok: false, ready: false, diagnostics: [], error: "fetch failed" });
});

test("bad requests are refused with a message", async () => {
  const { createEngine } = fakeEngines();
  const host = createEngineHost({ initWasm: async () => {}, createEngine, loadSettings: async () => settingsWith({}) });
  assert.equal((await host.check(42, "official")).ok, false);
  assert.equal((await host.check("x", "public")).ok, false);
});

test("concurrent first requests share one initialisation and one build", async () => {
  let inits = 0;
  const { built, createEngine } = fakeEngines();
  const host = createEngineHost({
    initWasm: () => new Promise((r) => setTimeout(() => r(inits++), 10)),
    createEngine,
    loadSettings: async () => settingsWith({}),
  });
  const answers = await Promise.all([host.check("a", "official"), host.check("b", "official"), host.status()]);
  assert.ok(answers.every((a) => a.ok));
  assert.equal(inits, 1);
  assert.equal(built.length, 1);
});

test("the router answers check/status asynchronously, ignores other messages and other extensions", async () => {
  const { createEngine } = fakeEngines();
  const host = createEngineHost({ initWasm: async () => {}, createEngine, loadSettings: async () => settingsWith({}) });
  const route = createMessageRouter(host, "our-id");
  const answer = await new Promise((resolve) => {
    assert.equal(route({ type: "sotorko:check", text: "নৌকা", context: "official" }, { id: "our-id" }, resolve), true);
  });
  assert.equal(answer.ok, true);
  assert.equal(answer.report.findings.length, 1);
  const status = await new Promise((resolve) => route({ type: "sotorko:status" }, { id: "our-id" }, resolve));
  assert.equal(status.ready, true);
  assert.equal(route({ type: "sotorko:tab-info" }, { id: "our-id" }, () => assert.fail()), false);
  assert.equal(route({ type: "sotorko:check", text: "x", context: "official" }, { id: "evil" }, () => assert.fail()), false);
  assert.equal(route(null, { id: "our-id" }, () => assert.fail()), false);
});

test("the router answers settings requests and saves only from the extension's own pages", async () => {
  const { createEngine } = fakeEngines();
  const host = createEngineHost({ initWasm: async () => {}, createEngine, loadSettings: async () => settingsWith({}) });
  const loads = [];
  const saves = [];
  const settings = {
    load: async (options) => {
      loads.push(options);
      return { values: { mode: "strict" }, locked: ["mode"] };
    },
    save: async (key, value) => {
      saves.push([key, value]);
      if (key === "mode") {
        const error = new Error("locked");
        error.localized = { en: "`mode` is set by your ministry", bn: "মন্ত্রণালয়" };
        throw error;
      }
    },
  };
  const origin = "chrome-extension://our-id/";
  const route = createMessageRouter(host, "our-id", null, settings, origin);
  const ask = (message, sender) => new Promise((resolve) => assert.equal(route(message, sender, resolve), true));
  const fromPage = { id: "our-id", url: `${origin}options/options.html` };
  const fromContent = { id: "our-id", url: "https://www.facebook.com/", tab: { id: 3 } };

  const answer = await ask({ type: "sotorko:settings", waitForPolicyMs: 300, fresh: true }, fromContent);
  assert.deepEqual(answer, { ok: true, settings: { values: { mode: "strict" }, locked: ["mode"] } });
  assert.deepEqual(loads, [{ waitForPolicyMs: 300, fresh: true }]);
  await ask({ type: "sotorko:settings", waitForPolicyMs: null }, fromContent);
  assert.deepEqual(loads[1], { waitForPolicyMs: Infinity, fresh: false });

  assert.deepEqual(await ask({ type: "sotorko:save-setting", key: "uiLanguage", value: "bn" }, fromPage), { ok: true });
  const refused = await ask({ type: "sotorko:save-setting", key: "mode", value: "warn" }, fromPage);
  assert.deepEqual(refused, { ok: false, error: { en: "`mode` is set by your ministry", bn: "মন্ত্রণালয়" } });
  // A content script (running in Facebook's page) cannot change the official's settings.
  const fromFacebook = await ask({ type: "sotorko:save-setting", key: "enabled", value: false }, fromContent);
  assert.equal(fromFacebook.ok, false);
  assert.deepEqual(saves, [["uiLanguage", "bn"], ["mode", "warn"]]);
  assert.equal(route({ type: "sotorko:settings" }, { id: "evil" }, () => assert.fail()), false);
});

test("engineConfigFrom passes only engine keys; engineConfigKey ignores key order", () => {
  const values = {
    enabled: true,
    mode: "strict",
    customRules: "[[rule]]",
    enabledCategories: ["political"],
    categorySeverity: { political: { official: "block" } },
    ruleSeverity: {},
    extraTerms: { secrecy: ["project falcon"] },
    allowedTerms: ["নৌকা বাইচ"],
    stanceModel: false,
  };
  const config = engineConfigFrom(values);
  assert.deepEqual(Object.keys(config).sort(), [
    "allowedTerms", "categorySeverity", "customRules", "enabledCategories", "extraTerms", "ruleSeverity", "stanceModel",
  ]);
  assert.equal(config.stanceModel, false);
  assert.equal(engineConfigFrom({ customRules: "   " }).customRules, undefined);
  assert.equal(
    engineConfigKey({ a: 1, b: { y: 2, x: 1 } }),
    engineConfigKey({ b: { x: 1, y: 2 }, a: 1 }),
  );
  assert.notEqual(engineConfigKey({ a: [1, 2] }), engineConfigKey({ a: [2, 1] }));
});

/** True when `value` holds only what JSON (and so extension messaging) carries unchanged. */
function isPlainJson(value) {
  if (value === null || ["string", "number", "boolean"].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainJson);
  return typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && Object.values(value).every(isPlainJson);
}

const WASM_DIR = new URL("../../build/wasm/", import.meta.url);
test(
  "the real engine returns plain JSON data, so the host passes reports on unconverted",
  { skip: existsSync(new URL("sotorko_bg.wasm", WASM_DIR)) ? false : "build/wasm not built (run ./build.sh)" },
  async () => {
    const { initSync, WasmEngine } = await import(new URL("sotorko.js", WASM_DIR));
    initSync({ module: readFileSync(new URL("sotorko_bg.wasm", WASM_DIR)) });
    const host = createEngineHost({ initWasm: async () => {}, createEngine: (config) => new WasmEngine(config), loadSettings: async () => ({ values: {} }) });
    const answer = await host.check("ভোট দিন নৌকা মার্কায়। the minister is corrupt", "official");
    assert.equal(answer.ok, true, answer.error);
    assert.ok(answer.report.findings.length > 0, "the sample text has findings");
    assert.ok(isPlainJson(answer.report), "no Maps or class instances in the report");
    assert.deepEqual(JSON.parse(JSON.stringify(answer.report)), answer.report, "survives JSON messaging unchanged");
    const status = await host.status();
    assert.ok(isPlainJson(status.diagnostics));
  },
);

test("status names the engine's rules, for pages that list them by name", async () => {
  const host = createEngineHost({
    initWasm: async () => {},
    createEngine: () => ({
      check: () => ({ findings: [] }),
      rules: () => [{ id: "political.party-praise", message: { en: "Praising a party is political (2019). Remove it.", bn: "দলের প্রশংসা রাজনৈতিক। বাদ দিন।" } }],
    }),
    loadSettings: async () => ({ values: {} }),
  });
  const status = await host.status();
  assert.deepEqual(status.ruleNames, { "political.party-praise": { en: "Praising a party is political", bn: "দলের প্রশংসা রাজনৈতিক" } });
});
