/**
 * One page API over a Playwright page (Chromium) and a Puppeteer page
 * (Firefox over WebDriver BiDi). Selectors are plain CSS, matched in the
 * document and inside every *open* shadow root. All waits have timeouts.
 *
 * See tests/harness/README.md.
 */

/** Default timeout of one harness action, in ms. */
export const DEFAULT_TIMEOUT = 10_000;
/** How long a click waits for its target to be uncovered (layout settling) before it fails. */
const HIT_WAIT_MS = 1_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Rejects with a clear message when `promise` takes longer than `ms`. */
export async function withTimeout(promise, ms, what) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Source of a function that runs in the page: finds elements matching a CSS
 * selector in the document and in every open shadow root.
 */
const DEEP_QUERY_SOURCE = `function __harnessDeepQueryAll(selector) {
  const found = [];
  const visit = (root) => {
    for (const el of root.querySelectorAll(selector)) found.push(el);
    for (const el of root.querySelectorAll("*")) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found;
}`;

/** Builds an expression that calls `fn` with JSON arguments. */
function callExpression(fn, args) {
  const source = typeof fn === "function" ? fn.toString() : `() => (${fn})`;
  return `(${source})(...${JSON.stringify(args)})`;
}

function deepCall(body, args) {
  return `(() => { ${DEEP_QUERY_SOURCE}; return (${body})(...${JSON.stringify(args)}); })()`;
}

/** Resource type, or null where the protocol lacks it (Puppeteer BiDi). */
export function safeResourceType(req) {
  try {
    return req.resourceType();
  } catch {
    return null;
  }
}

const MODIFIERS = new Set(["Shift", "Control", "Alt", "Meta"]);

/**
 * A page of either browser. Create it through a launcher's newPage(); the
 * constructor is internal.
 */
export class HarnessPage {
  /**
   * @param {"chromium"|"firefox"} browserName
   * @param {object} raw Playwright Page or Puppeteer Page
   * @param {object} [hooks] { cdpSession?: () => Promise<CDPSession> }
   */
  constructor(browserName, raw, hooks = {}) {
    this.browserName = browserName;
    /** The underlying Playwright or Puppeteer page (escape hatch). */
    this.raw = raw;
    this.hooks = hooks;
    /** Console messages: { type, text }. */
    this.consoleMessages = [];
    /** Uncaught page errors (strings). */
    this.pageErrors = [];
    /** Requests this page made: { url, method, resourceType }. */
    this.requests = [];
    raw.on("console", (msg) => this.consoleMessages.push({ type: msg.type(), text: msg.text() }));
    raw.on("pageerror", (err) => this.pageErrors.push(String(err?.message ?? err)));
    raw.on("request", (req) => this.requests.push({ url: req.url(), method: req.method(), resourceType: safeResourceType(req) }));
  }

  /** Navigates and waits for the load event. */
  async goto(url, { timeout = 30_000, waitUntil = "load" } = {}) {
    if (this.browserName === "firefox" && url.startsWith("moz-extension:")) {
      // Firefox loads extension pages in another process and BiDi never
      // reports the navigation as finished: start it, then poll the document.
      this.raw.goto(url, { timeout }).catch(() => {});
      await this.waitForFunction((expected) => location.href === expected && document.readyState === "complete", {
        args: [url],
        timeout,
        message: `navigation to ${url}`,
      });
      return;
    }
    await this.raw.goto(url, { timeout, waitUntil });
  }

  /** Current URL of the document (asks the page; falls back to the protocol's view). */
  async url() {
    try {
      return await withTimeout(this.raw.evaluate("location.href"), 5000, "location.href");
    } catch {
      return this.raw.url();
    }
  }

  /**
   * Runs `fn(...args)` in the page's main world and returns its (awaited)
   * JSON-serialisable result. `fn` must not close over test variables.
   * Works under a strict page CSP (it goes through the automation protocol).
   */
  async evaluate(fn, ...args) {
    const expression = callExpression(fn, args);
    return withTimeout(this.raw.evaluate(expression), DEFAULT_TIMEOUT * 3, `evaluate ${String(fn).slice(0, 80)}`);
  }

