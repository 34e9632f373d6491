#!/usr/bin/env node
/**
 * In-browser performance harness for the extension (run by hand, not a test):
 *
 *   ./build.sh && node tests/e2e/perf-extension.mjs [chromium|firefox|all] [--iterations N]
 *
 * Measures, against the Facebook stand-in with the built extension:
 * - keystroke → underline: from the keydown of the last character of a
 *   campaigning phrase to Sotorko drawing its underline in the shadow root's
 *   overlay (the first overlay change after the check of that text; p50/p95/max), over ~300- and ~5,000-character Bangla posts. The content
 *   script's debounce (150 ms) is included; "beyond debounce" subtracts it;
 * - composer appears → first check ready (engine cold after browser start, and warm);
 * - the .wasm size, raw and gzipped;
 * - JS heap per tab with and without the extension (Chromium, CDP);
 * - the cost of keeping the underlines in step (one redraw: measure the
 *   ranges, clip, hit-test, move boxes), while typing and while scrolling the
 *   5,000-character post (about 30 underlines) and the window;
 * - the content script's longest event-handler run (its own timers), and the
 *   page's slowest input event (Event Timing API) while typing.
 * Prints a Markdown table to paste into BENCHMARKS.md.
 */
import { readFileSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import os from "node:os";
import { startFixtureServer } from "../harness/server.mjs";
import { launchBrowser } from "../harness/browsers.mjs";
import { EXTENSION_DIR, PRODUCTION_EXTENSION_DIR, requireBuiltExtension, setUserSettings, openFixture, openPostDialog, waitForCheck, messageTab, sleep } from "./composer-helpers.mjs";

const DEBOUNCE_MS = 150;
const args = process.argv.slice(2);
const which = args.find((a) => !a.startsWith("--")) ?? "all";
const iterIndex = args.indexOf("--iterations");
const ITERATIONS = iterIndex >= 0 ? Number(args[iterIndex + 1]) : 30;
const PHRASE = " নৌকা মার্কায় ভোট";
const FILLER = "আজ জেলা প্রশাসনের উদ্যোগে বৃক্ষরোপণ ও পরিচ্ছন্নতা কর্মসূচি পালিত হয়েছে। ";

function bangla(length) {
  let s = "";
  while (s.length < length) s += FILLER;
  return s.slice(0, length);
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : "n/a");

/** Installs in-page recorders: keydown times, Sotorko check completions, underline draws (test build: open root), Event Timing entries. */
async function installRecorders(page) {
  await page.evaluate(() => {
    const rec = { keydowns: [], checks: [], draws: [], events: [] };
    window.__perf = rec;
    // Non-Latin characters reach the page as input without keydown (IME-like), so the keystroke time is its beforeinput.
    window.addEventListener("beforeinput", (e) => rec.keydowns.push({ t: performance.now(), key: e.data }), true);
    const watch = () => {
      const host = document.querySelector("[data-sotorko-host]");
      if (!host) return setTimeout(watch, 20);
      const overlay = host.shadowRoot?.querySelector("[data-sotorko-overlay]");
      if (!overlay) return setTimeout(watch, 20);
      new MutationObserver(() => {
        rec.checks.push({ t: performance.now(), last: host.getAttribute("data-sotorko-last") });
      }).observe(host, { attributes: true, attributeFilter: ["data-sotorko-last"] });
      new MutationObserver(() => {
        rec.draws.push({ t: performance.now(), warn: overlay.querySelectorAll('.s-mark[data-severity="warn"] .s-line').length });
      }).observe(overlay, { childList: true, subtree: true, attributes: true, attributeFilter: ["style"] });
    };
    watch();
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) rec.events.push({ name: e.name, duration: e.duration, processing: e.processingEnd - e.processingStart });
      }).observe({ type: "event", durationThreshold: 16, buffered: false });
    } catch {
      rec.noEventTiming = true;
    }
  });
}

