/**
 * The end-to-end harness in one import:
 *   import { startFixtureServer, launchBrowser, BROWSERS, unexpectedTraffic } from "../harness/index.mjs";
 * See tests/harness/README.md.
 */
export { startFixtureServer, FIXTURE_HOSTS } from "./server.mjs";
export { launchBrowser, launchChromium, launchFirefox, BROWSERS, chromiumExtensionId, geckoExtensionId, isLocalUrl, LAUNCH_TIMEOUT } from "./browsers.mjs";
export { HarnessPage, DEFAULT_TIMEOUT, withTimeout } from "./page.mjs";
export { unexpectedTraffic, isBrowserNoise, BROWSER_NOISE_HOSTS } from "./traffic.mjs";
export { decodePng, countPixels } from "./png.mjs";
export { writeProbeExtension, PROBE_GECKO_ID } from "./probe-extension.mjs";
export { STRICT_CSP } from "../fixture/page.mjs";
