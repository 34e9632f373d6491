/**
 * Finds composers and keeps up with Facebook's single-page app: one
 * MutationObserver on the document (no polling) plus `focusin`, so editors
 * that appear, are re-rendered or are removed are noticed. Each composer is
 * classified as post / comment / reply / business, or messenger (ignored).
 */
import { EDITOR_SELECTORS, HOSTS, COMMENT_LABELS, REPLY_LABELS, MESSENGER } from "./site-adapters.js";
import { matchesLabel } from "./label-match.js";
import { commentBoxSelector } from "./adapter-overrides.js";
import { timed } from "./perf-stats.js";

/** Composer kinds the content script checks. */
export const CHECKED_KINDS = Object.freeze(["post", "comment", "reply", "business"]);

/** The selector for every editable box that may be a composer on `hostname`. */
export function editorSelectorFor(hostname) {
  const parts = [EDITOR_SELECTORS.lexical, EDITOR_SELECTORS.businessCombobox, EDITOR_SELECTORS.genericTextbox, EDITOR_SELECTORS.draftJs, ...EDITOR_SELECTORS.extra];
  if (HOSTS.mobile.includes(hostname)) parts.push(EDITOR_SELECTORS.mobileTextarea);
  return parts.join(", ");
}

function labelsOf(el) {
  return [el.getAttribute("aria-label"), el.getAttribute("aria-placeholder"), el.getAttribute("placeholder")].filter(Boolean);
}

/** True when `el` is a Messenger box (placeholder "Aa", a chat region, or a Messenger path). */
export function isMessenger(el, location = document.location) {
  const placeholder = el.getAttribute(MESSENGER.placeholderAttribute) ?? el.getAttribute("placeholder");
  if (placeholder && matchesLabel(placeholder, MESSENGER.placeholders)) return true;
  if (labelsOf(el).some((l) => matchesLabel(l, MESSENGER.boxLabels))) return true;
  const path = String(location?.pathname ?? "");
  if (MESSENGER.paths.some((p) => path === p || path.startsWith(p + "/"))) return true;
  let node = el.parentElement?.closest(MESSENGER.containerSelector);
  while (node) {
    const label = node.getAttribute("aria-label");
    if (label && matchesLabel(label, MESSENGER.containerLabels)) return true;
    node = node.parentElement?.closest(MESSENGER.containerSelector);
  }
  return false;
}

/** Classifies an editable element: "post" | "comment" | "reply" | "business" | "messenger". */
export function classifyComposer(el, location = document.location) {
  if (isMessenger(el, location)) return "messenger";
  const labels = labelsOf(el);
  if (labels.some((l) => matchesLabel(l, REPLY_LABELS))) return "reply";
  if (labels.some((l) => matchesLabel(l, COMMENT_LABELS))) return "comment";
  const structural = commentBoxSelector();
  if (structural && el.matches(structural)) return "comment";
  const host = String(location?.hostname ?? "");
  if (HOSTS.business.includes(host) || el.getAttribute("role") === "combobox") return "business";
  return "post";
}

/**
 * Tracks composers in `doc`. `onAdd(composer)` / `onRemove(composer)` are
 * called as editors appear and disappear; `composer` is `{ id, el, kind }`.
 * Messenger boxes are classified but never reported.
 */
export class ComposerFinder {
  constructor({ doc = document, onAdd, onRemove }) {
    this.doc = doc;
    this.onAdd = onAdd;
    this.onRemove = onRemove;
    this.byElement = new Map();
    this.ignored = new WeakSet();
    this.nextId = 1;
    this.selector = editorSelectorFor(doc.location?.hostname ?? "");
    this.scheduled = false;
    this.addedRoots = new Set();
    this.removedSomething = false;
    this.observer = new MutationObserver(timed("finder.mutations", (records) => this.onMutations(records)));
    this.onFocusIn = timed("finder.focusin", (event) => this.consider(event.target));
  }

  /** Starts observing (call at document_start; works before <body> exists). */
  start() {
    this.observer.observe(this.doc.documentElement ?? this.doc, { childList: true, subtree: true });
    this.doc.addEventListener("focusin", this.onFocusIn, true);
    this.scan(this.doc);
  }

  /** Re-reads the editor selectors (after a policy added some) and looks for new composers. */
  refresh() {
    this.selector = editorSelectorFor(this.doc.location?.hostname ?? "");
    this.ignored = new WeakSet();
    // Tracked composers may read differently now (a comment box label added by policy).
    for (const composer of this.composers) {
      const kind = classifyComposer(composer.el, this.doc.location);
      if (kind === "messenger") {
        this.ignored.add(composer.el);
        this.remove(composer);
      } else composer.kind = kind;
    }
    if (this.doc.documentElement) this.scan(this.doc);
  }

  stop() {
    this.observer.disconnect();
    this.doc.removeEventListener("focusin", this.onFocusIn, true);
  }

  /** The tracked composers. */
  get composers() {
    return [...this.byElement.values()];
  }

  /** The tracked composer for `el` or one of its ancestors, or null. */
  composerFor(node) {
    let el = node?.nodeType === 1 ? node : node?.parentElement;
    while (el) {
      const c = this.byElement.get(el);
      if (c) return c;
      el = el.parentElement;
    }
    return null;
  }

  onMutations(records) {
    for (const record of records) {
      if (record.removedNodes.length) this.removedSomething = true;
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        // Typing inside a tracked editor adds spans: not a new composer.
        if (this.composerFor(record.target)) continue;
        this.addedRoots.add(node);
      }
    }
    if ((this.addedRoots.size || this.removedSomething) && !this.scheduled) {
      this.scheduled = true;
      queueMicrotask(() => this.flush());
    }
  }

  flush() {
    this.scheduled = false;
    const roots = [...this.addedRoots];
    this.addedRoots.clear();
    for (const root of roots) {
      if (root.isConnected) this.scan(root);
    }
    if (this.removedSomething) {
      this.removedSomething = false;
      for (const composer of this.composers) {
        if (!composer.el.isConnected) this.remove(composer);
      }
    }
  }

  scan(root) {
    if (root.nodeType === 1 && root.matches(this.selector)) this.consider(root);
    const found = root.querySelectorAll?.(this.selector) ?? [];
    for (const el of found) this.consider(el);
  }

  /** Starts tracking `el` when it is a composer (used by focusin and scans). */
  consider(el) {
    if (!el || el.nodeType !== 1 || this.byElement.has(el) || this.ignored.has(el)) return null;
    if (!el.matches(this.selector)) {
      // focusin can target a child of an editor.
      const editor = el.closest?.(this.selector);
      if (!editor || editor === el) return null;
      return this.consider(editor);
    }
    // A textbox nested in a tracked editor (rare) belongs to it.
    if (el.parentElement && this.composerFor(el.parentElement)) return null;
    const kind = classifyComposer(el, this.doc.location);
    if (kind === "messenger") {
      this.ignored.add(el);
      return null;
    }
    const composer = { id: this.nextId++, el, kind };
    this.byElement.set(el, composer);
    this.onAdd?.(composer);
    return composer;
  }

  remove(composer) {
    if (this.byElement.get(composer.el) !== composer) return;
    this.byElement.delete(composer.el);
    this.onRemove?.(composer);
  }
}
