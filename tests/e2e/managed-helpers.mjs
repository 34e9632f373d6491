/**
 * Helpers for the managed-deployment tests (managed-*.test.mjs): packaging
 * with a throwaway key, a loopback update server, and waiting for a
 * policy-installed extension and its managed storage.
 */
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { findTabId, openFixture, openPostDialog, waitForDialog } from "./composer-helpers.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, "../..");
export const DIST_DIR = path.join(ROOT, "dist");
/**
 * The built extension's TEST build (./build.sh → dist/extension-test: the shipped code plus the
 * test hooks the helpers read); SOTORKO_EXTENSION_DIR points elsewhere for development.
 */
export const EXTENSION_DIR = process.env.SOTORKO_EXTENSION_DIR ?? path.join(DIST_DIR, "extension-test");
export const MANIFEST = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
export const GECKO_ID = MANIFEST.browser_specific_settings.gecko.id;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The create-post dialog's editor on the stand-in. */
export const DIALOG_EDITOR = '[role="dialog"] [data-lexical-editor="true"]';
/** The create-post dialog's Post button, found by its label as an official sees it. */
export const POST_BUTTON_BY_LABEL = '[role="dialog"] [role="button"][aria-label="Post"]';

/** Closes each of `resources` that exists (browser, servers), one after the other, in the order given. */
export async function closeAll(...resources) {
  for (const resource of resources) await resource?.close();
}

/** Throws a clear message when the extension has not been built. */
export function requireBuiltExtension() {
  for (const file of ["manifest.json", "background.js", "content.js", "options/options.html", "managed_schema.json"]) {
    if (!existsSync(path.join(EXTENSION_DIR, file))) throw new Error(`no ${file} in ${EXTENSION_DIR}: run ./build.sh first`);
  }
}

/** A temp folder removed at process exit. */
export function makeTempDir(prefix) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Runs scripts/package.sh on `source` (default EXTENSION_DIR, the test build) with a signing
 * key: `key` when given, else a throwaway RSA key made here (never committed). Writes into
 * `tempDir/outName`. Returns { id, dir, crx, xpi, version, publicKeyB64, key }.
 */
