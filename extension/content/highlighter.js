/**
 * Underlines findings without touching the editor's DOM.
 *
 * With the CSS Custom Highlight API (Chromium 105+, Firefox 140+) each
 * severity is one named highlight in `CSS.highlights` (`sotorko-block`,
 * `sotorko-warn`, `sotorko-advise`), styled by `::highlight()` rules added to
 * the document. Without it, underline boxes are drawn from
 * `Range.getClientRects()` in the shadow root's overlay layer.
 * Highlights have no events, so hover and caret hit-testing live here too.
 */
import { HIGHLIGHT_CSS } from "./ui-styles.js";
import { addStyles, el } from "./ui-host.js";
import { SEVERITIES } from "../shared/messages.js";
import { textareaSpanRects } from "./textarea-geometry.js";

/** The highlight name for a severity. */
export const highlightName = (severity) => `sotorko-${severity}`;

/** True when this context can use the CSS Custom Highlight API. */
export function canUseHighlightApi(win = globalThis) {
  try {
    return typeof win.Highlight === "function" && Boolean(win.CSS?.highlights) && typeof win.CSS.highlights.set === "function";
  } catch {
    return false;
  }
}

export class Highlighter {
  /**
   * `getOverlayLayer()` returns the shadow-root element overlay boxes go in
   * (created lazily). `useHighlightApi` may be forced for tests.
   */
  constructor({ doc = document, getOverlayLayer, useHighlightApi = canUseHighlightApi(doc.defaultView ?? globalThis) }) {
    this.doc = doc;
    this.getOverlayLayer = getOverlayLayer;
    this.mode = useHighlightApi ? "highlight-api" : "overlay";
    /** composerId → { el, entries: [{ finding, range }] } */
    this.byComposer = new Map();
    this.highlights = null;
    this.styleSheet = null;
    this.frame = 0;
    {
      // Overlay boxes (all findings without the Highlight API; textarea findings always).
      const reposition = () => this.scheduleReposition();
      doc.defaultView?.addEventListener("scroll", reposition, { capture: true, passive: true });
      doc.defaultView?.addEventListener("resize", reposition, { passive: true });
      this.resizeObserver = typeof ResizeObserver === "function" ? new ResizeObserver(reposition) : null;
    }
  }

  /** Adds the `::highlight()` rules to the page, again if the page replaced its adopted sheets. */
  ensureStyles() {
    if (this.styleSheet && Array.from(this.doc.adoptedStyleSheets ?? []).includes(this.styleSheet)) return;
    if (this.styleSheet === false) return; // a <style> element was used: it stays in <head>
    const added = addStyles(this.doc, HIGHLIGHT_CSS, this.doc);
    this.styleSheet = added.sheet ?? false;
  }

  ensureHighlightApi() {
    this.ensureStyles();
    if (this.highlights) return;
    const win = this.doc.defaultView ?? globalThis;
    this.highlights = {};
    for (const severity of SEVERITIES) {
      const highlight = new win.Highlight();
      // Block drawn above warn above advise where they overlap.
      highlight.priority = { block: 3, warn: 2, advise: 1 }[severity];
      this.highlights[severity] = highlight;
      win.CSS.highlights.set(highlightName(severity), highlight);
    }
  }

  /** Underlines `findings` (engine findings with start_utf16/end_utf16) of one composer, using `snapshot` for DOM positions. */
  set(composer, snapshot, findings) {
    // No DOM ranges inside a textarea: overlay boxes measured on a mirror (textarea-geometry.js).
    const textarea = composer.el.nodeName === "TEXTAREA";
    const entries = textarea ? findings.map((finding) => ({ finding, range: null, rects: [] })) : this.rangeEntries(snapshot, findings);
    const previous = this.byComposer.get(composer.id);
    this.byComposer.set(composer.id, { el: composer.el, entries, snapshot, textarea });
    if (this.resizeObserver && previous?.el !== composer.el) this.resizeObserver.observe(composer.el);
    this.render(); // also schedules the overlay redraw
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
    if (had) this.render();
  }

  /** Removes everything (e.g. when Sotorko is switched off for the tab). */
  clearAll() {
    this.byComposer.clear();
    this.render();
  }

  /** `[{ finding, range }]` for a composer. */
  entriesFor(composer) {
    return this.byComposer.get(composer.id)?.entries ?? [];
  }

  render() {
    if (this.mode === "highlight-api") {
      const any = [...this.byComposer.values()].some((c) => !c.textarea && c.entries.length > 0);
      if (any || this.highlights) {
        this.ensureHighlightApi();
        for (const severity of SEVERITIES) this.highlights[severity].clear();
        for (const { entries } of this.byComposer.values()) {
          for (const { finding, range } of entries) if (range) this.highlights[finding.severity]?.add(range);
        }
      }
    }
    this.scheduleReposition(); // overlay boxes: textarea findings in every mode
  }

  scheduleReposition() {
    if (this.frame) return;
    const win = this.doc.defaultView ?? globalThis;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.drawOverlay();
    });
  }

  /** Client rects of one entry: its range's, or (textarea) the measured ones. */
  rectsOf(entry) {
    return entry.range ? [...entry.range.getClientRects()] : entry.rects ?? [];
  }

  drawOverlay() {
    const needed = this.mode === "overlay" || [...this.byComposer.values()].some((c) => c.textarea);
    if (!needed && !this.overlayDrawn) return;
    const layer = this.getOverlayLayer();
    if (!layer) return;
    const boxes = [];
    for (const data of this.byComposer.values()) {
      const { el: editor, entries } = data;
      if (!editor.isConnected) continue;
      if (this.mode !== "overlay" && !data.textarea) continue;
      if (data.textarea) {
        const measured = textareaSpanRects(editor, entries.map((e) => ({ start: e.finding.start_utf16, end: e.finding.end_utf16, entry: e })), layer);
        for (const { span, rects } of measured) span.entry.rects = rects;
      }
      const clip = editor.getBoundingClientRect();
      for (const entry of entries) {
        const { finding } = entry;
        for (const r of this.rectsOf(entry)) {
          if (r.width === 0 || r.bottom < clip.top || r.top > clip.bottom) continue;
          const box = el(layer.ownerDocument, "div", { class: "s-line", "data-severity": finding.severity, "data-rule": finding.rule });
          // CSSOM, not a style attribute: a page CSP without 'unsafe-inline' styles cannot block it.
          Object.assign(box.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
          boxes.push(box);
        }
      }
    }
    layer.replaceChildren(...boxes);
    this.overlayDrawn = boxes.length > 0;
  }

  /** The finding under viewport point (x, y) in any composer, or null: `{ composer id, finding, rect }`. */
  findingAtPoint(x, y) {
    for (const [id, { entries }] of this.byComposer) {
      for (const entry of entries) {
        for (const r of this.rectsOf(entry)) {
          if (x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 2) return { id, finding: entry.finding, rect: r };
        }
      }
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
