/**
 * The pre-post check. Capture-phase listeners on `window`, registered at
 * document_start, see a send (a Post/Publish/Share/Schedule/Next control, a
 * comment's send button, Enter in a comment or reply box, Ctrl/Cmd+Enter in
 * any composer) before Facebook does.
 *
 * - Fresh, clean result for the current text: nothing is touched (no delay).
 * - Otherwise the event is stopped (`preventDefault` + `stopImmediatePropagation`),
 *   the current text is checked right then if needed, and a post with
 *   `block`/`warn` findings is held behind the confirm dialog.
 * - "Post anyway" re-dispatches the same submit once, with a one-shot token
 *   bound to the exact text; a changed text is checked again.
 * - Engine unavailable, failing or slower than SUBMIT_TIMEOUT_MS: a notice
 *   says checking is off and the post goes through (fail-safe).
 *
 * Send controls are recognised by structure as well as by label: a label
 * from the site adapters, a send slot (`#focused-state-composer-submit`), or
 * an icon-only control that is the last control after a comment box.
 *
 * The check belongs to the draft, not to the dialog that holds the button:
 * when a composer hands off to a later step (a Page's Next → "Post settings"),
 * its draft is remembered, and a send or Next in a later dialog without an
 * editor is held for that draft. "Edit post" goes back to the draft (the
 * later step's Back control) and never discards it.
 */
import { SUBMIT_BUTTONS, HANDOFF_BUTTONS, BACK_BUTTONS, CLOSE_BUTTONS, COMPOSER_CONTAINERS, CONTROLS, HANDOFF, HOSTS } from "./site-adapters.js";
import { matchesLabel } from "./label-match.js";
import { controlSelector, sendSlotSelector } from "./adapter-overrides.js";
import { AllowTokens } from "./allow-token.js";
import { holdDecision } from "./hold-rules.js";
import { SUBMIT_TIMEOUT_MS, withTimeout } from "./checker.js";
import { timed } from "./perf-stats.js";

/**
 * How long a post sent before the settings reached the page waits for them
 * (the background's worker may still be starting); after that it is checked
 * with what is known.
 */
export const SETTINGS_WAIT_MS = 10_000;

/** True for an Enter that submits a comment/reply: not Shift+Enter, not during IME composition. */
export function isSubmitEnter(event) {
  if (event.key !== "Enter") return false;
  if (event.shiftKey) return false;
  if (event.isComposing || event.keyCode === 229) return false;
  return true;
}

/** True for Ctrl+Enter or Cmd+Enter (sends from any composer), not during IME composition. */
export function isModifiedEnter(event) {
  return event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.isComposing && event.keyCode !== 229;
}

/** The label a control presents: aria-label, else an input's value, else its text. */
export function buttonLabel(button) {
  const aria = button.getAttribute("aria-label");
  if (aria && aria.trim()) return { label: aria, fromAria: true };
  if (button.nodeName === "INPUT") return { label: button.value ?? "", fromAria: false };
  return { label: (button.textContent ?? "").trim().slice(0, 80), fromAria: false };
}

/** True when `label` names a submit action and is not a target picker or an opener. */
export function isSubmitLabel(label) {
  return matchesLabel(label, SUBMIT_BUTTONS.labels) && !matchesLabel(label, SUBMIT_BUTTONS.notSubmit);
}

/** True when `label` names a hand-off to a next step (Next). */
export function isHandOffLabel(label) {
  return matchesLabel(label, HANDOFF_BUTTONS.labels) && !matchesLabel(label, SUBMIT_BUTTONS.notSubmit);
}

let iconPattern = null;
/** True when a control's own text is only an icon glyph (no letter, no digit). */
export function isIconText(text) {
  iconPattern ??= new RegExp(CONTROLS.iconTextPattern, "u");
  return iconPattern.test(String(text ?? "").trim());
}

