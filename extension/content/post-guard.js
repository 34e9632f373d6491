/**
 * The pre-post check. Capture-phase listeners on `window`, registered at
 * document_start, see a Post/Publish/Share/Schedule click (or Enter in a
 * comment or reply box) before Facebook does.
 *
 * - Fresh, clean result for the current text: nothing is touched (no delay).
 * - Otherwise the event is stopped (`preventDefault` + `stopImmediatePropagation`),
 *   the current text is checked right then if needed, and a post with
 *   `block`/`warn` findings is held behind the confirm dialog.
 * - "Post anyway" re-dispatches the same submit once, with a one-shot token
 *   bound to the exact text; a changed text is checked again.
 * - Engine unavailable, failing or slower than SUBMIT_TIMEOUT_MS: a notice
 *   says checking is off and the post goes through (fail-safe).
 */
import { SUBMIT_BUTTONS, COMPOSER_CONTAINERS } from "./site-adapters.js";
import { matchesLabel } from "./label-match.js";
import { AllowTokens } from "./allow-token.js";
import { holdDecision } from "./hold-rules.js";
import { SUBMIT_TIMEOUT_MS } from "./checker.js";
import { timed } from "./perf-stats.js";

/** True for an Enter that submits a comment/reply: not Shift+Enter, not during IME composition. */
export function isSubmitEnter(event) {
  if (event.key !== "Enter") return false;
  if (event.shiftKey) return false;
  if (event.isComposing || event.keyCode === 229) return false;
  return true;
}

/** The label a button presents: aria-label, else an input's value, else its text. */
export function buttonLabel(button) {
  const aria = button.getAttribute("aria-label");
  if (aria) return { label: aria, fromAria: true };
  if (button.nodeName === "INPUT") return { label: button.value ?? "", fromAria: false };
  return { label: (button.textContent ?? "").slice(0, 80), fromAria: false };
}

/** True when `label` names a submit action and is not a target picker. */
export function isSubmitLabel(label) {
  return matchesLabel(label, SUBMIT_BUTTONS.labels) && !matchesLabel(label, SUBMIT_BUTTONS.notSubmit);
}

/**
 * For a composer that publishes through a button (not Enter): whether its
 * dialog or form shows buttons of which none is a submit button we know.
 * Then Sotorko can underline but cannot hold the post, and says so.
 * False when there is no such container or no button at all yet.
 */
export function submitButtonUnrecognised(composerEl) {
  const container = composerEl.closest(COMPOSER_CONTAINERS.dialog) ?? composerEl.closest(COMPOSER_CONTAINERS.form);
  if (!container) return false;
  const buttons = [...container.querySelectorAll(SUBMIT_BUTTONS.selector)].filter((b) => !composerEl.contains(b));
  if (buttons.length === 0) return false;
  return !buttons.some((b) => isSubmitLabel(buttonLabel(b).label));
}

function depthBetween(ancestor, node) {
  let depth = 0;
  for (let n = node; n && n !== ancestor; n = n.parentElement) depth += 1;
  return depth;
}

export class PostGuard {
  /**
   * `deps`: `{ finder, isEnabled(), checkerOf(composer), contextOf(composer),
   * settings(), activeComposer(), ui: { openDialog(opts), notice(text), lang() },
   * recordOverride(decision) }`.
   */
  constructor(deps) {
    this.deps = deps;
    this.tokens = new AllowTokens();
    /** Composer ids with a held submit in progress (checking or dialog open). */
    this.busy = new Set();
    this.onClick = timed("guard.click", (event) => this.handleClick(event));
    this.onKeyDown = timed("guard.keydown", (event) => this.handleKeyDown(event));
  }

  /** Registers the capture listeners (call at document_start). */
  install(win = window) {
    win.addEventListener("click", this.onClick, true);
    win.addEventListener("keydown", this.onKeyDown, true);
  }