/** Keystroke → underline over a post of about `size` characters. */
async function keystrokeToUnderline(browser, server, size) {
  const page = await openFixture(browser, server, "/ministryofexample");
  await openPostDialog(page);
  // As on Facebook, a long post scrolls inside the composer (the stand-in's dialog would otherwise
  // grow past the window and put the typed words, and their underline, out of view).
  await page.evaluate(() => Object.assign(document.querySelector('[role="dialog"] .fx-dialog-editor').style, { maxHeight: "360px", overflowY: "auto" }));
  const base = bangla(size);
  await page.insertText(base);
  await waitForCheck(page, "post", base.length, { timeout: 20_000 });
  await installRecorders(page);
  const samples = [];
  let text = base;
  for (let i = 0; i < ITERATIONS; i++) {
    await page.type(PHRASE.slice(0, -1), { delay: 15 });
    await sleep(DEBOUNCE_MS + 100); // the typist pauses before the last key, so the previous check has settled
    await page.evaluate(() => {
      window.__perf.keydowns.length = 0;
      window.__perf.checks.length = 0;
      window.__perf.draws.length = 0;
    });
    await page.type(PHRASE.slice(-1));
    text += PHRASE;
    const hit = await page
      .waitForFunction(
        (len) => {
          const r = window.__perf;
          const key = r.keydowns[r.keydowns.length - 1];
          const checked = r.checks.find((c) => Number(c.last?.split(":")[1]) === len);
          const drawn = checked && r.draws.find((d) => d.t >= checked.t && d.warn >= 1);
          return key && drawn ? { ms: drawn.t - key.t } : null;
        },
        { args: [text.length], timeout: 20_000, message: `underline after keystroke ${i + 1}` },
      )
      .catch(async (error) => {
        console.error(JSON.stringify(await page.evaluate(() => ({ perf: window.__perf, text: window.__fixture.composerText()?.slice(-60), len: window.__fixture.composerText()?.length }))), text.length);
        throw error;
      });
    samples.push(hit.ms);
  }
  const events = await page.evaluate(() => window.__perf.events);
  const typing = await messageTab(browser, "ministryofexample", { type: "sotorko:perf-stats", reset: true });
  // Keeping the underlines in step while the official scrolls the post and the page.
  await page.evaluate(async () => {
    const editor = document.querySelector('[role="dialog"] [data-lexical-editor="true"]');
    let scroller = editor;
    while (scroller && scroller.scrollHeight <= scroller.clientHeight + 1) scroller = scroller.parentElement;
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < 60; i++) {
      if (scroller) scroller.scrollTop = (i % 20) * 40;
      window.scrollBy(0, i % 2 ? 3 : -3);
      await frame();
    }
  });
  await sleep(100);
  const scrolling = await messageTab(browser, "ministryofexample", { type: "sotorko:perf-stats", reset: true });
  const marks = await page.evaluate(() => document.querySelector("[data-sotorko-host]").shadowRoot.querySelectorAll("[data-sotorko-overlay] .s-mark").length);
  const stats = { ...typing, scrolling: scrolling?.stats?.["underline-draw"] ?? null, marks };
  await page.close();
  return { size: base.length, finalSize: text.length, samples, events, stats };
}

/**
 * Composer appears → first check applied, for a composer that appears with
 * text in it. "cold": the first composer after the browser started (the
 * opener is clicked and the text inserted as soon as the page is ready);
 * "warm": Facebook re-rendering an open composer (a new editor with the same text).
 */
async function composerToFirstCheck(browser, server, mode) {
  const text = "আজ নৌকা মার্কায় ভোট দিন";
  const page = await openFixture(browser, server, "/ministryofexample");
  const install = () =>
    page.evaluate((len) => {
      window.__appear = {};
      const editorNow = () => document.querySelector('[role="dialog"] [data-lexical-editor="true"]');
      const first = editorNow();
      new MutationObserver(() => {
        const current = editorNow();
        if (!window.__appear.editor && current && current !== first) window.__appear.editor = performance.now();
      }).observe(document.body, { childList: true, subtree: true });
      const watch = () => {
        const host = document.querySelector("[data-sotorko-host]");
        if (!host) return setTimeout(watch, 2);
        new MutationObserver(() => {
          if (window.__appear.editor && !window.__appear.check && host.getAttribute("data-sotorko-last") === `post:${len}:1`) window.__appear.check = performance.now();
        }).observe(host, { attributes: true, attributeFilter: ["data-sotorko-last"] });
      };
      watch();
    }, text.length);
  if (mode === "cold") {
    await install();
    await page.click('[data-fixture-action="open-composer"]');
    await page.insertText(text);
  } else {
    await openPostDialog(page);
    await page.insertText(text);
    await waitForCheck(page, "post", text.length);
    await install();
    await page.evaluate(() => window.__fixture.rerenderComposer({ keepText: true }));
  }
  const r = await page.waitForFunction(() => window.__appear.check && window.__appear, { timeout: 20_000, message: `first check (${mode})` });
  await page.close();
  return r.check - r.editor;
}

