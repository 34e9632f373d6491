/**
 * Debounced checking of one composer through the background engine host.
 *
 * Changes are noticed with a MutationObserver on the editor (`input` for
 * textareas); a check runs DEBOUNCE_MS after the last change, never inside
 * an input handler, so typing is never blocked. A result whose text changed
 * while the request was in flight is dropped. `checkNow()` checks the current
 * text immediately (used at submit time) with a time limit.
 */
import { readComposer } from "./text-reader.js";
import { MSG_CHECK } from "../shared/messages.js";
import { timed, record } from "./perf-stats.js";

/** Quiet time after the last change before a check runs. */
export const DEBOUNCE_MS = 150;

/** How long a submit waits for the engine before failing open. */
export const SUBMIT_TIMEOUT_MS = 1500;

/** Calls `fn` `ms` after the last `schedule()`; `cancel()` drops a pending call; `pending` tells. */
export function debounce(fn, ms, timers = globalThis) {
  let handle = null;
  return {
    schedule() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = timers.setTimeout(() => {
        handle = null;
        fn();
      }, ms);
    },
    cancel() {
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
    get pending() {
      return handle !== null;
    },
  };
}

/** Resolves with `promise`'s value, or rejects with Error("timeout") after `ms`. */
export function withTimeout(promise, ms, timers = globalThis) {
  return new Promise((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new Error("timeout")), ms);
    promise.then(
      (v) => {
        timers.clearTimeout(handle);
        resolve(v);
      },
      (e) => {
        timers.clearTimeout(handle);
        reject(e);
      },
    );
  });
}

/**
 * Sends one check request. Resolves `{ ok: true, report }` or
 * `{ ok: false, error }`; never rejects.
 */
export async function requestCheck(sendMessage, text, context) {
  try {
    const answer = await sendMessage({ type: MSG_CHECK, text, context });
    if (answer && answer.ok === true && answer.report && Array.isArray(answer.report.findings)) {
      return { ok: true, report: answer.report };
    }
    return { ok: false, error: (answer && answer.error) || "no answer from the engine" };
  } catch (error) {
    return { ok: false, error: String(error?.message ?? error) };
  }
}

/**
 * Keeps one composer checked.
 *
 * - `composer`: `{ el }` (the editor element).
 * - `sendMessage(message)`: runtime.sendMessage.
 * - `getContext()`: "official" | "personal" for this composer, right now.
 * - `onResult(result)`: called with every accepted result
 *   `{ text, context, report, snapshot, error }`.
 */
export class ComposerChecker {
  constructor({ composer, sendMessage, getContext, onResult, debounceMs = DEBOUNCE_MS }) {
    this.composer = composer;
    this.sendMessage = sendMessage;
    this.getContext = getContext;
    this.onResult = onResult;
    this.version = 0;
    /** The last accepted result. */
    this.result = null;
    this.debounced = debounce(() => this.runDebounced(), debounceMs);
    this.onInput = timed("checker.input", () => this.noteChange());
    this.observer = null;
  }

  /** Starts watching the editor for changes and checks what is already there. */
  start() {
    const el = this.composer.el;
    // One change signal per edit: a rich editor's edits are DOM mutations (its `input`
    // events would only repeat them); a textarea's value changes are seen by `input` alone.
    if (typeof MutationObserver === "function" && el.nodeName !== "TEXTAREA") {
      this.observer = new MutationObserver(timed("checker.mutations", () => this.noteChange()));
      this.observer.observe(el, { childList: true, subtree: true, characterData: true });
    } else {
      el.addEventListener("input", this.onInput, { passive: true });
    }
    // The first check of a composer that appears runs at once, not after the debounce.
    this.version += 1;
    this.debounced.cancel();
    queueMicrotask(() => this.runDebounced());
  }

  /** Stops watching; drops pending work. */
  stop() {
    this.composer.el.removeEventListener("input", this.onInput);
    this.observer?.disconnect();
    this.debounced.cancel();
    this.version += 1;
  }

  /** Marks the text as changed and schedules a check. */
  noteChange() {
    this.version += 1;
    this.debounced.schedule();
  }

  /** The current text snapshot. */
  snapshot() {
    const t0 = performance.now();
    const snap = readComposer(this.composer.el);
    record("checker.read-text", performance.now() - t0);
    return snap;
  }

  /** The last result when it is for exactly `text` in `context`; otherwise null. */
  resultFor(text, context) {
    const r = this.result;
    if (r && !r.error && r.text === text && r.context === context) return r;
    return null;
  }

  async runDebounced() {
    const version = this.version;
    const snapshot = this.snapshot();
    const context = this.getContext();
    const cached = this.resultFor(snapshot.text, context);
    if (cached) {
      // Same text (e.g. a re-render): refresh the DOM mapping only.
      this.accept({ ...cached, snapshot });
      return;
    }
    const result = await this.check(snapshot, context);
    if (version !== this.version) return; // stale: the text changed meanwhile
    this.accept(result);
  }

  async check(snapshot, context) {
    if (snapshot.text.trim() === "") {
      // Nothing to check (most comment boxes on a feed): no message to the engine.
      return { text: snapshot.text, context, report: { findings: [], summary: { highest: null, by_severity: {}, by_category: {} } }, snapshot, error: null, at: Date.now() };
    }
    const answer = await requestCheck(this.sendMessage, snapshot.text, context);
    return answer.ok
      ? { text: snapshot.text, context, report: answer.report, snapshot, error: null, at: Date.now() }
      : { text: snapshot.text, context, report: null, snapshot, error: answer.error, at: Date.now() };
  }

  accept(result) {
    this.result = result;
    this.onResult?.(result);
  }

  /**
   * Checks the current text now (submit time). Uses the last result when it
   * is for the same text and context. Resolves `{ text, context, report, snapshot, error }`
   * within `timeoutMs` (error "timeout" after that); never rejects.
   */
  async checkNow(timeoutMs = SUBMIT_TIMEOUT_MS) {
    const snapshot = this.snapshot();
    const context = this.getContext();
    const cached = this.resultFor(snapshot.text, context);
    if (cached) return { ...cached, snapshot };
    this.debounced.cancel();
    const version = this.version;
    try {
      const result = await withTimeout(this.check(snapshot, context), timeoutMs);
      if (version === this.version && !result.error) this.accept(result);
      else if (!result.error && result.text === this.snapshot().text) this.accept(result);
      return result;
    } catch (error) {
      this.debounced.schedule(); // keep the underlines catching up once the engine answers
      return { text: snapshot.text, context, report: null, snapshot, error: String(error?.message ?? error) };
    }
  }
}
