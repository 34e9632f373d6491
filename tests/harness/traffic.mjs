/**
 * Assertions about network traffic: did anything leave the machine, or did
 * an extension talk to anything?
 */
import { FIXTURE_HOSTS } from "../fixture/page.mjs";

/**
 * Hosts the browsers themselves contact in the background even with every
 * background-networking switch off (Chromium: update.googleapis.com,
 * clients2.google.com, accounts.google.com, redirector.gvt1.com; Firefox:
 * firefox.settings.services.mozilla.com). The proxy refuses them; they are
 * not the extension's traffic.
 */
export const BROWSER_NOISE_HOSTS = [
  /(^|\.)google\.com$/,
  /(^|\.)googleapis\.com$/,
  /(^|\.)gvt1\.com$/,
  /(^|\.)gstatic\.com$/,
  /(^|\.)mozilla\.(com|org|net)$/,
  /(^|\.)firefox\.com$/,
  /(^|\.)mozaws\.net$/,
];

/** True when `host` is background traffic of the browser itself. */
export function isBrowserNoise(host) {
  return BROWSER_NOISE_HOSTS.some((pattern) => pattern.test(host));
}

const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\//;

/**
 * Everything that should not have happened, as a list of readable strings
 * (empty when clean):
 * - the proxy saw a request to a host other than the stand-in's, except the
 *   browsers' own background noise (BROWSER_NOISE_HOSTS) unless strict;
 * - the stand-in got a request for a path it does not serve, or one sent
 *   from an extension origin (Origin header chrome-extension:/moz-extension:);
 * - the automation protocol saw a page or service-worker request to a
 *   non-local URL, or any request from the extension's service worker other
 *   than to its own files.
 *
 * @param {object} options
 * @param {object} options.server from startFixtureServer
 * @param {object} [options.browser] from launchChromium/launchFirefox
 * @param {number} [options.since=0] only entries at or after this Date.now() value
 * @param {boolean} [options.strict=false] also report browser background noise
 */
export function unexpectedTraffic({ server, browser, since = 0, strict = false }) {
  const problems = [];
  for (const r of server.requests()) {
    if (r.at < since) continue;
    if (!r.allowed && (strict || !isBrowserNoise(r.host))) {
      problems.push(`proxy: ${r.method} ${r.host}${r.port ? `:${r.port}` : ""}${r.path ?? ""}`);
    } else if (r.kind === "https" && !r.known) {
      problems.push(`stand-in: unknown path ${r.method} https://${r.host}${r.path}`);
    } else if (r.kind === "https" && r.origin && EXTENSION_ORIGIN.test(r.origin)) {
      problems.push(`stand-in: request from extension origin ${r.origin}: ${r.method} ${r.path}`);
    }
  }
  if (browser) {
    for (const r of browser.requests()) {
      if (r.at < since) continue;
      const local = /^(data|blob|about|chrome|chrome-extension|moz-extension):/.test(r.url);
      let host = "";
      try {
        host = new URL(r.url).hostname;
      } catch {
        /* not a URL with a host */
      }
      const toStandIn = FIXTURE_HOSTS.includes(host) || host === "127.0.0.1" || host === "localhost";
      if (!local && !toStandIn) problems.push(`${browser.name} ${r.source}: ${r.method} ${r.url}`);
      else if (r.source === "service-worker" && !/^(chrome-extension|moz-extension):/.test(r.url)) {
        problems.push(`${browser.name} service worker: ${r.method} ${r.url}`);
      }
    }
  }
  return problems;
}