/** True when `el` is disabled (aria-disabled, disabled). */
function isDisabled(el) {
  return el.getAttribute("aria-disabled") === "true" || el.disabled === true;
}

/**
 * What a control is, by label and structure: `{ el, label, fromAria, role }`
 * with role "send" (a send label), "handoff" (Next), "slot" (inside a send
 * slot), "icon" (no label, an icon glyph), or null when it is none of them,
 * is disabled, or is an opener / target picker.
 */
export function classifyControl(el, { evenIfDisabled = false } = {}) {
  if (!el || (!evenIfDisabled && isDisabled(el))) return null;
  const { label, fromAria } = buttonLabel(el);
  if (label && matchesLabel(label, SUBMIT_BUTTONS.notSubmit)) return null;
  let role = null;
  if (isSubmitLabel(label)) role = "send";
  else if (isHandOffLabel(label)) role = "handoff";
  else {
    const slots = sendSlotSelector();
    if (slots && el.closest(slots)) role = "slot";
    else if (!fromAria && isIconText(label) && !el.getAttribute("title")) role = "icon";
  }
  return role ? { el, label, fromAria, role } : null;
}

function depthBetween(ancestor, node) {
  let depth = 0;
  for (let n = node; n && n !== ancestor; n = n.parentElement) depth += 1;
  return depth;
}

/** True when `b` comes after `a` in document order (and is not inside it). */
function follows(a, b) {
  return Boolean(a.compareDocumentPosition(b) & 4) && !a.contains(b);
}

/** True when `el` is rendered (its dialog not hidden, not removed). */
export function isShown(el) {
  if (!el?.isConnected) return false;
  if (typeof el.checkVisibility === "function") return el.checkVisibility({ visibilityProperty: true });
  return el.getClientRects().length > 0;
}

const COMMENT_LIKE = new Set(["comment", "reply"]);

/**
 * One look at the controls in the dialog, form or (mobile site) screen of
 * `composerEl`:
 * - `sending`: the recognised send and hand-off controls (Post, Next,
 *   Comment…) that act on it; the panel keeps clear of them so the official
 *   can always reach them;
 * - `unrecognised`: there are controls but none of them can be tied to the
 *   composer. For a composer with findings that publishes through a control
 *   (not Enter), Sotorko can then underline but cannot hold the post, and
 *   says so. False when there is no such container or no control at all yet.
 */
export function composerControls(composerEl, guard) {
  const around = controlsAround(composerEl);
  const sending = around.filter((b) => sendsFrom(b, composerEl, guard));
  return { sending, unrecognised: around.length > 0 && sending.length === 0 };
}

/** The controls in the composer's dialog, form or mobile screen, outside the editor itself. */
function controlsAround(composerEl) {
  const container = composerEl.closest(COMPOSER_CONTAINERS.dialog) ?? composerEl.closest(COMPOSER_CONTAINERS.form) ?? mobileScreenOf(composerEl);
  if (!container) return [];
  return [...container.querySelectorAll(controlSelector())].filter((b) => !composerEl.contains(b) && !b.contains(composerEl));
}

/** Whether `control` sends or hands off the post of `composerEl`. */
function sendsFrom(control, composerEl, guard) {
  // A Post button stays disabled until the editor has text: it is still recognised.
  const info = classifyControl(control, { evenIfDisabled: true });
  if (!info) return false;
  if (!guard) return info.role === "send" || info.role === "handoff";
  return guard.composerForControl(info)?.el === composerEl;
}

/**
 * On m.facebook.com a composer is a full screen without a dialog or form:
 * its scope is the nearest ancestor (a few levels up) holding controls.
 */
function mobileScreenOf(composerEl) {
  const doc = composerEl.ownerDocument;
  if (!HOSTS.mobile.includes(doc.location?.hostname ?? "")) return null;
  let node = composerEl.parentElement;
  for (let i = 0; node && i < COMPOSER_CONTAINERS.mobileScreenDepth; i++, node = node.parentElement) {
    if ([...node.querySelectorAll(controlSelector())].some((b) => !b.contains(composerEl))) return node;
  }
  return null;
}

