/**
 * Underlines findings without touching the editor's DOM and without telling
 * the page what was found.
 *
 * Every underline is drawn in the overlay layer of Sotorko's CLOSED shadow
 * root: one mark per finding, one box per line of it, placed at the client
 * rects of the finding's DOM range (contenteditable composers) or of a mirror
 * (textarea, textarea-geometry.js). Nothing goes into the page's DOM or into
 * a per-document registry such as `CSS.highlights` (which the page's own
 * scripts can read: docs/architecture.md, "Security model").
 *
 * The boxes are kept in step with the text: a redraw (at most one per
 * animation frame) follows input, scrolling (any scroller, captured at the
 * window), window resizes, the composer's size changes (ResizeObserver),
 * web-font loads, and a light periodic check for layout moves that fire no
 * event. A redraw measures first and touches the layer only when a box moved.
 * Each box is clipped to the composer's scrolling ancestors and dropped where
 * something of the page covers the text. Highlights have no events, so hover
 * and caret hit-testing live here too.
 */
import { el } from "./ui-host.js";
import { textareaSpanRects } from "./textarea-geometry.js";
import { describeUnderlineForTests } from "./test-hooks.js";
import { record } from "./perf-stats.js";
import { layoutClock } from "./layout-clock.js";

/** Boxes checked for being covered by the page (one hit test each) per redraw; the rest are drawn. */
const MAX_OCCLUSION_TESTS = 200;

export class Highlighter {
  /**
   * `getOverlayLayer()` returns the shadow-root element the marks go in
   * (created lazily).
   */
  constructor({ doc = document, getOverlayLayer }) {
    this.doc = doc;
    this.getOverlayLayer = getOverlayLayer;
    this.mode = "overlay";
    /** composerId → { el, entries: [{ finding, range, rects, mark }], snapshot, textarea, clippers } */
    this.byComposer = new Map();
    this.frame = 0;
    /** Marks must be rebuilt (the findings changed). */
    this.dirty = false;
    /** What is drawn: a string of every box, to skip redraws that would change nothing. */
    this.signature = "";
    /** The boxes drawn: `[{ id, finding, rect }]`, for hit-testing what the official sees. */
    this.drawn = [];
    const win = doc.defaultView;
    const reposition = () => this.scheduleReposition();
    win?.addEventListener("scroll", reposition, { capture: true, passive: true });
    win?.addEventListener("resize", reposition, { passive: true });
    // Typing moves the text before the next check arrives.
    doc.addEventListener?.("input", (event) => this.onInput(event), { capture: true, passive: true });
    doc.fonts?.addEventListener?.("loadingdone", reposition);
    this.resizeObserver = typeof ResizeObserver === "function" ? new ResizeObserver(reposition) : null;
  }

  /** Underlines `findings` (engine findings with start_utf16/end_utf16) of one composer, using `snapshot` for DOM positions. */
  set(composer, snapshot, findings) {
    // No DOM ranges inside a textarea: boxes measured on a mirror (textarea-geometry.js).
    const textarea = composer.el.nodeName === "TEXTAREA";
    const entries = textarea ? findings.map((finding) => ({ finding, range: null, rects: [] })) : this.rangeEntries(snapshot, findings);
    const previous = this.byComposer.get(composer.id);
    this.byComposer.set(composer.id, { el: composer.el, entries, snapshot, textarea, clippers: previous?.el === composer.el ? previous.clippers : null });
    if (this.resizeObserver && previous?.el !== composer.el) this.resizeObserver.observe(composer.el);
    this.changed();
  }

  /** `[{ finding, range }]` for the findings whose span maps to the editor's DOM. */
  rangeEntries(snapshot, findings) {
    const entries = [];
    for (const finding of findings) {
      const pos = snapshot.domRange(finding.start_utf16, finding.end_utf16);
      if (!pos) continue;
      try {
        const range = this.doc.createRange();
        range.setStart(pos.startNode, pos.startOffset);
        range.setEnd(pos.endNode, pos.endOffset);
        entries.push({ finding, range });
      } catch {
        // The DOM changed under us; the next check will redo it.
      }
    }
    return entries;
  }