async function heapMb(page) {
  const cdp = await page.hooks.cdpSession();
  await cdp.send("Performance.enable");
  await cdp.send("HeapProfiler.enable").catch(() => {});
  await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
  const { metrics } = await cdp.send("Performance.getMetrics");
  const used = metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? NaN;
  return used / (1024 * 1024);
}

async function memoryPerTab(server) {
  // Same page, same typed post, with and without the extension.
  const out = {};
  for (const withExtension of [false, true]) {
    const browser = await launchBrowser("chromium", { server, extensionDir: withExtension ? EXTENSION_DIR : undefined });
    try {
      if (withExtension) await setUserSettings(browser, { officialPages: ["Ministry of Example"] });
      const page = await openFixture(browser, server, "/ministryofexample");
      await openPostDialog(page);
      await page.insertText(bangla(5000) + PHRASE);
      if (withExtension) await waitForCheck(page, "post", 5000 + PHRASE.length, { timeout: 20_000 });
      else await sleep(1000);
      await sleep(500);
      out[withExtension ? "with" : "without"] = await heapMb(page);
      await page.close();
    } finally {
      await browser.close();
    }
  }
  return out;
}

async function runBrowser(name, server) {
  const browser = await launchBrowser(name, { server, extensionDir: EXTENSION_DIR });
  try {
    await setUserSettings(browser, { officialPages: ["Ministry of Example"] });
    const cold = await composerToFirstCheck(browser, server, "cold");
    const warm = [];
    for (let i = 0; i < 5; i++) warm.push(await composerToFirstCheck(browser, server, "warm"));
    const small = await keystrokeToUnderline(browser, server, 300);
    const large = await keystrokeToUnderline(browser, server, 5000);
    return { name, version: browser.version, cold, warm, small, large };
  } finally {
    await browser.close();
  }
}

requireBuiltExtension();
const wasm = path.join(PRODUCTION_EXTENSION_DIR, "engine/sotorko_bg.wasm");
const wasmRaw = statSync(wasm).size;
const wasmGz = gzipSync(readFileSync(wasm), { level: 9 }).length;
const contentJs = statSync(path.join(PRODUCTION_EXTENSION_DIR, "content.js")).size;

const server = await startFixtureServer();
const results = [];
let memory = null;
try {
  for (const name of which === "all" ? ["chromium", "firefox"] : [which]) results.push(await runBrowser(name, server));
  if (which === "all" || which === "chromium") memory = await memoryPerTab(server);
} finally {
  await server.close();
}