/**
 * A short structural description of a composer and the controls around it,
 * for the office's IT: roles, tags, labels and data-mcomponent names; never
 * the post text (the composer's own content is left out).
 */
export function describeStructure(composerEl, doc = composerEl.ownerDocument) {
  const clip = (s, n = 60) => {
    const t = String(s ?? "").replace(/\s+/g, " ").trim();
    return t.length > n ? `${t.slice(0, n)}…` : t;
  };
  const tag = (el) => {
    const parts = [el.nodeName.toLowerCase()];
    for (const a of ["role", "id", "data-mcomponent", "data-focusable", "tabindex", "contenteditable", "data-lexical-editor", "aria-disabled", "type"]) {
      const v = el.getAttribute(a);
      if (v !== null) parts.push(`${a}=${JSON.stringify(clip(v, 40))}`);
    }
    if (el.classList?.length) parts.push(`class=${JSON.stringify(clip([...el.classList].join(" "), 40))}`);
    return `<${parts.join(" ")}>`;
  };
  const labelsOf = (el) =>
    ["aria-label", "aria-placeholder", "placeholder", "title"]
      .map((a) => [a, el.getAttribute(a)])
      .filter(([, v]) => v)
      .map(([a, v]) => `${a}=${JSON.stringify(clip(v))}`)
      .join(" ");
  const lines = [
    "Sotorko: a composer with findings whose send control could not be recognised",
    `host: ${doc.location?.hostname ?? "?"}; interface language: ${doc.documentElement?.getAttribute("lang") ?? "?"}`,
    `composer: ${tag(composerEl)} ${labelsOf(composerEl)}`.trim(),
  ];
  const container = composerEl.closest(COMPOSER_CONTAINERS.dialog) ?? composerEl.closest(COMPOSER_CONTAINERS.form);
  let scope = container;
  if (container) {
    const named = container.getAttribute("aria-label") ?? doc.getElementById(container.getAttribute("aria-labelledby") ?? "")?.textContent;
    lines.push(`container: ${tag(container)}${named ? ` name=${JSON.stringify(clip(named))}` : ""}`);
  } else {
    scope = composerEl.parentElement;
    for (let i = 0; scope?.parentElement && i < 6; i++) scope = scope.parentElement;
    lines.push("container: none (no dialog or form); controls within 6 levels");
  }
  const controls = [...(scope?.querySelectorAll(controlSelector()) ?? [])].filter((b) => !composerEl.contains(b) && !b.contains(composerEl)).slice(0, 20);
  lines.push(`controls (${controls.length}):`);
  for (const b of controls) {
    const text = b.getAttribute("aria-label") ? "" : ` text=${JSON.stringify(clip(b.textContent, 30))}`;
    lines.push(`  ${tag(b)} ${labelsOf(b)}${text}${follows(composerEl, b) ? " (after the composer)" : " (before the composer)"}`.replace(/\s+$/, ""));
  }
  return lines.join("\n");
}

export class PostGuard {
  /**
   * `deps`: `{ finder, isEnabled(), checkerOf(composer), contextOf(composer),
   * checkText(text, context, timeoutMs), settings(), activeComposer(),
   * ui: { openDialog(opts), notice(text), lang() }, activity }`; `activity`
   * (optional, an ActivityTracker) hears each attempt: `held(composer,
   * findings)`, `postedAnyway(composer, findings, reason)`, `sent(composer,
   * text, findings)`, `discard(composer)`.
   */
  constructor(deps) {
    this.deps = deps;
    this.tokens = new AllowTokens();
    /** Composer ids with a held submit in progress (checking or dialog open). */
    this.busy = new Set();
    /** composer id → { composer, text, context, result, at }: drafts handed to a later step. */
    this.handoffs = new Map();
    /** composer id → text the official confirmed ("Post anyway") at an earlier step. */
    this.confirmed = new Map();
    this.onClick = timed("guard.click", (event) => this.handleClick(event));
    this.onKeyDown = timed("guard.keydown", (event) => this.handleKeyDown(event));
  }