export function packageWithThrowawayKey(tempDir, updateUrl, { key = null, source = EXTENSION_DIR, outName = "package" } = {}) {
  if (!key) {
    key = path.join(tempDir, "throwaway-admin-key.pem");
    execFileSync("openssl", ["genrsa", "-out", key, "2048"], { stdio: "ignore" });
  }
  const out = path.join(tempDir, outName);
  // package.sh would take the Firefox XPI ./build.sh made from the shipped dist/extension: pack this one's.
  const xpi = path.join(tempDir, `${outName}-source.xpi`);
  execFileSync("python3", [path.join(ROOT, "scripts/pack-zip.py"), source, xpi], { stdio: "ignore" });
  const run = spawnSync("bash", [path.join(ROOT, "scripts/package.sh"), "--key", key, "--update-url", updateUrl, "--source", source, "--xpi", xpi, "--out", out], {
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`package.sh failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  const id = /^Extension id: ([a-p]{32})$/m.exec(run.stdout)?.[1];
  if (!id) throw new Error(`package.sh printed no extension id:\n${run.stdout}`);
  const version = JSON.parse(readFileSync(path.join(source, "manifest.json"), "utf8")).version;
  const publicKeyB64 = execFileSync("openssl", ["pkey", "-in", key, "-pubout", "-outform", "DER"]).toString("base64");
  return { id, dir: out, crx: path.join(out, `sotorko-${version}.crx`), xpi: path.join(out, `sotorko-${version}.xpi`), version, publicKeyB64, key };
}

/** `version` with its last part one higher ("0.1.0" → "0.1.1"): the next release. */
export function nextVersion(version) {
  const parts = version.split(".").map(Number);
  parts[parts.length - 1] += 1;
  return parts.join(".");
}

/** Copies EXTENSION_DIR to `tempDir/name` with manifest version `version`; returns the folder. */
export function copyExtensionAsVersion(tempDir, name, version) {
  const dir = path.join(tempDir, name);
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const file = path.join(dir, "manifest.json");
  const manifest = JSON.parse(readFileSync(file, "utf8"));
  manifest.version = version;
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/**
 * Packages the extension with a throwaway key in a new temp folder (removed
 * at exit) named after `prefix`. Returns { temp, pkg } (pkg: see packageWithThrowawayKey).
 */
export function packageInTempDir(prefix, updateUrl) {
  const temp = makeTempDir(prefix);
  return { temp, pkg: packageWithThrowawayKey(temp, updateUrl) };
}

/**
 * Packages the extension (as packageInTempDir) behind a loopback update
 * server that serves the package's folder. Returns { temp, pkg, updates }.
 */
export async function packageBehindUpdateServer(prefix) {
  let packageDir = null;
  const updates = await startUpdateServer(() => packageDir);
  const { temp, pkg } = packageInTempDir(prefix, updates.url("updates.xml"));
  packageDir = pkg.dir;
  return { temp, pkg, updates };
}

/**
 * Serves files of `dir` over http://127.0.0.1:PORT/ (updates.xml and the
 * CRX), recording each request path. Returns { port, url(name), requests, close() }.
 */
export async function startUpdateServer(dir) {
  const requests = [];
  const types = { ".xml": "text/xml; charset=utf-8", ".crx": "application/x-chrome-extension", ".xpi": "application/x-xpinstall" };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    requests.push(url.pathname + url.search);
    const name = path.basename(url.pathname);
    const file = path.join(dir(), name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[path.extname(name)] ?? "application/octet-stream", "cache-control": "no-store" });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    port,
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Waits until the policy-installed extension's options page opens (before
 * the install, navigating to it fails). Returns { page, seconds }.
 */
export async function waitForInstalledOptionsPage(browser, optionsUrl, { timeout = 90_000 } = {}) {
  const start = Date.now();
  let lastError = null;
  while (Date.now() - start < timeout) {
    const page = await browser.newPage();
    try {
      await page.goto(optionsUrl, { timeout: 10_000 });
      if (await page.evaluate(() => Boolean(document.querySelector("#managed-body")))) {
        return { page, seconds: (Date.now() - start) / 1000 };
      }
    } catch (error) {
      lastError = error;
    }
    await page.close().catch(() => {});
    await sleep(1000);
  }
  throw new Error(`the extension was not installed by policy within ${timeout} ms: ${lastError?.message ?? "options page never loaded"}`);
}

/**
 * Waits until storage.managed (read from an extension page) holds every
 * key of `expected` with that value (JSON-equal) and none of `absent`; returns it.
 */
export async function waitForManaged(page, expected, absent = [], { timeout = 30_000 } = {}) {
  return page.waitForFunction(
    async (want, without) => {
      const api = globalThis.browser ?? globalThis.chrome;
      let managed;
      try {
        managed = await api.storage.managed.get();
      } catch {
        return null;
      }
      const matches = Object.entries(want).every(([k, v]) => JSON.stringify(managed[k]) === JSON.stringify(v));
      return matches && without.every((k) => !(k in managed)) ? managed : null;
    },
    { args: [expected, absent], timeout, interval: 500, message: `storage.managed to hold ${JSON.stringify(expected)} without ${absent}` },
  );
}

/**
 * Waits until the options page shows policy: it renders at once and marks itself
 * `data-policy-pending` (controls disabled) until the first policy read completes.
 */
export async function waitForPolicyShown(page, { timeout = 20_000 } = {}) {
  await page.waitForFunction(() => Boolean(document.getElementById("managed-body")) && !document.body.hasAttribute("data-policy-pending") && !document.querySelector("#managed-body [data-policy-pending]"), {
    timeout,
    message: "the options page shows the policy (no longer waiting for the first policy read)",
  });
}

/** The "Managed settings" section of the options page: errors and in-force text. */
export async function managedSection(page) {
  await waitForPolicyShown(page);
  // The settings come from the background, which may first have to load the engine's WASM module.
  await page.waitForFunction(() => (document.querySelector("#managed-body")?.textContent ?? "").trim() !== "", {
    timeout: 15_000,
    message: "the options page renders the Managed settings section",
  });
  return page.evaluate(() => {
    const body = document.querySelector("#managed-body");
    return {
      text: body?.textContent ?? "",
      errors: [...(body?.querySelectorAll("li.error") ?? [])].map((li) => ({ key: li.querySelector("code")?.textContent ?? "", text: li.textContent })),
    };
  });
}

/** State of one setting's control on the options page. */
export async function settingControl(page, key) {
  await waitForPolicyShown(page);
  return page.evaluate((k) => {
    const box = document.querySelector(`[data-setting="${k}"]`);
    const control = document.getElementById(k);
    return {
      exists: Boolean(box),
      value: control ? (control.type === "checkbox" ? control.checked : control.value) : null,
      disabled: control?.disabled ?? null,
      lockedClass: box?.classList.contains("locked") ?? false,
      badgeVisible: Boolean(box?.querySelector(".badge") && !box.querySelector(".badge").hidden),
      badgeText: box?.querySelector(".badge")?.textContent ?? "",
    };
  }, key);
}

/** All underlined texts (every severity), lower-cased, from the overlay in Sotorko's shadow root (the test build's hook attributes). */
export async function underlinedTexts(page) {
  return page.evaluate(async () => {
    await Promise.race([new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))), new Promise((r) => setTimeout(r, 300))]);
    const out = { block: [], warn: [], advise: [] };
    const overlay = document.querySelector("[data-sotorko-host]")?.shadowRoot?.querySelector("[data-sotorko-overlay]");
    for (const mark of overlay?.querySelectorAll(".s-mark") ?? []) out[mark.getAttribute("data-severity")].push((mark.getAttribute("data-test-text") ?? "").toLowerCase());
    return out;
  });
}

/**
 * Waits until `term` (lower case) is underlined: as `severity` when given,
 * else as any severity; `exact` asks for an underline that is the term
 * itself rather than one containing it. Returns every underline (underlinedTexts).
 */
export async function waitForUnderlined(page, term, { severity = null, exact = false, timeout = 20_000 } = {}) {
  const end = Date.now() + timeout;
  let seen;
  while (Date.now() < end) {
    seen = await underlinedTexts(page);
    const lists = severity ? [seen[severity]] : Object.values(seen);
    if (lists.some((list) => list.some((text) => (exact ? text === term : text.includes(term))))) return seen;
    await sleep(250);
  }
  throw new Error(`"${term}" was not underlined${severity ? ` as ${severity}` : ""} within ${timeout} ms; underlines: ${JSON.stringify(seen)}`);
}

/** Opens the stand-in's home page, types `text` into a new post's editor, and returns the page. */
export async function composeOnStandIn(browser, server, text) {
  const page = await openFixture(browser, server, "/");
  await openPostDialog(page);
  await page.click(DIALOG_EDITOR);
  await page.type(text);
  return page;
}

/**
 * Clicks Post and expects strict mode's hold: the confirm dialog offers no
 * "Post anyway" and says why, and nothing reaches the stand-in. Returns the UI snapshot.
 */
export async function expectStrictHold(page, server) {
  await page.click(POST_BUTTON_BY_LABEL);
  const ui = await waitForDialog(page);
  assert.ok(!ui.dialog.actions.includes("post-anyway"), `strict mode: no "Post anyway": ${ui.dialog.actions}`);
  assert.equal(ui.dialog.strict, true, "the dialog explains strict mode");
  await sleep(500);
  assert.deepEqual(server.posted(), [], "nothing was posted");
  return ui;
}

/**
 * The popup of the Facebook stand-in tab while policy sets the context
 * (officialByDefault/officialPages): whether its context choices are
 * disabled with the ministry's note, and what the content script answers
 * to a switch to personal anyway (the message the popup would send).
 */
export async function popupContextLock(browser) {
  const tabId = await findTabId(browser, "facebook.com");
  const popup = await browser.openExtensionPage(`popup/popup.html?tab=${tabId}`);
  try {
    await popup.waitForFunction(() => document.getElementById("tab-controls")?.hidden === false, {
      timeout: 15_000,
      message: "the popup shows the tab's controls",
    });
    return await popup.evaluate(async (id) => {
      const api = globalThis.browser ?? globalThis.chrome;
      const radios = [...document.querySelectorAll('input[name="context"]')];
      const note = document.getElementById("context-locked");
      const setTab = await api.tabs.sendMessage(id, { type: "sotorko:set-tab", context: "personal" });
      const info = await api.tabs.sendMessage(id, { type: "sotorko:tab-info" });
      return {
        disabled: radios.length === 3 && radios.every((r) => r.disabled),
        noteShown: note?.hidden === false,
        noteText: note?.textContent.trim() ?? "",
        setTab,
        context: info.context,
        contextLocked: info.contextLocked,
      };
    }, tabId);
  } finally {
    await popup.close();
  }
}

/** Asserts what popupContextLock found: the context stays official and cannot be switched. */
export function assertContextLocked(lock) {
  assert.equal(lock.disabled, true, `the popup's context choices are disabled: ${JSON.stringify(lock)}`);
  assert.equal(lock.noteShown, true, "the popup says the ministry sets the context");
  assert.ok(lock.noteText.length > 0);
  assert.equal(lock.setTab?.ok, false, `a switch is refused: ${JSON.stringify(lock.setTab)}`);
  assert.match(lock.setTab.error, /ministry/);
  assert.equal(lock.context, "official");
  assert.equal(lock.contextLocked, true);
}