  /** The submit button `target` is in, when it is one and is enabled; else null. */
  submitButtonOf(target) {
    const button = target?.closest?.(SUBMIT_BUTTONS.selector);
    if (!button) return null;
    if (button.getAttribute("aria-disabled") === "true" || button.disabled) return null;
    const { label, fromAria } = buttonLabel(button);
    if (!isSubmitLabel(label)) return null;
    return { button, fromAria };
  }

  /**
   * The composer a submit button publishes: the one in the same dialog, else
   * in the same form, else (aria-labelled buttons only) a composer whose
   * nearest common ancestor with the button is close to the composer.
   */
  composerForButton(button, fromAria) {
    const composers = this.deps.finder.composers;
    const inside = (container) => composers.filter((c) => container.contains(c.el));
    const active = this.deps.activeComposer();
    const pick = (list) => (list.length === 0 ? null : list.includes(active) ? active : list[0]);
    const dialog = button.closest(COMPOSER_CONTAINERS.dialog);
    if (dialog) return pick(inside(dialog));
    const form = button.closest(COMPOSER_CONTAINERS.form);
    if (form) {
      const found = pick(inside(form));
      if (found) return found;
    }
    if (!fromAria) return null;
    let ancestor = button.parentElement;
    for (let i = 0; ancestor && i < COMPOSER_CONTAINERS.maxAncestorDepth; i++, ancestor = ancestor.parentElement) {
      const list = inside(ancestor);
      if (list.length > 0) {
        const near = list.filter((c) => depthBetween(ancestor, c.el) <= COMPOSER_CONTAINERS.maxAncestorDepth / 2);
        return pick(near);
      }
    }
    return null;
  }

  handleClick(event) {
    if (!this.deps.isEnabled()) return;
    const found = this.submitButtonOf(event.target);
    if (!found) return;
    const composer = this.composerForButton(found.button, found.fromAria);
    if (!composer) return;
    this.guard(event, composer, { kind: "click", target: found.button });
  }

  handleKeyDown(event) {
    if (!this.deps.isEnabled() || event.key !== "Enter") return;
    // Enter on a focused submit button is the same as clicking it.
    const found = !event.shiftKey && this.submitButtonOf(event.target);
    if (found) {
      const composer = this.composerForButton(found.button, found.fromAria);
      if (composer) {
        this.guard(event, composer, { kind: "click", target: found.button });
        return;
      }
    }
    if (!isSubmitEnter(event)) return;
    const composer = this.deps.finder.composerFor(event.target);
    if (!composer || (composer.kind !== "comment" && composer.kind !== "reply")) return;
    this.guard(event, composer, { kind: "enter", target: composer.el });
  }

