/**
 * WCAG 2.2 AA contrast, measured in the page from computed styles (an equivalent of axe-core's
 * color-contrast rule, without a dependency): every visible text against the background it is
 * drawn on (4.5:1; 3:1 for large text), and the switch's on and off states against the page
 * (3:1, non-text contrast). Disabled controls are exempt, as WCAG says. Open shadow roots (the
 * test build's panel and dialog) are included.
 */

/**
 * Runs in the page: returns `{ checked, problems: [{ what, text, ratio, need, fg, bg }], measured:
 * [{ what, text }] }` (every text measured), for the
 * whole document or, with `scopeSelector`, for that element's (open) shadow root only.
 */
function measureContrast(scopeSelector) {
  const parse = (value) => {
    const m = /rgba?\(([^)]+)\)/.exec(value ?? "");
    if (!m) return null;
    const parts = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const over = (top, bottom) => {
    const a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    const mix = (k) => (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a;
    return { r: mix("r"), g: mix("g"), b: mix("b"), a };
  };
  const luminance = ({ r, g, b }) => {
    const f = (c) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const ratio = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const parentOf = (el) => el.parentElement ?? el.getRootNode?.().host ?? null;
  const dark = matchMedia("(prefers-color-scheme: dark)").matches || document.documentElement.dataset.forcedDark === "1";
  const canvas = dark ? { r: 18, g: 18, b: 18, a: 1 } : { r: 255, g: 255, b: 255, a: 1 };
  /** The colour behind `el`: its own and its ancestors' backgrounds composited until an opaque one. */
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = parentOf(node)) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) {
        layers.push(bg);
        if (bg.a >= 1) break;
      }
    }
    let color = canvas;
    for (const layer of layers.reverse()) color = over(layer, color);
    return color;
  };
  const opacityOf = (el) => {
    let opacity = 1;
    for (let node = el; node; node = parentOf(node)) opacity *= Number(getComputedStyle(node).opacity);
    return opacity;
  };
  const disabled = (el) => Boolean(el.closest?.(":disabled, [aria-disabled='true']"));
  const visible = (el) => {
    const rect = el.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    return el.checkVisibility ? el.checkVisibility({ visibilityProperty: true }) : el.getClientRects().length > 0;
  };
  const hex = ({ r, g, b }) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, "0")).join("")}`;

  const elements = [];
  const collect = (root) => {
    for (const el of root.querySelectorAll("*")) {
      elements.push(el);
      if (el.shadowRoot) collect(el.shadowRoot);
    }
  };
  const scope = scopeSelector ? document.querySelector(scopeSelector) : null;
  if (scopeSelector && !scope?.shadowRoot) return { checked: 0, problems: [{ what: `no open shadow root at ${scopeSelector}` }] };
  collect(scope?.shadowRoot ?? document);

  const problems = [];
  const measured = [];
  let checked = 0;
  for (const el of elements) {
    if (["SCRIPT", "STYLE", "TITLE", "OPTION", "TEXTAREA", "HEAD"].includes(el.tagName)) continue;
    const text = [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim();
    if (!text || !visible(el) || disabled(el)) continue;
    const style = getComputedStyle(el);
    const bg = backgroundOf(el);
    const fg = parse(style.color);
    if (!fg) continue;
    const shown = over({ ...fg, a: fg.a * opacityOf(el) }, bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const need = large ? 3 : 4.5;
    const r = ratio(shown, bg);
    checked += 1;
    measured.push({ what: `${el.tagName.toLowerCase()}.${el.className}`, text: text.slice(0, 50) });
    if (r + 1e-6 < need) problems.push({ what: `${el.tagName.toLowerCase()}.${el.className}`, text: text.slice(0, 50), ratio: Number(r.toFixed(2)), need, fg: hex(shown), bg: hex(bg) });
  }
  // Non-text contrast: the switch in both states against what surrounds it.
  for (const el of elements.filter((e) => e.matches("input[role='switch'], [role='switch']"))) {
    if (!visible(el) || disabled(el)) continue;
    const was = el.checked;
    for (const state of [false, true]) {
      el.checked = state; // no event: the page does not react
      const own = parse(getComputedStyle(el).backgroundColor);
      const around = backgroundOf(parentOf(el));
      const r = ratio(over(own, around), around);
      checked += 1;
      if (r + 1e-6 < 3) problems.push({ what: `switch ${state ? "on" : "off"}`, text: el.id, ratio: Number(r.toFixed(2)), need: 3, fg: hex(over(own, around)), bg: hex(around) });
    }
    el.checked = was;
  }
  return { checked, problems, measured };
}

/** Contrast problems of `page` as it is now: `{ checked, problems, measured: [{ what, text }] }` (only in `scopeSelector`'s shadow root when given). */
export function contrastProblems(page, scopeSelector = null) {
  return page.evaluate(measureContrast, scopeSelector);
}

/**
 * Shows `page` in dark mode: the browser's own emulation where the driver has it (Chromium), else
 * the page's `prefers-color-scheme: dark` rules applied unconditionally (the same CSS, forced).
 * Returns "emulated" or "forced".
 */
export async function useDarkScheme(page) {
  if (page.browserName === "chromium") {
    await page.raw.emulateMedia({ colorScheme: "dark" });
    return "emulated";
  }
  try {
    await page.raw.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    if (await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)) return "emulated";
  } catch {
    // not offered over WebDriver BiDi: force the rules below
  }
  await page.evaluate(() => {
    const rules = [];
    for (const sheet of document.styleSheets) {
      for (const rule of sheet.cssRules) {
        if (rule instanceof CSSMediaRule && /prefers-color-scheme:\s*dark/.test(rule.conditionText ?? rule.media.mediaText)) {
          rules.push(...[...rule.cssRules].map((r) => r.cssText));
        }
      }
    }
    const style = document.createElement("style");
    style.textContent = rules.join("\n");
    document.head.append(style);
    document.documentElement.style.colorScheme = "dark";
    document.documentElement.dataset.forcedDark = "1";
  });
  return "forced";
}
