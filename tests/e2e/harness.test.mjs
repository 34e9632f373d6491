/**
 * Smoke test of the end-to-end harness itself, in real headless Chromium and
 * Firefox ESR, with a throwaway probe extension (not Sotorko): the stand-in
 * works like Facebook's composer, the browsers are wired to it, and traffic
 * recording catches what it must.
 *
 * Run: node --test tests/e2e/harness.test.mjs
 */
import assert from "node:assert/strict";
import { readdir, rm } from "node:fs/promises";
import { after, before, describe, test } from "node:test";
import { BROWSERS, chromiumExtensionId, launchBrowser } from "../harness/browsers.mjs";
import { countPixels, decodePng } from "../harness/png.mjs";
import { PROBE_GECKO_ID, writeProbeExtension } from "../harness/probe-extension.mjs";
import { startFixtureServer } from "../harness/server.mjs";
import { unexpectedTraffic } from "../harness/traffic.mjs";

const DIALOG_EDITOR = '[role="dialog"] div[contenteditable="true"][role="textbox"][data-lexical-editor="true"]';
const POST_BUTTON = '[role="dialog"] div[role="button"][aria-label="Post"]';
const COMMENT_BOX = '[role="article"] div[contenteditable="true"][aria-label="Comment as Nusrat Jahan"]';
const REPLY_BOX = 'div[contenteditable="true"][aria-label="Reply to Salma Akter"]';
const isRed = ([r, g, b]) => r > 200 && g < 70 && b < 70;

