/**
 * Where text sits inside a <textarea> (m.facebook.com), which has no DOM
 * ranges: a hidden mirror element with the textarea's typography and width
 * lays out the same text, and the mirror's span boxes are moved onto the
 * textarea (minus its scroll). The mirror lives in Sotorko's shadow root.
 */

/** Style properties copied from the textarea so the mirror wraps lines the same way. */
const COPIED = [
  "fontFamily", "fontSize", "fontWeight", "fontStyle", "fontVariant", "fontStretch", "letterSpacing", "wordSpacing",
  "lineHeight", "textTransform", "textIndent", "tabSize", "direction",
  "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
];

/**
 * Viewport rects of each span [start, end) (UTF-16) of `textarea`'s value:
 * `[{ span, rects: [{ left, top, right, bottom, width, height }] }]`.
 * `container` is where the temporary mirror is attached (a shadow root element).
 */
export function textareaSpanRects(textarea, spans, container) {
  const doc = textarea.ownerDocument;
  const win = doc.defaultView;
  const cs = win.getComputedStyle(textarea);
  const mirror = doc.createElement("div");
  for (const prop of COPIED) mirror.style[prop] = cs[prop];
  const padX = parseFloat(cs.paddingLeft) + parseFloat(cs.paddingRight);
  Object.assign(mirror.style, {
    position: "fixed",
    left: "0px",
    top: "0px",
    visibility: "hidden",
    pointerEvents: "none",
    boxSizing: "content-box",
    width: `${Math.max(0, textarea.clientWidth - padX)}px`,
    whiteSpace: "pre-wrap",
    overflowWrap: "break-word",
    wordBreak: cs.wordBreak,
    border: "0",
    margin: "0",
  });
  const text = textarea.value;
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  const marks = [];
  let at = 0;
  for (const span of ordered) {
    const start = Math.max(span.start, at);
    if (span.end <= start) continue;
    if (start > at) mirror.append(doc.createTextNode(text.slice(at, start)));
    const mark = doc.createElement("span");
    mark.textContent = text.slice(start, span.end);
    mirror.append(mark);
    marks.push({ span, mark });
    at = span.end;
  }
  mirror.append(doc.createTextNode(text.slice(at) + "\u200b"));
  container.append(mirror);
  try {
    const m = mirror.getBoundingClientRect();
    const t = textarea.getBoundingClientRect();
    const originX = t.left + textarea.clientLeft - textarea.scrollLeft;
    const originY = t.top + textarea.clientTop - textarea.scrollTop;
    const visible = { top: t.top + textarea.clientTop, bottom: t.top + textarea.clientTop + textarea.clientHeight };
    return marks.map(({ span, mark }) => ({
      span,
      rects: [...mark.getClientRects()]
        .map((r) => {
          const left = originX + (r.left - m.left);
          const top = originY + (r.top - m.top);
          return { left, top, right: left + r.width, bottom: top + r.height, width: r.width, height: r.height };
        })
        .filter((r) => r.bottom > visible.top && r.top < visible.bottom),
    }));
  } finally {
    mirror.remove();
  }
}