  /**
   * Polls `fn(...args)` in the page until it returns a truthy value; returns
   * that value. Navigation in between is tolerated.
   * @param {Function|string} fn
   * @param {{ args?: any[], timeout?: number, interval?: number, message?: string }} [options]
   */
  async waitForFunction(fn, { args = [], timeout = DEFAULT_TIMEOUT, interval = 50, message } = {}) {
    const expression = callExpression(fn, args);
    const end = Date.now() + timeout;
    let lastError = null;
    for (;;) {
      try {
        const value = await withTimeout(this.raw.evaluate(expression), Math.max(1000, end - Date.now()), "waitForFunction step");
        if (value) return value;
        lastError = null;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() > end) {
        const why = message ?? `condition ${String(fn).slice(0, 160)}`;
        throw new Error(`waitForFunction timed out after ${timeout} ms: ${why}${lastError ? ` (last error: ${lastError.message})` : ""}`);
      }
      await sleep(interval);
    }
  }

  /** Waits until an element matching `selector` exists (and is visible unless visible: false). */
  async waitForSelector(selector, { timeout = DEFAULT_TIMEOUT, visible = true } = {}) {
    await this.waitForFunction(
      deepCall(
        `(selector, visible) => __harnessDeepQueryAll(selector).some((el) => {
          if (!visible) return true;
          const r = el.getBoundingClientRect();
          const s = getComputedStyle(el);
          return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.display !== "none";
        })`,
        [selector, visible],
      ),
      { timeout, message: `selector ${selector}${visible ? " (visible)" : ""}` },
    );
  }

  /** Number of elements matching `selector` (document + open shadow roots). */
  async count(selector) {
    return this.raw.evaluate(deepCall(`(selector) => __harnessDeepQueryAll(selector).length`, [selector]));
  }

  /** True when at least one element matches. */
  async exists(selector) {
    return (await this.count(selector)) > 0;
  }

  /** textContent of the first match, or null. */
  async textContent(selector) {
    return this.raw.evaluate(deepCall(`(selector) => __harnessDeepQueryAll(selector)[0]?.textContent ?? null`, [selector]));
  }

  /** Attribute of the first match, or null. */
  async getAttribute(selector, name) {
    return this.raw.evaluate(deepCall(`(selector, name) => __harnessDeepQueryAll(selector)[0]?.getAttribute(name) ?? null`, [selector, name]));
  }