for (const browserName of BROWSERS) {
  describe(`harness in ${browserName}`, { timeout: 180_000 }, () => {
    let server;
    let browser;
    let extensionDir;

    before(async () => {
      server = await startFixtureServer();
      extensionDir = await writeProbeExtension();
      browser = await launchBrowser(browserName, { server, extensionDir });
    });

    after(async () => {
      await browser?.close();
      await server?.close();
      if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
    });

    test("the stand-in loads at https://www.facebook.com and the content script ran", async () => {
      const page = await browser.newPage(server.url("/"));
      assert.equal(await page.url(), "https://www.facebook.com/");
      await page.waitForFunction(() => window.__fixture?.ready === true);
      assert.equal(await page.evaluate(() => location.protocol + "//" + location.host), "https://www.facebook.com");
      assert.equal(await page.evaluate(() => document.documentElement.dataset.testExt), "1");
      assert.equal(await page.textContent(".fx-opener"), "What's on your mind, Nusrat?");
      await page.close();
    });

    test("typing updates Lexical's state and enables Post; Post records exactly one post", async () => {
      server.reset();
      const page = await browser.newPage(server.url("/"));
      await page.click(".fx-opener");
      await page.waitForSelector(DIALOG_EDITOR);
      await page.waitForSelector(POST_BUTTON);
      assert.equal(await page.getAttribute(POST_BUTTON, "aria-disabled"), "true");

      // A click on the disabled button posts nothing.
      await page.click(POST_BUTTON);
      assert.equal(await page.evaluate(() => window.__fixture.posted.length), 0);

      const text = "Tree planting today আজ বৃক্ষরোপণ";
      await page.click(DIALOG_EDITOR);
      await page.type(text);
      assert.equal(await page.evaluate(() => window.__fixture.composerText()), text);
      assert.equal(await page.evaluate((sel) => window.__fixture.lexicalText(sel), DIALOG_EDITOR), text);
      assert.equal(await page.count(`${DIALOG_EDITOR} span[data-lexical-text="true"]`), 1);
      assert.equal(await page.getAttribute(POST_BUTTON, "aria-disabled"), "false");

      await page.click(POST_BUTTON);
      const posted = await server.waitForPosted((list) => list.length >= 1);
      await page.waitForFunction(() => !document.querySelector('[role="dialog"]'));
      await new Promise((resolve) => setTimeout(resolve, 300)); // a second post would arrive by now
      assert.equal(server.posted().length, 1);
      assert.equal(posted[0].surface, "post");
      assert.equal(posted[0].text, text);
      assert.equal(posted[0].host, "www.facebook.com");
      assert.deepEqual(
        await page.evaluate(() => window.__fixture.posted.map((p) => [p.surface, p.text])),
        [["post", text]],
      );
      assert.equal(await page.textContent('[role="feed"] [data-ad-preview="message"]'), text);
      await page.close();
    });

    test("Enter in a comment submits; Shift+Enter adds a line; IME Enter does not submit; replies too", async () => {
      server.reset();
      const page = await browser.newPage(server.url("/"));
      await page.click(COMMENT_BOX);
      assert.equal(await page.count('[role="article"] [role="button"][aria-label="Comment"]'), 1, "submit button while focused");
      await page.type("first line");
      await page.press("Shift+Enter");
      await page.type("second line");
      assert.equal(await page.evaluate(() => window.__fixture.posted.length), 0, "Shift+Enter must not submit");
      assert.equal(await page.evaluate((sel) => window.__fixture.lexicalText(sel), COMMENT_BOX), "first line\nsecond line");

      const events = await page.imeEnter({ text: "ক" });
      const enter = events.find((e) => e.type === "keydown");
      assert.ok(enter, "keydown seen during composition");
      assert.equal(enter.isComposing, true);
      assert.equal(enter.keyCode, 229);
      assert.equal(await page.evaluate(() => window.__fixture.posted.length), 0, "IME Enter must not submit");

      await page.press("Enter");
      const posted = await server.waitForPosted((list) => list.length >= 1);
      assert.equal(posted.length, 1);
      assert.equal(posted[0].surface, "comment");
      assert.equal(posted[0].text, "first line\nsecond lineক");
      assert.equal(await page.evaluate((sel) => window.__fixture.lexicalText(sel), COMMENT_BOX), "", "box cleared");

      await page.click("body");
      assert.equal(await page.count('[role="article"] [role="button"][aria-label="Comment"]'), 0, "no submit button without focus");

      await page.click(REPLY_BOX);
      await page.type("thanks");
      await page.press("Enter");
      const withReply = await server.waitForPosted((list) => list.length >= 2);
      assert.deepEqual([withReply[1].surface, withReply[1].text], ["reply", "thanks"]);
      await page.close();
    });

    test("paste() inserts long text through Lexical's paste handling", async () => {
      const page = await browser.newPage(server.url("/"));
      await page.click(".fx-opener");
      await page.click(DIALOG_EDITOR);
      const line = "আমার সোনার বাংলা, আমি তোমায় ভালোবাসি। ".repeat(10);
      const text = Array.from({ length: 20 }, () => line).join("\n");
      assert.equal(await page.paste(text), true, "Lexical handled (cancelled) the paste event");
      const inEditor = await page.waitForFunction((n) => (window.__fixture.composerText() ?? "").length >= n && window.__fixture.composerText(), {
        args: [text.length],
      });
      assert.equal(inEditor, text);
      assert.equal(await page.count(`${DIALOG_EDITOR} p`), 20);
      await page.close();
    });

    test("Messenger box, Business Suite and m.facebook.com record their own surfaces", async () => {
      server.reset();
      const page = await browser.newPage(server.url("/"));
      await page.click('[data-fixture-surface="messenger"] [contenteditable="true"][aria-placeholder="Aa"]');
      await page.type("hello there");
      await page.press("Enter");
      await server.waitForPosted((list) => list.length >= 1);
      await page.goto(server.url("/", "business.facebook.com"));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.testExt), "1");
      await page.waitForSelector('div[role="button"][aria-label="Publish"]');
      assert.match(await page.textContent(".fx-post-to"), /Post to\s+Ministry of Example/);
      await page.click('div[contenteditable="true"][role="combobox"]');
      await page.type("Office notice");
      await page.click('div[role="button"][aria-label="Publish"]');
      await server.waitForPosted((list) => list.length >= 2);
      await page.goto(server.url("/", "m.facebook.com"));
      await page.click('[data-mcomponent="ServerTextArea"]');
      await page.click('[data-mcomponent="MInputBox"] textarea');
      await page.type("basic");
      await page.click('[data-mcomponent="MContainer"][data-focusable="true"][data-fixture-action="m-post"]');
      const posted = await server.waitForPosted((list) => list.length >= 3);
      assert.deepEqual(
        posted.map((p) => [p.surface, p.text, p.host]),
        [
          ["messenger", "hello there", "www.facebook.com"],
          ["business", "Office notice", "business.facebook.com"],
          ["post", "basic", "m.facebook.com"],
        ],
      );
      await page.close();
    });

    test("Bangla strict-CSP variant: localised labels, WASM blocked in the page, composer works after a re-render", async () => {
      server.reset();
      const page = await browser.newPage(server.url("/?lang=bn&csp=strict"));
      await page.waitForFunction(() => window.__fixture?.ready === true);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.testExt), "1", "content script runs under strict CSP");
      const wasm = await page.evaluate(() =>
        WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])).then(
          () => "allowed",
          () => "blocked",
        ),
      );
      assert.equal(wasm, "blocked", "the page CSP has no wasm-unsafe-eval");
      assert.equal(await page.textContent(".fx-opener"), "আপনার মনে কী আছে?");
      await page.click(".fx-opener");
      const bnPost = '[role="dialog"] div[role="button"][aria-label="পোস্ট"]';
      await page.waitForSelector(bnPost);
      assert.equal(await page.textContent('[role="dialog"] h2'), "পোস্ট তৈরি করুন");
      assert.equal(await page.textContent(bnPost), "পোস্ট করুন");
      await page.click(DIALOG_EDITOR);
      await page.type("আজ নৌকা বাইচ");
      const replaced = await page.evaluate((sel) => {
        window.__oldEditor = document.querySelector(sel);
        return window.__fixture.rerenderComposer({ keepText: true });
      }, DIALOG_EDITOR);
      assert.equal(replaced, true);
      assert.equal(await page.evaluate((sel) => document.querySelector(sel) !== window.__oldEditor && !window.__oldEditor.isConnected, DIALOG_EDITOR), true);
      assert.equal(await page.evaluate(() => window.__fixture.composerText()), "আজ নৌকা বাইচ");
      await page.type(" হবে");
      await page.click(bnPost);
      const posted = await server.waitForPosted((list) => list.length >= 1);
      assert.equal(posted[0].text, "আজ নৌকা বাইচ হবে");
      await page.close();
    });

    test("page-as-official variant shows the page as the author", async () => {
      server.reset();
      const page = await browser.newPage(server.url("/ministryofexample"));
      await page.click(".fx-opener");
      await page.waitForSelector(POST_BUTTON);
      assert.equal(await page.getAttribute('[role="dialog"] a.fx-avatar-link', "href"), "/ministryofexample");
      assert.equal(await page.textContent('[role="dialog"] .fx-actor-name'), "Ministry of Example");
      await page.click(DIALOG_EDITOR);
      await page.type("Notice");
      await page.click(POST_BUTTON);
      const posted = await server.waitForPosted();
      assert.equal(posted[0].actor, "Ministry of Example");
      await page.close();
    });

    test("a content script's CSS.highlights entry is visible from the page and renders", async () => {
      const page = await browser.newPage(server.url("/"));
      await page.click(".fx-opener");
      await page.click(DIALOG_EDITOR);
      await page.type("Highlight this text");
      const shotBefore = decodePng(await page.screenshot(null, { selector: DIALOG_EDITOR }));
      assert.equal(countPixels(shotBefore, isRed), 0);
      await page.evaluate(() => window.dispatchEvent(new Event("harness:highlight")));
      assert.equal(await page.evaluate(() => document.documentElement.dataset.testExtHighlight), "ok:1");
      const seen = await page.evaluate(() => {
        const h = CSS.highlights.get("harness-probe");
        return h ? [...h].map((range) => range.toString()) : null;
      });
      assert.deepEqual(seen, ["High"]);
      const shotAfter = decodePng(await page.screenshot(null, { selector: DIALOG_EDITOR }));
      assert.ok(countPixels(shotAfter, isRed) > 50, "the ::highlight() style is painted");
      await page.close();
    });

    test("extension pages open in a tab", async () => {
      const page = await browser.openExtensionPage("probe.html");
      assert.equal(await page.url(), browser.extensionUrl("probe.html"));
      assert.equal(await page.textContent("h1"), "probe page");
      const managed = await page.evaluate(() => window.readManaged());
      // Nothing configured: Chromium answers {}, Firefox rejects.
      if (browserName === "chromium") assert.deepEqual(managed, { ok: true, values: {} });
      else assert.equal(managed.ok, false);
      await page.close();
    });

    test("no request left the machine, and the recorders do record", async () => {
      // The recorders work: the stand-in's own requests are in both logs...
      assert.ok(server.requests().some((r) => r.kind === "https" && r.path === "/__fixture/app.js"));
      assert.ok(browser.requests().some((r) => r.url === "https://www.facebook.com/__fixture/app.js"));
      // ...and a request to another host is caught by both.
      const page = await browser.newPage(server.url("/"));
      const since = Date.now();
      await page.evaluate(() => fetch("https://example.org/leak", { mode: "no-cors" }).then(() => "sent", () => "failed"));
      await page.waitForFunction(() => true);
      const caught = unexpectedTraffic({ server, browser, since });
      assert.ok(caught.some((line) => line.includes("example.org")), `leak not caught: ${JSON.stringify(caught)}`);
      await page.close();
      // ...and so is a request made by the extension's background.
      const extensionPage = await browser.openExtensionPage("probe.html");
      await extensionPage.evaluate(() => window.askBackground({ type: "fetch", url: "https://example.net/from-background" }));
      await extensionPage.close();
      const fromBackground = unexpectedTraffic({ server, browser, since }).filter((line) => line.includes("example.net"));
      assert.ok(fromBackground.some((line) => line.startsWith("proxy: CONNECT example.net")), `background fetch not caught: ${JSON.stringify(fromBackground)}`);
      if (browserName === "chromium") {
        assert.ok(fromBackground.some((line) => line.startsWith("chromium service-worker:")), `service worker request not attributed: ${JSON.stringify(fromBackground)}`);
      }
      // Apart from those deliberate requests, nothing but the stand-in was contacted.
      const everything = unexpectedTraffic({ server, browser }).filter((line) => !/example\.(org|net)/.test(line));
      assert.deepEqual(everything, []);
      assert.deepEqual(
        server.foreignRequests().map((r) => r.host).sort(),
        ["example.net", "example.org"],
        "server.foreignRequests() leaves out browser noise but not the deliberate request",
      );
    });
  });
}