  /** Registers the capture listeners (call at document_start). */
  install(win = window) {
    win.addEventListener("click", this.onClick, true);
    win.addEventListener("keydown", this.onKeyDown, true);
  }

  /** The send control `target` is in, classified; null when it is none (or it contains a composer). */
  controlOf(target) {
    const el = target?.closest?.(controlSelector());
    if (!el) return null;
    if (this.deps.finder.composerFor(el) || this.deps.finder.composers.some((c) => el.contains(c.el))) return null;
    return classifyControl(el);
  }

  /** Kept for callers of the old API: the send control `target` is in, or null. */
  submitButtonOf(target) {
    const info = this.controlOf(target);
    return info && info.role === "send" ? { button: info.el, fromAria: info.fromAria } : null;
  }

  /**
   * The composer a control publishes: the one in the same dialog, else in
   * the same form, else one close to it in the page. Text-labelled and icon
   * controls must come after a comment box (its action row, before it, has
   * the Like/Comment/Share of the post); an icon must be the last control
   * after the box. Null when none can be tied (a later step's dialog).
   */
  composerForControl(info) {
    const { el, role, fromAria } = info;
    const composers = this.deps.finder.composers.filter((c) => c.el.isConnected);
    const inside = (container) => composers.filter((c) => container.contains(c.el));
    const active = this.deps.activeComposer();
    const pick = (list) => (list.length === 0 ? null : list.includes(active) ? active : (list.find((c) => isShown(c.el)) ?? list[0]));
    const dialog = el.closest(COMPOSER_CONTAINERS.dialog);
    if (dialog) {
      const list = inside(dialog).filter((c) => isShown(c.el));
      if (role === "icon") return pick(list.filter((c) => COMMENT_LIKE.has(c.kind) && this.isTrailingControl(el, c, dialog)));
      // A post opened in a dialog has its action row (Share …) above its comment box.
      if (role === "send" && !fromAria) return pick(list.filter((c) => !COMMENT_LIKE.has(c.kind) || follows(c.el, el)));
      return pick(list);
    }
    const form = el.closest(COMPOSER_CONTAINERS.form);
    if (form) {
      const found = pick(inside(form));
      if (found) return found;
    }
    if (role === "handoff") return null;
    let ancestor = el.parentElement;
    for (let i = 0; ancestor && i < COMPOSER_CONTAINERS.maxAncestorDepth; i++, ancestor = ancestor.parentElement) {
      const list = inside(ancestor);
      if (list.length === 0) continue;
      let near = list.filter((c) => depthBetween(ancestor, c.el) <= COMPOSER_CONTAINERS.maxAncestorDepth / 2);
      if (role === "icon") near = near.filter((c) => COMMENT_LIKE.has(c.kind) && this.isTrailingControl(el, c, ancestor));
      else if (role === "send" && !fromAria) near = near.filter((c) => !COMMENT_LIKE.has(c.kind) || follows(c.el, el));
      return pick(near);
    }
    return null;
  }

  /** True when `control` is the last control after `composer` inside `scope`. */
  isTrailingControl(control, composer, scope) {
    const after = [...scope.querySelectorAll(controlSelector())].filter((b) => follows(composer.el, b) && !b.contains(control) && !control.contains(b));
    const last = after.filter((b) => b !== control).pop();
    return follows(composer.el, control) && (!last || follows(last, control));
  }

