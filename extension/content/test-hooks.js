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

/**
 * Test build only: with `?sotorko-test-slow-policy=MS` in an extension page's URL, every
 * storage.managed read of that page answers MS later, as Chromium's first policy read of a browser
 * session can (tests/e2e/accessibility.test.mjs checks the options page renders meanwhile).
 */
export function slowPolicyReadsForTests(api, search) {
  if (typeof __SOTORKO_TEST_HOOKS__ === "undefined" || __SOTORKO_TEST_HOOKS__ !== true) return;
  const ms = Number(new URLSearchParams(search).get("sotorko-test-slow-policy"));
  const area = api?.storage?.managed;
  if (!(ms > 0) || !area?.get) return;
  const get = area.get.bind(area);
  const slow = (...args) => new Promise((resolve) => setTimeout(resolve, ms)).then(() => get(...args));
  Object.defineProperty(area, "get", { value: slow, configurable: true, writable: true });
}