describe("policy inside a private mount namespace", { timeout: 120_000 }, () => {
  let server;
  let extensionDir;
  const realEtcBefore = { chromium: null, firefox: null };

  before(async () => {
    server = await startFixtureServer();
    extensionDir = await writeProbeExtension();
    realEtcBefore.chromium = await listDir("/etc/chromium");
    realEtcBefore.firefox = await listDir("/etc/firefox");
  });

  after(async () => {
    await server?.close();
    if (extensionDir) await rm(extensionDir, { recursive: true, force: true });
  });

  test("Chromium reads 3rdparty policy from /etc/chromium and applies a change live", async () => {
    const id = await chromiumExtensionId(extensionDir);
    const browser = await launchBrowser("chromium", {
      server,
      extensionDir,
      policy: { "3rdparty": { extensions: { [id]: { probe: "from-policy" } } } },
    });
    try {
      assert.equal(browser.extensionId, id);
      const page = await browser.openExtensionPage("probe.html");
      const first = await page.waitForFunction(async () => (await window.readManaged()).values?.probe, { timeout: 20_000 });
      assert.equal(first, "from-policy");
      await browser.setPolicy({ "3rdparty": { extensions: { [id]: { probe: "changed" } } } });
      const second = await page.waitForFunction(async () => (await window.readManaged()).values?.probe === "changed", { timeout: 30_000 });
      assert.equal(second, true);
    } finally {
      await browser.close();
    }
    assert.deepEqual(await listDir("/etc/chromium"), realEtcBefore.chromium, "the real /etc/chromium is untouched");
  });

  test("Firefox reads 3rdparty policy from /etc/firefox/policies/policies.json", async () => {
    const browser = await launchBrowser("firefox", {
      server,
      extensionDir,
      policy: { policies: { "3rdparty": { Extensions: { [PROBE_GECKO_ID]: { probe: "from-policy" } } } } },
    });
    try {
      const page = await browser.openExtensionPage("probe.html");
      const value = await page.waitForFunction(async () => (await window.readManaged()).values?.probe, { timeout: 20_000 });
      assert.equal(value, "from-policy");
    } finally {
      await browser.close();
    }
    assert.deepEqual(await listDir("/etc/firefox"), realEtcBefore.firefox, "the real /etc/firefox is untouched");
  });
});

async function listDir(dir) {
  try {
    return (await readdir(dir, { recursive: true })).sort();
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