  stop(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  guard(event, composer, action) {
    const checker = this.deps.checkerOf(composer);
    if (!checker) return;
    const snapshot = checker.snapshot();
    const text = snapshot.text;
    if (this.tokens.consume(composer.id, text, action.kind)) return; // confirmed: let exactly this one through
    if (this.busy.has(composer.id)) {
      // A second click while the first is being checked or confirmed: never send twice.
      this.stop(event);
      return;
    }
    if (text.trim() === "") return;
    const context = this.deps.contextOf(composer).context;
    const cached = checker.resultFor(text, context);
    const mode = this.deps.settings().mode;
    if (cached && !holdDecision(cached.report, mode).hold) return; // fresh and clean: untouched
    this.stop(event);
    this.busy.add(composer.id);
    const selection = this.saveSelection(composer);
    const proceed = (result) => this.decide(composer, action, result, selection);
    if (cached) proceed(cached);
    else checker.checkNow(SUBMIT_TIMEOUT_MS).then(proceed, (error) => proceed({ text, error: String(error) }));
  }

  decide(composer, action, result, selection) {
    const { ui } = this.deps;
    if (result.error || !result.report) {
      ui.notice(ui.checkingOffText(result.error));
      this.release(composer, action, result.text);
      return;
    }
    const mode = this.deps.settings().mode;
    const decision = holdDecision(result.report, mode);
    if (!decision.hold) {
      this.release(composer, action, result.text);
      return;
    }
    // Each dialog decides once, whatever the UI does.
    let decided = false;
    const once = (fn) => (...args) => {
      if (decided) return;
      decided = true;
      fn(...args);
    };
    ui.openDialog({
      composer,
      findings: decision.findings,
      allowOverride: decision.allowOverride,
      requireReason: Boolean(this.deps.settings().requireReasonToOverride),
      onEdit: once(() => {
        this.busy.delete(composer.id);
        this.restoreSelection(composer, selection);
      }),
      onPostAnyway: once((reason) => {
        const now = this.deps.checkerOf(composer)?.snapshot().text;
        if (now !== result.text) {
          // The text changed while the dialog was open: check it again.
          this.busy.delete(composer.id);
          this.resubmit(composer, action);
          return;
        }
        this.deps.recordOverride({ context: result.context, findings: decision.findings, reason });
        this.release(composer, action, result.text);
      }),
    });
  }

  /** Lets the held submit go through exactly once. */
  async release(composer, action, text) {
    try {
      const target = action.kind === "click" ? await this.submitTargetFor(composer, action) : composer.el;
      if (!target) return;
      this.tokens.issue(composer.id, text, action.kind);
      this.dispatch(composer, action, target);
    } finally {
      this.busy.delete(composer.id);
      // A token the page did not consume must not linger.
      this.tokens.consume(composer.id, "\u0000", action.kind);
    }
  }

  /**
   * The button to click again. Comment boxes show their send button only
   * while the box has focus, so after the dialog took focus the button may be
   * gone: focus the composer and find the button with the same label again
   * (waiting a few frames for the page to render it).
   */
  async submitTargetFor(composer, action) {
    if (action.target.isConnected) return action.target;
    const label = buttonLabel(action.target).label;
    if (composer.el.isConnected) composer.el.focus();
    const win = composer.el.ownerDocument.defaultView;
    for (let frame = 0; frame < 10; frame++) {
      const found = this.findSubmitButton(composer, label);
      if (found) return found;
      await new Promise((resolve) => win.requestAnimationFrame(() => resolve()));
    }
    return null;
  }

  /** A connected, enabled submit button labelled `label` that publishes `composer`. */
  findSubmitButton(composer, label) {
    let scope = composer.el.parentElement;
    for (let i = 0; scope && i < COMPOSER_CONTAINERS.maxAncestorDepth; i++, scope = scope.parentElement) {
      for (const candidate of scope.querySelectorAll(SUBMIT_BUTTONS.selector)) {
        const found = this.submitButtonOf(candidate);
        if (found && buttonLabel(found.button).label === label && this.composerForButton(found.button, found.fromAria) === composer) return found.button;
      }
    }
    return null;
  }

  /** Re-runs the guard for a submit (after the text changed under an open dialog). */
  async resubmit(composer, action) {
    const target = action.kind === "click" ? await this.submitTargetFor(composer, action) : composer.el;
    if (target) this.dispatch(composer, action, target);
  }

  dispatch(composer, action, target) {
    if (action.kind === "click") {
      target.click();
      return;
    }
    const editor = composer.el;
    if (!editor.isConnected) return;
    editor.focus();
    const init = { key: "Enter", code: "Enter", keyCode: 13, which: 13, bubbles: true, cancelable: true, composed: true };
    const win = editor.ownerDocument.defaultView;
    editor.dispatchEvent(new win.KeyboardEvent("keydown", init));
  }

  /** The caret/selection to give back on "Edit post": the current one when it is in the composer, else the last one seen there. */
  saveSelection(composer) {
    const sel = composer.el.ownerDocument.getSelection?.();
    if (sel && sel.rangeCount > 0) {
      const range = sel.getRangeAt(0);
      if (composer.el.contains(range.startContainer)) return range.cloneRange();
    }
    return this.deps.lastSelection?.(composer) ?? null;
  }

  restoreSelection(composer, range) {
    const editor = composer.el;
    if (!editor.isConnected) return;
    editor.focus();
    if (range && editor.contains(range.startContainer)) {
      const sel = editor.ownerDocument.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
    }
  }
}
