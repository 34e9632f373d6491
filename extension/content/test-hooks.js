/**
 * Hooks of the end-to-end TEST build only. scripts/bundle.mjs writes that
 * build to dist/extension-test/ with `__SOTORKO_TEST_HOOKS__` defined true;
 * the shipped dist/extension/ defines it false and esbuild drops the hook
 * code (scripts/bundle.test.mjs checks). Unbundled (node unit tests) the
 * hooks are off. Each hook tests the define itself, so the dead branch is
 * removed where it is written.
 */

/** The UI host's shadow root mode: "closed", except in the test build. */
export function uiRootMode() {
  if (typeof __SOTORKO_TEST_HOOKS__ !== "undefined" && __SOTORKO_TEST_HOOKS__ === true) return "open";
  return "closed";
}

/**
 * Test build only: counts checks and describes the last one
 * (`kind:length:findings|error`) on the UI host, for the e2e helpers. Never
 * shipped: it would tell the page what was found.
 */
export function markCheckForTests(host, summary) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return;
  host.setAttribute("data-sotorko-checks", String(Number(host.getAttribute("data-sotorko-checks") ?? 0) + 1));
  host.setAttribute("data-sotorko-last", summary);
}

/**
 * Test build only: tells the e2e helpers what an underline mark (in the
 * shadow root's overlay) stands for: its severity is on the mark already;
 * this adds the underlined text, whether it lies in a Lexical editor, and
 * the label of the editor. Never shipped: the page must not learn it.
 */
export function describeUnderlineForTests(mark, entry, editor) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return;
  const { range, finding } = entry;
  const text = range ? range.toString() : (editor.value ?? "").slice(finding.start_utf16, finding.end_utf16);
  const start = range ? range.startContainer.parentElement ?? range.startContainer : editor;
  mark.setAttribute("data-test-text", text);
  mark.setAttribute("data-test-in-editor", String(Boolean(start?.closest?.('[data-lexical-editor="true"]'))));
  mark.setAttribute("data-test-editor-label", start?.closest?.('[contenteditable="true"], textarea')?.getAttribute("aria-label") ?? "");
}

/** Test build only: the message an extension page sends the background for `?sotorko-test-slow-policy=MS`. */
const MSG_TEST_SLOW_POLICY = "sotorko:test-slow-policy";

/**
 * Test build only, extension page side: with `?sotorko-test-slow-policy=MS` in the page's URL,
 * asks the background (see {@link acceptSlowPolicyForTests}) to read policy afresh and have it
 * arrive MS from now, as Chromium's first policy read of a browser session can. Since settings
 * are resolved in the background, that is where the read must be slow
 * (tests/e2e/accessibility.test.mjs checks the options page renders meanwhile).
 */
export async function slowPolicyReadsForTests(api, search) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return;
  const ms = Number(new URLSearchParams(search).get("sotorko-test-slow-policy"));
  if (!(ms > 0)) return;
  const answer = await api.runtime.sendMessage({ type: MSG_TEST_SLOW_POLICY, ms });
  if (!answer?.ok) throw new Error("the background did not accept the slow-policy test hook");
}

/**
 * Test build only, background side: on {@link slowPolicyReadsForTests}'s message from one of
 * the extension's own pages, forgets the policy read so far (`forgetPolicy(api)`) and makes
 * every storage.managed read answer no earlier than MS from now.
 */
export function acceptSlowPolicyForTests(api, forgetPolicy) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return;
  const area = api?.storage?.managed;
  if (!area?.get) return;
  const get = area.get.bind(area);
  let until = 0;
  const slow = (...args) => {
    const wait = until - Date.now();
    return wait > 0 ? new Promise((resolve) => setTimeout(resolve, wait)).then(() => get(...args)) : get(...args);
  };
  Object.defineProperty(area, "get", { value: slow, configurable: true, writable: true });
  api.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (message?.type !== MSG_TEST_SLOW_POLICY) return false;
    const fromPage = sender?.id === api.runtime.id && String(sender?.url ?? "").startsWith(api.runtime.getURL(""));
    const ms = Number(message.ms);
    if (!fromPage || !(ms > 0)) return false;
    until = Date.now() + ms;
    forgetPolicy(api);
    sendResponse({ ok: true });
    return true;
  });
}

/**
 * Test build only: marks the page once the content script has its settings
 * (`data-sotorko-test-settings="ready"` on the root element), so the e2e
 * helpers type only after the office's settings apply. Never shipped.
 */
export function markSettingsReadyForTests(doc) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return;
  doc.documentElement.setAttribute("data-sotorko-test-settings", "ready");
}

/**
 * Test build only, content script side: with `?sotorko-test-slow-settings=MS` in the Facebook
 * page's URL, the first settings answer reaches the content script MS later, as when the
 * background's worker is still starting. 0 (no wait) in the shipped build.
 */
export function settingsDelayForTests(search) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return 0;
  const ms = Number(new URLSearchParams(search).get("sotorko-test-slow-settings"));
  return ms > 0 ? ms : 0;
}