  /**
   * A draft handed to a later step that a control in `el`'s dialog (which
   * has no visible editor) continues: the newest whose composer is now hidden
   * or gone, handed off within HANDOFF.maxAgeMs.
   */
  pendingDraftFor(el) {
    const dialog = el.closest(COMPOSER_CONTAINERS.dialog);
    // A later step has no text box of its own (a chat or a share box is not a later step).
    if (!dialog || dialog.querySelector('[contenteditable="true"], textarea')) return null;
    const now = Date.now();
    let best = null;
    for (const [id, draft] of this.handoffs) {
      if (now - draft.at > HANDOFF.maxAgeMs) {
        this.handoffs.delete(id);
        continue;
      }
      if (isShown(draft.composer.el)) continue;
      if (!best || draft.at > best.at) best = draft;
    }
    return best;
  }

  /**
   * Remembers the draft of `composer` as handed off (a Next, or any other
   * control of its dialog that is not Close/Back), with its text and the
   * freshest result for it.
   */
  noteHandOff(composer) {
    const checker = this.deps.checkerOf(composer);
    if (!checker) return;
    const text = checker.snapshot().text;
    if (text.trim() === "") {
      this.handoffs.delete(composer.id);
      return;
    }
    const context = this.deps.contextOf(composer).context;
    this.handoffs.set(composer.id, { composer, text, context, result: checker.resultFor(text, context), at: Date.now() });
  }

  /** A composer went away: its hand-off record (if any) keeps the draft; otherwise forget it. */
  noteRemoved(composer) {
    const draft = this.handoffs.get(composer.id);
    // Removed right after a hand-off: the draft goes on in the next step. Otherwise it was closed.
    if (draft && Date.now() - draft.at <= HANDOFF.removedWithinMs) return;
    this.forget(composer.id);
    this.deps.activity?.discard(composer);
  }

  /** The draft was published or discarded: forget what was remembered for it. */
  forget(composerId) {
    this.handoffs.delete(composerId);
    this.confirmed.delete(composerId);
  }

  handleClick(event) {
    if (!this.deps.isEnabled()) return;
    const info = this.controlOf(event.target);
    if (!info) {
      this.noteClickInComposerDialog(event.target);
      return;
    }
    const composer = this.composerForControl(info);
    if (composer) {
      if (info.role === "handoff") this.noteHandOff(composer);
      this.guard(event, composer, { kind: "click", target: info.el, role: info.role });
      return;
    }
    if (info.role === "send" || info.role === "handoff" || info.role === "slot") {
      const draft = this.pendingDraftFor(info.el);
      if (draft) this.guard(event, draft.composer, { kind: "click", target: info.el, role: info.role, draft });
    }
  }

  /**
   * A click on a control that is not a send, inside a composer's dialog
   * (a Next we do not know the label of, an audience picker …): the draft may
   * be continuing in a later step, so remember it. Close/Cancel/Back are not.
   */
  noteClickInComposerDialog(target) {
    const el = target?.closest?.(controlSelector());
    if (!el) return;
    const dialog = el.closest(COMPOSER_CONTAINERS.dialog);
    if (!dialog) return;
    const composer = this.deps.finder.composers.find((c) => dialog.contains(c.el) && !COMMENT_LIKE.has(c.kind));
    if (!composer || composer.el.contains(el)) return;
    const { label } = buttonLabel(el);
    if (matchesLabel(label, CLOSE_BUTTONS.labels)) {
      this.forget(composer.id);
      return;
    }
    if (matchesLabel(label, BACK_BUTTONS.labels)) return;
    this.noteHandOff(composer);
  }