  /** Centre of the first visible match in viewport coordinates, scrolled into view. */
  /**
   * The centre of the first visible match, scrolled into view. Like a person,
   * the mouse can only press what is on top: when something else (Sotorko's
   * panel included) covers that point for `HIT_WAIT_MS`, this throws and names it.
   */
  async #centreOf(selector, timeout) {
    await this.waitForSelector(selector, { timeout });
    const deadline = Date.now() + HIT_WAIT_MS;
    for (;;) {
      const point = await this.raw.evaluate(
        deepCall(
          `(selector) => {
            const el = __harnessDeepQueryAll(selector).find((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; });
            if (!el) return null;
            el.scrollIntoView({ block: "center", inline: "center" });
            const r = el.getBoundingClientRect();
            const x = r.left + r.width / 2;
            const y = r.top + r.height / 2;
            const root = el.getRootNode();
            const hit = (root.elementFromPoint ? root.elementFromPoint(x, y) : null) ?? document.elementFromPoint(x, y);
            const onTop = !hit || hit === el || el.contains(hit);
            const name = (n) => n ? n.tagName.toLowerCase() + [...n.attributes].slice(0, 4).map((a) => "[" + a.name + (a.value ? "=" + JSON.stringify(a.value.slice(0, 30)) : "") + "]").join("") : "";
            return { x, y, coveredBy: onTop ? null : name(hit) };
          }`,
          [selector],
        ),
      );
      if (!point) throw new Error(`no visible element for ${selector}`);
      if (!point.coveredBy) return point;
      if (Date.now() > deadline) throw new Error(`cannot click ${selector}: ${point.coveredBy} covers its centre`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Real mouse click in the centre of the first visible match. */
  async click(selector, { timeout = DEFAULT_TIMEOUT } = {}) {
    const { x, y } = await this.#centreOf(selector, timeout);
    await withTimeout(this.raw.mouse.click(x, y), timeout, `click ${selector}`);
  }

  /** Real mouse click at viewport coordinates. */
  async clickAt(x, y) {
    await this.raw.mouse.click(x, y);
  }

  /** Moves the mouse over the centre of the first visible match. */
  async hover(selector, { timeout = DEFAULT_TIMEOUT } = {}) {
    const { x, y } = await this.#centreOf(selector, timeout);
    await this.raw.mouse.move(x, y);
  }

  /** Focuses the first match with element.focus() (no click). */
  async focus(selector, { timeout = DEFAULT_TIMEOUT } = {}) {
    await this.waitForSelector(selector, { timeout, visible: false });
    await this.raw.evaluate(deepCall(`(selector) => { __harnessDeepQueryAll(selector)[0].focus(); }`, [selector]));
  }

  /** Types `text` with real key events into the focused element. */
  async type(text, { delay = 0 } = {}) {
    await withTimeout(this.raw.keyboard.type(text, { delay }), DEFAULT_TIMEOUT + text.length * (delay + 20), "keyboard.type");
  }

  /** Clicks `selector`, then types `text`. */
  async typeInto(selector, text, options) {
    await this.click(selector);
    await this.type(text, options);
  }

  /**
   * Presses a key or a combination: "Enter", "Shift+Enter", "Control+a",
   * "Backspace", "Escape", "Tab".
   */
  async press(combo) {
    const parts = combo.split("+");
    const key = parts.pop();
    for (const modifier of parts) {
      if (!MODIFIERS.has(modifier)) throw new Error(`unknown modifier ${modifier} in ${combo}`);
    }
    const keyboard = this.raw.keyboard;
    for (const modifier of parts) await keyboard.down(modifier);
    try {
      await keyboard.press(key);
    } finally {
      for (const modifier of parts.reverse()) await keyboard.up(modifier);
    }
  }

  /** Holds a key down (e.g. "Shift") until keyUp. */
  async keyDown(key) {
    await this.raw.keyboard.down(key);
  }

  /** Releases a key held with keyDown. */
  async keyUp(key) {
    await this.raw.keyboard.up(key);
  }

  /**
   * Inserts text at the caret in one go, without key events (like an IME
   * commit or dictation). Chromium: CDP Input.insertText (trusted). Firefox:
   * document.execCommand("insertText") in the page.
   */
  async insertText(text) {
    if (this.browserName === "chromium") {
      await this.raw.keyboard.insertText(text);
    } else {
      await this.raw.evaluate(callExpression((t) => document.execCommand("insertText", false, t), [text]));
    }
  }

  /**
   * Pastes `text` into the focused element. Returns true when a handler
   * cancelled the paste event (Lexical cancels it when it inserts).
   *
   * Chromium: dispatches a synthetic, untrusted `paste` ClipboardEvent
   * carrying a DataTransfer with text/plain, which Lexical handles like a
   * real paste.
   *
   * Firefox: a real paste. navigator.clipboard.writeText puts `text` on the
   * clipboard (headless Firefox has its own in-memory clipboard, so the
   * machine's clipboard is untouched; the BiDi call counts as a user
   * activation), then a real Control+V key press makes Firefox fire a
   * trusted `paste` event whose clipboardData holds the text: the path a
   * user takes. (Firefox ignores a DataTransfer given to the ClipboardEvent
   * constructor; only its own dataType/data members make a synthetic one.)
   */
  async paste(text, { timeout = DEFAULT_TIMEOUT } = {}) {
    if (this.browserName === "chromium") {
      return this.raw.evaluate(
        callExpression(
          (t) => {
            const target = document.activeElement ?? document.body;
            const data = new DataTransfer();
            data.setData("text/plain", t);
            const event = new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true, composed: true });
            return !target.dispatchEvent(event);
          },
          [text],
        ),
      );
    }
    const written = await this.raw.evaluate(
      callExpression(
        async (t) => {
          try {
            await navigator.clipboard.writeText(t);
          } catch (error) {
            return `navigator.clipboard.writeText failed: ${error}`;
          }
          // Seen last (window, bubble phase), so every page handler has had its say.
          window.__harnessPaste = null;
          window.addEventListener(
            "paste",
            (event) => {
              window.__harnessPaste = { trusted: event.isTrusted, cancelled: event.defaultPrevented, length: event.clipboardData?.getData("text/plain").length ?? -1 };
            },
            { once: true },
          );
          return "ok";
        },
        [text],
      ),
    );
    if (written !== "ok") throw new Error(`paste: ${written}`);
    await this.press("Control+v");
    const seen = await this.waitForFunction(() => window.__harnessPaste, { timeout, message: "paste: the Control+V paste event" });
    if (!seen.trusted || seen.length !== text.length) throw new Error(`paste: unexpected paste event ${JSON.stringify(seen)} for ${text.length} characters`);
    return seen.cancelled;
  }

