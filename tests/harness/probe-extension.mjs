/**
 * Generates a tiny throwaway MV3 extension (both browsers) used to test the
 * harness itself, not Sotorko:
 * - a content script on the Facebook hosts that sets
 *   document.documentElement.dataset.testExt = "1" at document_start, and on
 *   the page event "harness:highlight" tries the CSS Custom Highlight API
 *   on the first Lexical text span (result in data-test-ext-highlight);
 * - a background (service worker / event page) that answers
 *   {type: "managed"} with storage.managed.get() and {type: "fetch", url}
 *   by fetching url (to prove background traffic is caught);
 * - an extension page probe.html reading storage.managed;
 * - a managed storage schema with one key "probe" (string).
 */
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** Gecko id of the probe extension. */
export const PROBE_GECKO_ID = "harness-probe@sotorko.test";

const CONTENT_SCRIPT = `
document.documentElement.dataset.testExt = "1";
window.addEventListener("harness:highlight", () => {
  const root = document.documentElement;
  try {
    const span = document.querySelector('[data-lexical-editor="true"] span[data-lexical-text="true"]');
    if (!span) throw new Error("no Lexical text span");
    if (typeof CSS === "undefined" || !CSS.highlights) throw new Error("CSS.highlights is missing in the content script");
    const range = new Range();
    range.setStart(span.firstChild, 0);
    range.setEnd(span.firstChild, Math.min(4, span.firstChild.length));
    CSS.highlights.set("harness-probe", new Highlight(range));
    root.dataset.testExtHighlight = "ok:" + CSS.highlights.size;
  } catch (error) {
    root.dataset.testExtHighlight = "error:" + (error && error.message);
  }
});
`;

const CONTENT_CSS = `::highlight(harness-probe) { background-color: rgb(255, 0, 0); color: rgb(255, 255, 255); }\n`;

const BACKGROUND = `
const api = globalThis.browser ?? globalThis.chrome;
api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (message && message.type === "managed") {
    api.storage.managed.get().then(
      (values) => sendResponse({ ok: true, values }),
      (error) => sendResponse({ ok: false, error: String(error && error.message) }),
    );
    return true;
  }
  if (message && message.type === "fetch") {
    fetch(message.url, { mode: "no-cors" }).then(
      () => sendResponse({ ok: true }),
      (error) => sendResponse({ ok: false, error: String(error && error.message) }),
    );
    return true;
  }
  return false;
});
`;

const PROBE_PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>probe</title><script src="probe.js"></script></head><body><h1>probe page</h1></body></html>`;
const PROBE_PAGE_JS = `
const api = globalThis.browser ?? globalThis.chrome;
window.readManaged = () => api.storage.managed.get().then((values) => ({ ok: true, values }), (error) => ({ ok: false, error: String(error && error.message) }));
window.askBackground = (message) => api.runtime.sendMessage(message);
`;

/**
 * Writes the probe extension into `dir` (default: a new temp folder) and
 * returns the folder.
 */
export async function writeProbeExtension(dir) {
  const target = dir ?? (await mkdtemp(path.join(os.tmpdir(), "sotorko-probe-ext-")));
  await mkdir(target, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: "Harness probe",
    version: "1.0.0",
    description: "Throwaway extension that tests the test harness.",
    permissions: ["storage"],
    host_permissions: ["https://*.facebook.com/*"],
    background: { service_worker: "background.js", scripts: ["background.js"] },
    content_scripts: [
      {
        matches: ["https://*.facebook.com/*"],
        js: ["content.js"],
        css: ["content.css"],
        run_at: "document_start",
        all_frames: false,
      },
    ],
    storage: { managed_schema: "schema.json" },
    browser_specific_settings: { gecko: { id: PROBE_GECKO_ID, strict_min_version: "128.0" } },
  };
  const schema = { type: "object", properties: { probe: { type: "string" } } };
  await writeFile(path.join(target, "manifest.json"), JSON.stringify(manifest, null, 2));
  await writeFile(path.join(target, "schema.json"), JSON.stringify(schema, null, 2));
  await writeFile(path.join(target, "content.js"), CONTENT_SCRIPT);
  await writeFile(path.join(target, "content.css"), CONTENT_CSS);
  await writeFile(path.join(target, "background.js"), BACKGROUND);
  await writeFile(path.join(target, "probe.html"), PROBE_PAGE);
  await writeFile(path.join(target, "probe.js"), PROBE_PAGE_JS);
  return target;
}