  /** Removes one composer's underlines. */
  clear(composer) {
    const had = this.byComposer.delete(composer.id);
    this.resizeObserver?.unobserve(composer.el);
    if (had) this.changed();
  }

  /** Removes everything (e.g. when Sotorko is switched off for the tab). */
  clearAll() {
    for (const { el: editor } of this.byComposer.values()) this.resizeObserver?.unobserve(editor);
    this.byComposer.clear();
    this.changed();
  }

  /** `[{ finding, range }]` for a composer. */
  entriesFor(composer) {
    return this.byComposer.get(composer.id)?.entries ?? [];
  }

  changed() {
    this.dirty = true;
    this.scheduleReposition();
    this.watchLayout();
  }

  onInput(event) {
    if (this.byComposer.size === 0) return;
    for (const { el: editor } of this.byComposer.values()) {
      if (editor === event.target || editor.contains?.(event.target)) {
        this.scheduleReposition();
        return;
      }
    }
  }

  /** The periodic check (layout-clock.js) runs only while there is something to keep in step. */
  watchLayout() {
    const win = this.doc.defaultView;
    if (!win) return;
    const clock = layoutClock(win);
    const any = [...this.byComposer.values()].some((c) => c.entries.length > 0);
    if (any && !clock.watching(this)) clock.watch(this, () => this.scheduleReposition());
    else if (!any) clock.unwatch(this);
  }