  handleKeyDown(event) {
    if (!this.deps.isEnabled() || event.key !== "Enter") return;
    // Enter on a focused send control is the same as clicking it.
    if (!event.shiftKey && !event.ctrlKey && !event.metaKey) {
      const info = this.controlOf(event.target);
      if (info && info.role !== "icon") {
        const composer = this.composerForControl(info);
        if (composer) {
          if (info.role === "handoff") this.noteHandOff(composer);
          this.guard(event, composer, { kind: "click", target: info.el, role: info.role });
          return;
        }
        const draft = this.pendingDraftFor(info.el);
        if (draft) {
          this.guard(event, draft.composer, { kind: "click", target: info.el, role: info.role, draft });
          return;
        }
      }
    }
    const composer = this.deps.finder.composerFor(event.target);
    if (!composer) return;
    if (isModifiedEnter(event)) {
      this.guard(event, composer, { kind: event.metaKey ? "meta-enter" : "ctrl-enter", target: composer.el });
      return;
    }
    if (!isSubmitEnter(event) || !COMMENT_LIKE.has(composer.kind)) return;
    this.guard(event, composer, { kind: "enter", target: composer.el });
  }

  stop(event) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  /** The text of the draft a submit is for, and how to check it. */
  subjectOf(composer, action) {
    if (action.draft && !composer.el.isConnected) {
      const { text, context, result } = action.draft;
      return {
        text,
        context,
        cached: result && !result.error && result.text === text && result.context === context ? result : null,
        checkNow: () => this.deps.checkText(text, context, SUBMIT_TIMEOUT_MS),
      };
    }
    const checker = this.deps.checkerOf(composer);
    if (!checker) return null;
    const text = checker.snapshot().text;
    const context = this.deps.contextOf(composer).context;
    return { text, context, cached: checker.resultFor(text, context), checkNow: () => checker.checkNow(SUBMIT_TIMEOUT_MS) };
  }

  guard(event, composer, action) {
    const subject = this.subjectOf(composer, action);
    if (!subject) return;
    const { text, cached } = subject;
    if (this.tokens.consume(composer.id, text, action.kind)) return; // confirmed: let exactly this one through
    if (this.busy.has(composer.id)) {
      // A second click while the first is being checked or confirmed: never send twice.
      this.stop(event);
      return;
    }
    if (text.trim() === "") return;
    // Confirmed at an earlier step of the same publishing flow (a Page's Next): the later steps pass.
    if ((action.draft || action.role === "handoff") && this.confirmed.get(composer.id) === text) {
      this.passed(composer, action);
      return;
    }
    // Before the office's settings reach the page, checks ran on the defaults (personal context,
    // default severities): no result of then lets a post through.
    const pending = this.deps.settingsPending();
    const mode = this.deps.settings().mode;
    if (!pending && cached && !holdDecision(cached.report, mode).hold) {
      this.passed(composer, action, cached);
      return; // fresh and clean: untouched
    }
    this.stop(event);
    this.busy.add(composer.id);
    const selection = action.draft ? null : this.saveSelection(composer);
    const proceed = (result) => this.decide(composer, action, result, selection);
    const checkAndDecide = (s) => (s.cached ? proceed(s.cached) : s.checkNow().then(proceed, (error) => proceed({ text: s.text, error: String(error) })));
    if (!pending) {
      checkAndDecide(subject);
      return;
    }
    // Wait for the settings (at most SETTINGS_WAIT_MS), then check in the context they give.
    this.deps.ui.notice(this.deps.ui.waitingText());
    withTimeout(Promise.resolve(pending), SETTINGS_WAIT_MS)
      .catch(() => {})
      .then(() => checkAndDecide(this.subjectOf(composer, action) ?? subject));
  }

  /**
   * A submit went through: a send publishes the draft (forget it), a hand-off
   * continues it. `result`: the check it went through with, when known.
   */
  passed(composer, action, result = null) {
    if (action.role === "handoff") return;
    const text = result?.text ?? this.subjectOf(composer, action)?.text ?? "";
    this.deps.activity?.sent(composer, text, result?.report?.findings ?? []);
    if (action.kind === "click" && (action.draft || action.role === "send" || action.role === "slot" || action.role === "icon")) {
      // Published: later dialogs ("Not now") have nothing to hold.
      this.forget(composer.id);
    }
  }