  /**
   * Simulates pressing Enter while an IME composition is active in the
   * focused element, then the IME commits `text`.
   *
   * Chromium (default, trusted events through CDP): Input.imeSetComposition
   * starts a real composition (compositionstart/update), a raw keydown/keyup
   * Enter with keyCode 229 is dispatched (the page sees isComposing = true,
   * keyCode 229), then Input.insertText commits (compositionend).
   * Firefox, or `synthetic: true`: untrusted events dispatched in the page on
   * the focused element: compositionstart, compositionupdate, keydown Enter
   * {isComposing: true, keyCode: 229}, keyup, compositionend; then the text is
   * inserted with insertText() when commit is true.
   *
   * Returns the list of events the focused element saw: [{ type, key, keyCode, isComposing, isTrusted }].
   */
  async imeEnter({ text = "ক", synthetic = this.browserName !== "chromium", commit = true } = {}) {
    await this.raw.evaluate(
      callExpression(() => {
        const log = [];
        window.__harnessImeLog = log;
        const types = ["compositionstart", "compositionupdate", "compositionend", "keydown", "keyup"];
        const record = (e) => log.push({ type: e.type, key: e.key ?? null, keyCode: e.keyCode ?? null, isComposing: e.isComposing ?? null, isTrusted: e.isTrusted, data: e.data ?? null });
        for (const type of types) window.addEventListener(type, record, true);
        window.__harnessImeStop = () => {
          for (const type of types) window.removeEventListener(type, record, true);
        };
      }, []),
    );
    if (!synthetic) {
      const cdp = await this.hooks.cdpSession();
      await cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
      const enter = { key: "Enter", code: "Enter", windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 };
      await cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", ...enter });
      await cdp.send("Input.dispatchKeyEvent", { type: "keyUp", ...enter });
      if (commit) await cdp.send("Input.insertText", { text });
      else await cdp.send("Input.imeSetComposition", { text: "", selectionStart: 0, selectionEnd: 0 });
    } else {
      await this.raw.evaluate(
        callExpression(
          (t) => {
            const target = document.activeElement ?? document.body;
            const fire = (event, extra = {}) => {
              for (const [name, value] of Object.entries(extra)) Object.defineProperty(event, name, { value });
              target.dispatchEvent(event);
            };
            fire(new CompositionEvent("compositionstart", { data: "", bubbles: true, cancelable: true, composed: true }));
            fire(new CompositionEvent("compositionupdate", { data: t, bubbles: true, composed: true }));
            const init = { key: "Enter", code: "Enter", isComposing: true, bubbles: true, cancelable: true, composed: true };
            fire(new KeyboardEvent("keydown", init), { keyCode: 229, which: 229 });
            fire(new KeyboardEvent("keyup", init), { keyCode: 229, which: 229 });
            fire(new CompositionEvent("compositionend", { data: t, bubbles: true, composed: true }));
          },
          [text],
        ),
      );
      if (commit) await this.insertText(text);
    }
    return this.raw.evaluate(
      callExpression(() => {
        window.__harnessImeStop?.();
        return window.__harnessImeLog ?? [];
      }, []),
    );
  }

  /**
   * Takes a PNG screenshot and returns it as a Buffer; also saves it when
   * `path` is given. `selector`: only the first visible match's box (plus
   * `padding` px); `fullPage`: the whole page.
   */
  async screenshot(path, { fullPage = false, selector, padding = 0 } = {}) {
    const options = { fullPage, type: "png" };
    if (path) options.path = path;
    if (selector) {
      await this.waitForSelector(selector);
      options.clip = await this.raw.evaluate(
        deepCall(
          `(selector, padding) => {
            const el = __harnessDeepQueryAll(selector).find((e) => e.getBoundingClientRect().width > 0);
            el.scrollIntoView({ block: "center" });
            const r = el.getBoundingClientRect();
            const x = Math.max(0, Math.floor(r.left - padding));
            const y = Math.max(0, Math.floor(r.top - padding));
            return { x, y, width: Math.ceil(r.width + 2 * padding), height: Math.ceil(r.height + 2 * padding) };
          }`,
          [selector, padding],
        ),
      );
    }
    const data = await withTimeout(this.raw.screenshot(options), 30_000, `screenshot ${path ?? selector ?? ""}`);
    return Buffer.from(data);
  }

  /** Brings this tab to the front (timers and rAF run at full speed). */
  async bringToFront() {
    await this.raw.bringToFront();
  }

  /** Closes the tab. */
  async close() {
    await withTimeout(this.raw.close(), DEFAULT_TIMEOUT, "page.close").catch(() => {});
  }
}