  scheduleReposition() {
    if (this.frame) return;
    if (!this.dirty && this.byComposer.size === 0 && this.drawn.length === 0) return;
    const win = this.doc.defaultView ?? globalThis;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      const t0 = performance.now();
      this.drawOverlay();
      record("underline-draw", performance.now() - t0);
    });
  }

  /** Client rects of one entry: its range's, or (textarea) the measured ones. */
  rectsOf(entry) {
    return entry.range ? [...entry.range.getClientRects()] : entry.rects ?? [];
  }

  /** The elements whose box clips the editor's text: the editor and its scrolling ancestors (cached per composer). */
  clippersOf(data) {
    if (data.clippers) return data.clippers;
    const win = this.doc.defaultView;
    const list = [data.el];
    for (let node = data.el.parentElement; node && node !== this.doc.documentElement && node !== this.doc.body; node = node.parentElement) {
      const cs = win?.getComputedStyle?.(node);
      if (cs && (cs.overflowX !== "visible" || cs.overflowY !== "visible")) list.push(node);
    }
    data.clippers = list;
    return list;
  }

  /** The visible area of the editor's text: its box ∩ its scrolling ancestors' ∩ the viewport. */
  clipRect(data) {
    const win = this.doc.defaultView;
    let clip = { left: 0, top: 0, right: win?.innerWidth ?? Infinity, bottom: win?.innerHeight ?? Infinity };
    for (const node of this.clippersOf(data)) {
      const r = node.getBoundingClientRect();
      clip = { left: Math.max(clip.left, r.left ?? -Infinity), top: Math.max(clip.top, r.top), right: Math.min(clip.right, r.right ?? Infinity), bottom: Math.min(clip.bottom, r.bottom) };
    }
    return clip;
  }

  /** True when the page shows something else than the editor at (x, y) (a menu, a dialog over it). */
  covered(editor, x, y) {
    if (typeof this.doc.elementFromPoint !== "function") return false;
    const hit = this.doc.elementFromPoint(x, y);
    if (!hit) return true; // off-screen
    if (hit === editor || editor.contains(hit)) return false;
    // Sotorko's own UI (the panel, the dialog) sits above the underlines in the same root.
    return !hit.hasAttribute?.("data-sotorko-host");
  }

  /** Measures every finding's visible boxes; redraws the layer when they changed. */
  drawOverlay() {
    if (!this.dirty && this.byComposer.size === 0 && this.drawn.length === 0) return;
    const layer = this.getOverlayLayer();
    if (!layer) return;
    const doc = layer.ownerDocument;
    if (this.dirty) {
      const marks = [];
      for (const data of this.byComposer.values()) {
        for (const entry of data.entries) {
          entry.mark = el(doc, "div", { class: "s-mark", "data-severity": entry.finding.severity });
          describeUnderlineForTests(entry.mark, entry, data.el);
          marks.push(entry.mark);
        }
      }
      layer.replaceChildren(...marks);
      this.dirty = false;
      this.signature = null;
    }
    const placed = [];
    let tests = 0;
    for (const [id, data] of this.byComposer) {
      const { el: editor, entries } = data;
      if (!editor.isConnected) {
        for (const entry of entries) placed.push({ id, entry, boxes: [] });
        continue;
      }
      if (data.textarea) {
        const measured = textareaSpanRects(editor, entries.map((e) => ({ start: e.finding.start_utf16, end: e.finding.end_utf16, entry: e })), layer);
        for (const { span, rects } of measured) span.entry.rects = rects;
      }
      const clip = this.clipRect(data);
      for (const entry of entries) {
        const boxes = [];
        for (const r of this.rectsOf(entry)) {
          if (r.width === 0) continue;
          const left = Math.max(r.left, clip.left);
          const right = Math.min(r.right ?? r.left + r.width, clip.right);
          const top = Math.max(r.top, clip.top);
          const bottom = Math.min(r.bottom, clip.bottom);
          if (right - left < 1 || bottom - top < 1) continue;
          if (tests++ < MAX_OCCLUSION_TESTS && this.covered(editor, (left + right) / 2, (top + bottom) / 2)) continue;
          boxes.push({ left, top, width: right - left, height: bottom - top, right, bottom });
        }
        placed.push({ id, entry, boxes });
      }
    }
    const signature = placed.map(({ boxes }) => boxes.map((b) => `${Math.round(b.left * 10)},${Math.round(b.top * 10)},${Math.round(b.width * 10)},${Math.round(b.height * 10)}`).join(";")).join("|");
    this.drawn = placed.flatMap(({ id, entry, boxes }) => boxes.map((rect) => ({ id, finding: entry.finding, rect })));
    if (signature === this.signature) return;
    this.signature = signature;
    for (const { entry, boxes } of placed) {
      const mark = entry.mark;
      if (!mark) continue;
      const lines = [...(mark.children ?? [])];
      while (lines.length > boxes.length) lines.pop().remove();
      while (lines.length < boxes.length) {
        const line = el(doc, "div", { class: "s-line" });
        mark.append(line);
        lines.push(line);
      }
      boxes.forEach((b, i) => {
        // CSSOM, not a style attribute: a page CSP without 'unsafe-inline' styles cannot block it.
        Object.assign(lines[i].style, { left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` });
      });
    }
  }

  /** The finding under viewport point (x, y) in any composer, or null: `{ composer id, finding, rect }`. */
  findingAtPoint(x, y) {
    for (const hit of this.drawn) {
      const r = hit.rect;
      if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) return hit;
    }
    return null;
  }

  /** The finding containing the collapsed caret (node, offset) in composer `id`, or null. */
  findingAtCaret(composer, node, offset) {
    const data = this.byComposer.get(composer.id);
    if (!data || data.textarea) return null;
    const at = data.snapshot.offsetOf(node, offset);
    if (at < 0) return null;
    for (const entry of data.entries) {
      const f = entry.finding;
      if (at > f.start_utf16 && at < f.end_utf16) {
        const rect = entry.range.getBoundingClientRect();
        return { id: composer.id, finding: f, rect };
      }
    }
    return null;
  }
}
