/**
 * Small inline SVG charts built with DOM APIs (createElementNS and
 * textContent; never innerHTML). Colours come from CSS classes
 * (review.css), so the charts follow the theme and print in black and white.
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** An SVG element with attributes and optional text. */
export function svgEl(doc, tag, attrs = {}, text) {
  const node = doc.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

function svgRoot(doc, width, height, title) {
  const svg = svgEl(doc, "svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "chart", "data-chart": "" });
  svg.append(svgEl(doc, "title", {}, title));
  return svg;
}

/**
 * Columns per week with a dashed target line: `weeks` is
 * `[{ label, value }]`; columns at or above `target` get class `met`.
 * `format(n)` writes numbers (e.g. Bangla digits).
 */
export function weekColumns(doc, { title, weeks, target, format = String }) {
  const colW = 22;
  const gap = 6;
  const left = 28;
  const top = 10;
  const plotH = 110;
  const bottom = 34;
  const width = left + weeks.length * (colW + gap) + gap;
  const height = top + plotH + bottom;
  const max = Math.max(target + 1, ...weeks.map((w) => w.value));
  const y = (v) => top + plotH - (v / max) * plotH;
  const svg = svgRoot(doc, width, height, title);
  svg.setAttribute("data-chart", "weeks");
  svg.append(svgEl(doc, "line", { x1: left, x2: width, y1: y(0), y2: y(0), class: "axis" }));
  for (const tick of [...new Set([0, target, max])]) {
    svg.append(svgEl(doc, "text", { x: left - 4, y: y(tick) + 4, "text-anchor": "end", class: "tick" }, format(tick)));
  }
  weeks.forEach((w, i) => {
    const x = left + gap + i * (colW + gap);
    const h = y(0) - y(w.value);
    const bar = svgEl(doc, "rect", { x, y: y(w.value), width: colW, height: Math.max(h, 0), class: w.value >= target ? "bar met" : "bar short", "data-value": w.value });
    bar.append(svgEl(doc, "title", {}, `${w.label}: ${format(w.value)}`));
    svg.append(bar);
    if (w.value > 0) svg.append(svgEl(doc, "text", { x: x + colW / 2, y: y(w.value) - 2, "text-anchor": "middle", class: "value" }, format(w.value)));
    svg.append(svgEl(doc, "text", { x: x + colW / 2, y: y(0) + 12, "text-anchor": "middle", class: "tick" }, w.short ?? w.label));
  });
  svg.append(svgEl(doc, "line", { x1: left, x2: width, y1: y(target), y2: y(target), class: "target", "stroke-dasharray": "4 3" }));
  return svg;
}

/**
 * Horizontal bars: `items` is `[{ label, value, className? }]`, largest
 * scale first given; labels on the left, values at the bar's end.
 */
export function horizontalBars(doc, { title, items, format = String, labelWidth = 230 }) {
  const rowH = 22;
  const barMax = 260;
  const width = labelWidth + barMax + 50;
  const height = Math.max(1, items.length) * rowH + 6;
  const max = Math.max(1, ...items.map((i) => i.value));
  const svg = svgRoot(doc, width, height, title);
  svg.setAttribute("data-chart", "bars");
  items.forEach((item, i) => {
    const y = 3 + i * rowH;
    const w = (item.value / max) * barMax;
    svg.append(svgEl(doc, "text", { x: labelWidth - 6, y: y + 15, "text-anchor": "end", class: "label" }, item.label));
    const bar = svgEl(doc, "rect", { x: labelWidth, y: y + 3, width: Math.max(w, item.value > 0 ? 2 : 0), height: rowH - 8, class: `bar ${item.className ?? ""}`.trim(), "data-value": item.value });
    bar.append(svgEl(doc, "title", {}, `${item.label}: ${format(item.value)}`));
    svg.append(bar);
    svg.append(svgEl(doc, "text", { x: labelWidth + w + 6, y: y + 15, class: "value" }, format(item.value)));
  });
  return svg;
}