  decide(composer, action, result, selection) {
    const { ui } = this.deps;
    if (result.error || !result.report) {
      ui.notice(ui.checkingOffText(result.error));
      this.release(composer, action, result.text, result);
      return;
    }
    const mode = this.deps.settings().mode;
    const decision = holdDecision(result.report, mode);
    if (!decision.hold) {
      this.release(composer, action, result.text, result);
      return;
    }
    this.deps.activity?.held(composer, decision.findings);
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
        if (action.draft) this.backToDraft(composer, action);
        else this.restoreSelection(composer, selection);
      }),
      onPostAnyway: once((reason) => {
        const now = this.subjectOf(composer, action)?.text;
        if (now !== result.text) {
          // The text changed while the dialog was open: check it again.
          this.busy.delete(composer.id);
          this.resubmit(composer, action);
          return;
        }
        this.deps.activity?.postedAnyway(composer, decision.findings, reason);
        if (action.role === "handoff") this.confirmed.set(composer.id, result.text);
        this.release(composer, action, result.text, result);
      }),
    });
  }

  /**
   * "Edit post" on a later step: go back to the draft with the step's Back
   * control when it has one (the draft is in Facebook's own state), then
   * focus the composer once it shows again.
   */
  async backToDraft(composer, action) {
    const dialog = action.target.closest?.(COMPOSER_CONTAINERS.dialog);
    const back = dialog ? [...dialog.querySelectorAll(controlSelector())].find((b) => matchesLabel(buttonLabel(b).label, BACK_BUTTONS.labels)) : null;
    if (!back) return;
    back.click();
    const win = back.ownerDocument.defaultView;
    for (let i = 0; i < 30; i++) {
      await new Promise((resolve) => win.setTimeout(resolve, 20));
      const visible = this.deps.finder.composers.find((c) => isShown(c.el) && !COMMENT_LIKE.has(c.kind));
      if (visible) {
        this.restoreSelection(visible, null);
        return;
      }
    }
  }

  /** Lets the held submit go through exactly once. */
  async release(composer, action, text, result = null) {
    try {
      const target = action.kind === "click" ? await this.submitTargetFor(composer, action) : composer.el;
      if (!target) return;
      this.tokens.issue(composer.id, text, action.kind);
      this.dispatch(composer, action, target);
      this.passed(composer, action, result);
    } finally {
      this.busy.delete(composer.id);
      // A token the page did not consume must not linger.
      this.tokens.consume(composer.id, "\u0000", action.kind);
    }
  }

  /**
   * The control to click again. Comment boxes show their send button only
   * while the box has focus, so after the dialog took focus the button may be
   * gone: focus the composer and find a control with the same label again
   * (waiting a few frames for the page to render it).
   */
  async submitTargetFor(composer, action) {
    if (action.target.isConnected) return action.target;
    if (action.draft || !composer.el.isConnected) return null;
    const label = buttonLabel(action.target).label;
    composer.el.focus();
    const win = composer.el.ownerDocument.defaultView;
    for (let frame = 0; frame < 10; frame++) {
      const found = this.findSubmitButton(composer, label);
      if (found) return found;
      await new Promise((resolve) => win.requestAnimationFrame(() => resolve()));
    }
    return null;
  }

  /** A connected, enabled send control labelled `label` that publishes `composer`. */
  findSubmitButton(composer, label) {
    let scope = composer.el.parentElement;
    for (let i = 0; scope && i < COMPOSER_CONTAINERS.maxAncestorDepth; i++, scope = scope.parentElement) {
      for (const candidate of scope.querySelectorAll(controlSelector())) {
        const info = this.controlOf(candidate);
        if (info && buttonLabel(info.el).label === label && this.composerForControl(info) === composer) return info.el;
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
    const init = {
      key: "Enter",
      code: "Enter",
      keyCode: 13,
      which: 13,
      bubbles: true,
      cancelable: true,
      composed: true,
      ctrlKey: action.kind === "ctrl-enter",
      metaKey: action.kind === "meta-enter",
    };
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
