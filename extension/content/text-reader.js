/**
 * Reading a composer's text and mapping text offsets back to the DOM.
 *
 * Lexical: each block (`<p>` …) is one line, blocks are joined with "\n",
 * text sits in text nodes (inside `span[data-lexical-text]`), a plain `<br>`
 * (Lexical's LineBreakNode, Shift+Enter) is "\n", and the
 * `<br data-lexical-managed-linebreak>` placeholder and decorators are not
 * text. Offsets are UTF-16 code units (JavaScript string indices), the same
 * unit as the engine's `start_utf16` / `end_utf16`.
 *
 * Only `nodeType`, `nodeName`, `childNodes`, `getAttribute` and `data` are
 * used, so the reader also runs on a minimal fake DOM in unit tests.
 */
import { LEXICAL_DOM } from "./site-adapters.js";

const ELEMENT = 1;
const TEXT = 3;
const BLOCK_TAGS = new Set(LEXICAL_DOM.blockTags);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "TEMPLATE", "IMG", "svg", "SVG"]);

/**
 * A snapshot of an editor's text: `text`, and `segments`, each
 * `{ start, end, node }` — the text node whose data is `text.slice(start, end)`.
 */
export class TextSnapshot {
  constructor(text, segments) {
    this.text = text;
    this.segments = segments;
  }

  /**
   * The DOM position of UTF-16 offset `offset`. `affinity` "forward" picks
   * the segment that contains the character at `offset` (for range starts),
   * "backward" the one that contains the character before it (for range ends).
   * Returns `{ node, offset }` or null when the text has no segments.
   */
  positionAt(offset, affinity = "forward") {
    const segs = this.segments;
    if (segs.length === 0) return null;
    if (affinity === "forward") {
      // First segment with end > offset.
      let lo = 0;
      let hi = segs.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid].end > offset) {
          found = mid;
          hi = mid - 1;
        } else lo = mid + 1;
      }
      if (found === -1) {
        const last = segs[segs.length - 1];
        return { node: last.node, offset: last.end - last.start };
      }
      const seg = segs[found];
      return { node: seg.node, offset: Math.max(0, offset - seg.start) };
    }
    // Last segment with start < offset.
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].start < offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found === -1) return { node: segs[0].node, offset: 0 };
    const seg = segs[found];
    return { node: seg.node, offset: Math.min(seg.end, offset) - seg.start };
  }

  /**
   * `{ startNode, startOffset, endNode, endOffset }` for the UTF-16 span
   * [start, end), or null when it cannot be placed.
   */
  domRange(start, end) {
    if (!(end > start)) return null;
    const a = this.positionAt(start, "forward");
    const b = this.positionAt(end, "backward");
    if (!a || !b) return null;
    return { startNode: a.node, startOffset: a.offset, endNode: b.node, endOffset: b.offset };
  }

  /** The UTF-16 offset of DOM position (node, offset) when `node` is a text node of the snapshot; -1 otherwise. */
  offsetOf(node, offset) {
    for (const seg of this.segments) {
      if (seg.node === node) return seg.start + Math.min(offset, seg.end - seg.start);
    }
    return -1;
  }
}

function attr(node, name) {
  return typeof node.getAttribute === "function" ? node.getAttribute(name) : null;
}

function isSkipped(el) {
  if (SKIP_TAGS.has(el.nodeName)) return true;
  if (attr(el, LEXICAL_DOM.decoratorAttribute) === "true") return true;
  if (attr(el, LEXICAL_DOM.decoratorBoundaryAttribute) !== null) return true;
  return false;
}

/** Reads a contenteditable editor (Lexical or generic) into a TextSnapshot. */
export function readEditor(root) {
  let text = "";
  const segments = [];
  // "\n" is emitted lazily before the next text of a new block, so empty
  // trailing blocks or the first block add nothing spurious.
  let pendingBreaks = 0;
  let sawBlock = false;
  // True right after a block opened and before it produced anything, so a
  // block nested first inside another (ul > li) does not add a line.
  let justOpenedBlock = false;

  const emitBreaks = () => {
    if (pendingBreaks > 0) {
      text += "\n".repeat(pendingBreaks);
      pendingBreaks = 0;
    }
  };

  const walk = (node) => {
    const children = node.childNodes ?? [];
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child.nodeType === TEXT) {
        const data = child.data ?? child.nodeValue ?? "";
        if (data.length === 0) continue;
        emitBreaks();
        justOpenedBlock = false;
        segments.push({ start: text.length, end: text.length + data.length, node: child });
        text += data;
      } else if (child.nodeType === ELEMENT) {
        if (child.nodeName === "BR") {
          if (attr(child, LEXICAL_DOM.managedLineBreakAttribute) !== null) continue;
          emitBreaks();
          justOpenedBlock = false;
          text += "\n";
          continue;
        }
        if (isSkipped(child)) continue;
        const block = BLOCK_TAGS.has(child.nodeName);
        if (block) {
          if (sawBlock && !justOpenedBlock) pendingBreaks += 1;
          sawBlock = true;
          justOpenedBlock = true;
        }
        walk(child);
        if (block) justOpenedBlock = false;
      }
    }
  };
  walk(root);
  return new TextSnapshot(text, segments);
}

/** Reads a textarea or input: the value; no DOM segments (ranges are measured elsewhere). */
export function readTextarea(el) {
  return new TextSnapshot(String(el.value ?? ""), []);
}

/** Reads any composer element. */
export function readComposer(el) {
  if (el.nodeName === "TEXTAREA" || el.nodeName === "INPUT") return readTextarea(el);
  return readEditor(el);
}