const lines = [];
lines.push(`Measured ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} (shared), headless, ${ITERATIONS} samples per size. Debounce: ${DEBOUNCE_MS} ms (included in "keystroke → underline"; "beyond debounce" subtracts it).`);
lines.push("");
lines.push("| measure | " + results.map((r) => `${r.name} ${r.version ?? ""}`.trim()).join(" | ") + " | bar |");
lines.push("| --- | " + results.map(() => "---").join(" | ") + " | --- |");
const row = (label, fn, bar) => lines.push(`| ${label} | ${results.map(fn).join(" | ")} | ${bar} |`);
for (const key of ["small", "large"]) {
  row(`keystroke → underline, ~${results[0][key].size}-char post: p50 / p95 / max (ms)`, (r) => `${fmt(percentile(r[key].samples, 50), 0)} / ${fmt(percentile(r[key].samples, 95), 0)} / ${fmt(Math.max(...r[key].samples), 0)}`, "");
  row(`… p95 beyond the ${DEBOUNCE_MS} ms debounce (ms)`, (r) => fmt(percentile(r[key].samples, 95) - DEBOUNCE_MS, 0), "≤ 50");
}
row("composer appears (with text) → first check applied, first composer after browser start (ms)", (r) => fmt(r.cold, 0), "≤ 300");
row("composer appears (with text) → first check applied, re-rendered composer, engine warm: median of 5 (ms)", (r) => fmt(percentile(r.warm, 50), 0), "≤ 300");
/** The content script's input-event handlers (MutationObserver callbacks and result handling are not input events). */
const INPUT_HANDLERS = ["guard.keydown", "guard.click", "checker.input", "main.selectionchange", "main.mousemove", "main.focusin", "finder.focusin"];
const handlerMax = (r) => {
  const all = { ...r.small.stats?.stats, ...r.large.stats?.stats };
  const handlers = Object.entries(all).filter(([k]) => INPUT_HANDLERS.includes(k));
  const worst = [...handlers].sort((a, b) => b[1].maxMs - a[1].maxMs)[0];
  const worstP99 = [...handlers].sort((a, b) => b[1].p99Ms - a[1].p99Ms)[0];
  return worst ? `p99 ${fmt(worstP99[1].p99Ms, 2)} (${worstP99[0]}); max ${fmt(worst[1].maxMs, 2)} (${worst[0]})` : "n/a";
};
row("longest content-script input-event handler while typing, over all calls (ms)", handlerMax, "≤ 4");
row("longest content-script MutationObserver callback while typing (ms)", (r) => {
  const all = { ...r.small.stats?.stats, ...r.large.stats?.stats };
  return fmt(Math.max(all["checker.mutations"]?.maxMs ?? 0, all["finder.mutations"]?.maxMs ?? 0), 2);
}, "");
row("longest text read (5,000-char post), off the input path (ms)", (r) => fmt(r.large.stats?.stats?.["checker.read-text"]?.maxMs, 2), "");
row("one underline redraw (measure ranges, clip, hit-test, move boxes) while typing, 5,000-char post: p99 / max (ms), redraws", (r) => {
  const d = r.large.stats?.stats?.["underline-draw"];
  return d ? `${fmt(d.p99Ms, 2)} / ${fmt(d.maxMs, 2)}, ${d.count}` : "n/a";
}, "");
row("… while scrolling that post and the page, 60 frames: p99 / max (ms), redraws (underlines)", (r) => {
  const d = r.large.stats?.scrolling;
  return d ? `${fmt(d.p99Ms, 2)} / ${fmt(d.maxMs, 2)}, ${d.count} (${r.large.stats.marks})` : "n/a";
}, "");
row("longest result apply (panel; the underlines are drawn in the next frame), off the input path (ms)", (r) => fmt(Math.max(r.small.stats?.stats?.["apply-result"]?.maxMs ?? 0, r.large.stats?.stats?.["apply-result"]?.maxMs ?? 0), 2), "");
row("slowest input event in the page while typing, Event Timing ≥ 16 ms (count, worst processing ms)", (r) => {
  const ev = [...r.small.events, ...r.large.events];
  return ev.length ? `${ev.length}, ${fmt(Math.max(...ev.map((e) => e.processing)), 1)}` : "0";
}, "");
lines.push("");
lines.push(`- .wasm after wasm-opt: ${(wasmRaw / 1024).toFixed(0)} KiB raw (${wasmRaw} bytes), ${(wasmGz / 1024).toFixed(0)} KiB gzipped -9 (bar ≤ 1.5 MB raw). content.js: ${(contentJs / 1024).toFixed(0)} KiB.`);
if (memory) lines.push(`- JS heap of a tab (Chromium, CDP JSHeapUsedSize after GC, stand-in with a 5,000-char post open): ${fmt(memory.without)} MB without Sotorko, ${fmt(memory.with)} MB with it (+${fmt(memory.with - memory.without)} MB per tab). The engine itself lives once in the background, not per tab.`);
console.log(lines.join("\n"));
console.log("\nraw:", JSON.stringify(results.map((r) => ({ name: r.name, cold: r.cold, warm: r.warm, small: r.small.samples.map(Math.round), large: r.large.samples.map(Math.round), stats: r.large.stats?.stats })), null, 0));
