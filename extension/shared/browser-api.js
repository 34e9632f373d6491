/**
 * The one place that finds the WebExtension API object.
 *
 * Firefox exposes promise-based `browser`; Chromium and Edge expose `chrome`,
 * whose MV3 APIs (storage, runtime, tabs, i18n) also return promises when no
 * callback is given. Looked up on each call so tests can install a stub on
 * `globalThis` after import.
 */
export function browserApi() {
  const api = globalThis.browser ?? globalThis.chrome;
  if (!api) {
    throw new Error("Sotorko: the WebExtension API is not available in this context.");
  }
  return api;
}
