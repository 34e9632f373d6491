/**
 * Helpers for the content-script end-to-end tests: settings, waiting for
 * Sotorko's checks, and reading underlines and the shadow-root UI from the page.
 */
import { describe, before, after, beforeEach } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { startFixtureServer } from "../harness/server.mjs";
import { launchBrowser, BROWSERS } from "../harness/browsers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
/** The built extension (./build.sh). */
/**
 * The TEST build (scripts/bundle.mjs → dist/extension-test): the shipped code plus test hooks
 * (an open shadow root and data-sotorko-checks/-last on the UI host) that these helpers read.
 */
export const EXTENSION_DIR = path.resolve(here, "../../dist/extension-test");
/** The shipped build (dist/extension): no test hooks; page-isolation.test.mjs drives it. */
export const PRODUCTION_EXTENSION_DIR = path.resolve(here, "../../dist/extension");
/** Where screenshots go. */
export const DOCS_DIR = path.resolve(here, "../../docs");

/** Throws a clear message when the extension has not been built. */
export function requireBuiltExtension() {
  if (!existsSync(path.join(EXTENSION_DIR, "manifest.json")) || !existsSync(path.join(EXTENSION_DIR, "content.js"))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run ./build.sh first`);
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Campaigning for an electoral symbol (default pack rule political.symbol-campaign: warn when official). */
export const POLITICAL = "আজ নৌকা মার্কায় ভোট দিন";
/** The words of POLITICAL that political.symbol-campaign underlines. */
export const POLITICAL_EXCERPT = "নৌকা মার্কায় ভোট দিন";
/** Belittling an official (default pack rule frame.belittling: warn when official, advice on a personal profile). */
export const BELITTLING = "আমাদের ইউএনও সাহেব একটা বলদ";
/** The words of BELITTLING that frame.belittling underlines. */
export const BELITTLING_EXCERPT = "ইউএনও সাহেব একটা বলদ";
/** A family post (frame.personal-content: warn when official, not checked on a personal profile). */
export const FAMILY = "আজ আমার মেয়ের জন্মদিন, সবাই দোয়া করবেন";
/** The official page of the stand-in (posting on /ministryofexample is official). */
export const OFFICIAL = { officialPages: ["Ministry of Example"] };
/** The create-post dialog's Post button. */
export const POST_BUTTON = '[role="dialog"] [data-fixture-action="submit"]';
/** The editor of the stand-in's comment box. */
export const COMMENT_EDITOR = '[data-fixture-surface="comment"] [data-lexical-editor="true"]';

/**
 * One `describe` per browser of the harness (run one test at a time), each
 * with its own fixture server and a browser with the built extension, both
 * closed afterwards. `body(ctx)` declares the tests; inside them
 * `ctx.name` is the browser's name, `ctx.server` and `ctx.browser` are live,
 * and `ctx.sessionRequests()` is every request the fixture server saw in this
 * browser session (server.reset() before each test clears the server's own
 * log, so earlier requests are kept in `ctx.requestLog`).
 */
export function describeInEachBrowser(title, body) {
  for (const name of BROWSERS) {
    describe(`${title} in ${name}`, { concurrency: false }, () => {
      const ctx = {
        name,
        server: null,
        browser: null,
        requestLog: [],
        sessionRequests: () => [...ctx.requestLog, ...ctx.server.requests()],
      };
      before(async () => {
        requireBuiltExtension();
        ctx.server = await startFixtureServer();
        ctx.browser = await launchBrowser(name, { server: ctx.server, extensionDir: EXTENSION_DIR });
      });
      after(async () => {
        await ctx.browser?.close();
        await ctx.server?.close();
      });
      beforeEach(() => {
        ctx.requestLog.push(...ctx.server.requests());
        ctx.server.reset();
      });
      body(ctx);
    });
  }
}

/**
 * Saves the official's `settings`, opens `page` of the stand-in, types `text`
 * into its create-post dialog and waits for Sotorko's check of it.
 * Returns { page, findings } (findings: the number the check reported).
 */
export async function openCheckedPost(ctx, { settings = OFFICIAL, page: pathAndQuery = "/ministryofexample", text = POLITICAL } = {}) {
  await setUserSettings(ctx.browser, settings);
  const page = await openFixture(ctx.browser, ctx.server, pathAndQuery);
  await openPostDialog(page);
  await page.type(text);
  const findings = await waitForCheck(page, "post", text.length);
  return { page, findings };
}

/** Clicks the stand-in's comment box, types `text` and waits for Sotorko's check of it; returns the number of findings. */
export async function typeCheckedComment(page, text = POLITICAL) {
  await page.click(COMMENT_EDITOR);
  await page.type(text);
  return waitForCheck(page, "comment", text.length);
}

/**
 * Waits for the confirm dialog, lets `settle` ms pass, and asserts that
 * nothing reached the stand-in meanwhile. Returns the UI snapshot.
 */
export async function expectHeld(page, server, { settle = 300, message } = {}) {
  const ui = await waitForDialog(page);
  await sleep(settle);
  assert.deepEqual(server.posted(), [], message);
  return ui;
}

/**
 * Clicks "Post anyway" in the open confirm dialog, waits for the post,
 * lets `settle` ms pass, and asserts it was posted exactly once. Returns what was posted.
 */
export async function postAnywayOnce(page, server, { settle = 300 } = {}) {
  await clickDialogAction(page, "post-anyway");
  const posted = await server.waitForPosted((list) => list.length >= 1);
  await sleep(settle);
  assert.equal(server.posted().length, 1);
  return posted;
}

/** Replaces the official's own settings (storage.local) from an extension page. */
export async function setUserSettings(browser, values) {
  const page = await browser.openExtensionPage("popup/popup.html");
  try {
    await page.evaluate(async (v) => {
      const api = globalThis.browser ?? globalThis.chrome;
      await api.storage.local.clear();
      await api.storage.local.set(v);
    }, values);
  } finally {
    await page.close();
  }
}

/** Reads storage.local `key` from an extension page. */
export async function readLocal(browser, key) {
  const page = await browser.openExtensionPage("popup/popup.html");
  try {
    return await page.evaluate(async (k) => {
      const api = globalThis.browser ?? globalThis.chrome;
      return (await api.storage.local.get(k))[k] ?? null;
    }, key);
  } finally {
    await page.close();
  }
}

/** Opens a stand-in URL and waits for the fixture and the content script. */
export async function openFixture(browser, server, pathAndQuery, host, { waitForSettings = true } = {}) {
  const page = await browser.newPage();
  await page.goto(server.url(pathAndQuery, host));
  await page.waitForFunction(() => window.__fixture?.ready === true, { message: "fixture ready" });
  // Type only once Sotorko applies the settings just saved (a loaded machine answers late).
  if (waitForSettings) {
    await page.waitForFunction(() => document.documentElement.getAttribute("data-sotorko-test-settings") === "ready", { timeout: 15_000, message: "Sotorko's settings in the page" });
  }
  return page;
}

/** Opens the create-post dialog and waits for its editor to have focus. */
export async function openPostDialog(page) {
  await page.click('[data-fixture-action="open-composer"]');
  await page.waitForSelector('[role="dialog"] [data-lexical-editor="true"]');
  await page.waitForFunction(() => document.activeElement?.matches?.('[role="dialog"] [data-lexical-editor="true"]'), { message: "dialog editor focused" });
}

/**
 * Waits until Sotorko has checked a `kind` composer holding exactly
 * `length` UTF-16 units; returns the number of findings.
 */
export async function waitForCheck(page, kind, length, { timeout = 15_000 } = {}) {
  const last = await page.waitForFunction(
    (k, n) => {
      const v = document.querySelector("[data-sotorko-host]")?.getAttribute("data-sotorko-last") ?? "";
      const [kk, nn, f] = v.split(":");
      return kk === k && Number(nn) === n && f !== "error" ? f : null;
    },
    { args: [kind, length], timeout, message: `Sotorko check of a ${kind} composer with ${length} characters` },
  );
  return Number(last);
}

/**
 * Underlines per severity, read from the overlay in Sotorko's shadow root
 * (open in the test build): `{ mode, block: [mark], warn: [mark], advise: [mark] }`,
 * each mark `{ text, inEditor, editorLabel, boxes: [DOMRect JSON] }` (text,
 * inEditor and editorLabel come from the test build's hook attributes;
 * `boxes` are the drawn line boxes, empty while the words are out of view).
 * The page's `CSS.highlights` is never used (nothing is registered there).
 */
export async function underlines(page) {
  return page.evaluate(async () => {
    // Underlines are drawn in an animation frame after a check, which a loaded machine delays: wait
    // (at most 5 s) until there are as many marks as the last check's findings (the test build's
    // `data-sotorko-last` = "kind:length:findings"), and at least two frames in any case.
    const host = document.querySelector("[data-sotorko-host]");
    const frame = () => Promise.race([new Promise((r) => requestAnimationFrame(r)), new Promise((r) => setTimeout(r, 100))]);
    await frame();
    await frame();
    const expected = Number((host?.getAttribute("data-sotorko-last") ?? "").split(":")[2]) || 0;
    const drawn = () => host?.shadowRoot?.querySelectorAll("[data-sotorko-overlay] .s-mark").length ?? 0;
    for (const until = Date.now() + 5000; drawn() < expected && Date.now() < until; ) await frame();
    const out = { mode: "none", block: [], warn: [], advise: [] };
    const overlay = host?.shadowRoot?.querySelector("[data-sotorko-overlay]");
    for (const mark of overlay?.querySelectorAll(".s-mark") ?? []) {
      out.mode = "overlay";
      out[mark.getAttribute("data-severity")].push({
        text: mark.getAttribute("data-test-text"),
        inEditor: mark.getAttribute("data-test-in-editor") === "true",
        editorLabel: mark.getAttribute("data-test-editor-label") || null,
        boxes: [...mark.querySelectorAll(".s-line")].map((b) => b.getBoundingClientRect().toJSON()),
      });
    }
    return out;
  });
}

/** Waits until the overlay shows exactly `count` underlines of `severity` (test build). */
export async function waitForUnderlineCount(page, severity, count, { timeout = 15_000, message } = {}) {
  await page.waitForFunction(
    (sev, n) => document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelectorAll(`[data-sotorko-overlay] .s-mark[data-severity="${sev}"]`).length === n,
    { args: [severity, count], timeout, message: message ?? `${count} ${severity} underline(s)` },
  );
}

/** A snapshot of the shadow-root UI: panel text, counts, context, dialog, notice. */
export async function sotorkoUi(page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-sotorko-host]")?.shadowRoot;
    if (!root) return null;
    const panel = root.querySelector("[data-sotorko-panel]");
    const dialog = root.querySelector("[data-sotorko-dialog]");
    const notice = root.querySelector("[data-sotorko-notice]");
    const counts = {};
    for (const c of root.querySelectorAll("[data-sotorko-counts] [data-severity]")) counts[c.getAttribute("data-severity")] = Number(c.getAttribute("data-count"));
    const ctx = root.querySelector("[data-sotorko-context]");
    return {
      panelVisible: Boolean(panel && !panel.hidden),
      panelText: panel?.textContent ?? "",
      counts,
      context: ctx?.getAttribute("data-sotorko-context") ?? null,
      contextSource: ctx?.getAttribute("data-context-source") ?? null,
      findings: [...(panel?.querySelectorAll("[data-finding-index]") ?? [])].map((li) => ({ rule: li.getAttribute("data-rule"), category: li.getAttribute("data-category"), severity: li.getAttribute("data-severity"), text: li.textContent })),
      live: root.querySelector("[data-sotorko-live]")?.textContent ?? "",
      dialog: dialog
        ? {
            role: dialog.getAttribute("role"),
            modal: dialog.getAttribute("aria-modal"),
            text: dialog.textContent,
            actions: [...dialog.querySelectorAll("[data-sotorko-action]")].map((b) => b.getAttribute("data-sotorko-action")),
            strict: Boolean(dialog.querySelector("[data-sotorko-strict]")),
            focused: root.activeElement?.getAttribute("data-sotorko-action") ?? null,
          }
        : null,
      notice: notice?.textContent ?? null,
    };
  });
}

/** Waits for the confirm dialog; returns the UI snapshot. */
export async function waitForDialog(page, { timeout = 5000 } = {}) {
  await page.waitForFunction(() => Boolean(document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-sotorko-dialog]")), { timeout, message: "Sotorko confirm dialog" });
  return sotorkoUi(page);
}

/** Clicks a button of the confirm dialog ("edit", "post-anyway", "confirm-reason"). */
export async function clickDialogAction(page, action) {
  await page.click(`[data-sotorko-action="${action}"]`);
}

/** True when the confirm dialog is open. */
export async function dialogOpen(page) {
  return page.evaluate(() => Boolean(document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-sotorko-dialog]")));
}

/**
 * Makes every `sotorko:check` answer `{ ok: false }` (the engine "fails"),
 * by adding a runtime.onMessage listener in the background that answers
 * synchronously (before the engine host's asynchronous answer). Returns a
 * function that undoes it.
 */
export async function breakEngine(browser) {
  if (browser.name === "chromium") {
    await browser.evaluateInBackground(() => {
      globalThis.__sotorkoTestEngineDown = true;
      if (!globalThis.__sotorkoTestListener) {
        globalThis.__sotorkoTestListener = (message, _sender, sendResponse) => {
          if (globalThis.__sotorkoTestEngineDown && message?.type === "sotorko:check") sendResponse({ ok: false, error: "test: engine down" });
        };
        chrome.runtime.onMessage.addListener(globalThis.__sotorkoTestListener);
      }
      return true;
    });
    return () => browser.evaluateInBackground(() => ((globalThis.__sotorkoTestEngineDown = false), true));
  }
  // Firefox: the background is an event page; reach it from an extension page.
  const page = await browser.openExtensionPage("popup/popup.html");
  await page.evaluate(() => {
    const bg = browser.extension.getBackgroundPage();
    window.__listener = (message, _sender, sendResponse) => {
      if (message?.type === "sotorko:check") sendResponse({ ok: false, error: "test: engine down" });
    };
    bg.browser.runtime.onMessage.addListener(window.__listener);
    return true;
  });
  return async () => {
    await page.evaluate(() => browser.extension.getBackgroundPage().browser.runtime.onMessage.removeListener(window.__listener));
    await page.close();
  };
}

/** Sends a message to the content script of the tab whose URL contains `urlPart`, from an extension page (as the popup does). */
export async function messageTab(browser, urlPart, message) {
  const page = await browser.openExtensionPage("popup/popup.html");
  try {
    return await page.evaluate(
      async (part, msg) => {
        const api = globalThis.browser ?? globalThis.chrome;
        const tabs = await api.tabs.query({});
        const tab = tabs.find((t) => (t.url ?? "").includes(part));
        if (!tab) return { error: `no tab with ${part}: ${tabs.map((t) => t.url).join(", ")}` };
        return api.tabs.sendMessage(tab.id, msg);
      },
      urlPart,
      message,
    );
  } finally {
    await page.close();
  }
}

/** The tabs API id of the tab whose URL contains `urlPart`, read from an extension page. */
export async function findTabId(browser, urlPart) {
  const page = await browser.openExtensionPage("popup/popup.html");
  try {
    const found = await page.evaluate(async (part) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const tabs = await api.tabs.query({});
      return tabs.find((t) => (t.url ?? "").includes(part))?.id ?? tabs.map((t) => t.url).join(", ");
    }, urlPart);
    if (typeof found !== "number") throw new Error(`no tab with ${urlPart}: ${found}`);
    return found;
  } finally {
    await page.close();
  }
}
