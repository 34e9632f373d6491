/**
 * The inline panel next to the active composer (in the shadow root): counts
 * by severity, the context and where it came from, and one card per
 * finding. Keyboard operable (Tab to a finding, Enter selects it in the
 * post, Escape returns to the composer) and announced through an
 * `aria-live="polite"` region. Also shows the same card when the pointer or
 * the caret is on an underline.
 */
import { el, onUiEvent } from "./ui-host.js";
import { t } from "./strings.js";
import { renderFinding, severityCounts, formatCount, SEVERITY_KEY } from "./finding-view.js";
import { SEVERITIES } from "../shared/messages.js";
import { layoutClock } from "./layout-clock.js";

const COUNT_KEY = SEVERITY_KEY;

const SOURCE_KEY = {
  "business-suite": "contentSourceBusinessSuite",
  "official-page": "contentSourceOfficialPage",
  toggle: "contentSourceToggle",
  default: "contentSourceDefault",
};

/** The context line, e.g. "Official context — listed official page: X". */
export function contextLine(lang, { context, source, page }) {
  const name = t(lang, context === "official" ? "contentContextOfficial" : "contentContextPersonal");
  const why = t(lang, SOURCE_KEY[source] ?? "contentSourceDefault", { page: page ?? "" });
  return `${name} — ${why}`;
}

export class Panel {
  /**
   * `onFalseAlarm(finding)`: the official pressed "Not a problem here" on a
   * finding (trusted events only); the panel then shows it as reported.
   */
  constructor({ root, doc = document, onSelectFinding, onEscape, onFalseAlarm = null }) {
    this.doc = doc;
    this.root = root;
    this.onSelectFinding = onSelectFinding;
    this.onFalseAlarm = onFalseAlarm;
    /** anchor element → keys (rule + term) reported as not a problem, so the button stays "reported". */
    this.reported = new WeakMap();
    this.onEscape = onEscape;
    this.anchor = null;
    this.collapsed = false;
    this.lastAnnouncement = "";
    this.frame = 0;

    this.wrap = el(doc, "div", { class: "s-root" });
    this.panel = el(doc, "section", { class: "s-panel", "data-sotorko-panel": "", role: "region", tabindex: "-1", hidden: true });
    this.live = el(doc, "div", { class: "s-sr", "aria-live": "polite", "aria-atomic": "true", "data-sotorko-live": "" });
    this.card = el(doc, "div", { class: "s-card", "data-sotorko-card": "", role: "tooltip", hidden: true });
    this.wrap.append(this.panel, this.card, this.live);
    root.append(this.wrap);

    // Only the official's own input acts on the panel (never the page's scripts).
    onUiEvent(this.panel, "keydown", (event, target) => {
      if (event.isTrusted) this.onKeyDown(event, target);
    });
    this.panel.addEventListener("click", (event) => {
      if (!event.isTrusted) return;
      const report = event.target.closest?.('[data-sotorko-action="false-alarm"]');
      if (report) {
        event.stopPropagation();
        this.reportFalseAlarm(Number(report.getAttribute("data-false-alarm-index")));
        return;
      }
      const item = event.target.closest?.("[data-finding-index]");
      if (item) this.select(Number(item.getAttribute("data-finding-index")));
    });
    const reposition = () => this.schedulePosition();
    doc.defaultView?.addEventListener("scroll", reposition, { capture: true, passive: true });
    doc.defaultView?.addEventListener("resize", reposition, { passive: true });
  }

  /**
   * Shows the panel for `anchorEl` with `view`:
   * `{ lang, findings, contextInfo: { context, source, page }, empty, unguarded }`
   * (`unguarded`: the page's Post button is not recognised, so the post cannot be held).
   */
  show(anchorEl, view) {
    const { lang, findings, contextInfo } = view;
    const d = this.doc;
    if (view.empty) {
      this.anchor = anchorEl;
      this.view = view;
      this.renderedKey = null;
      this.hide();
      return;
    }
    // Same findings, context and language as on screen: only keep it in place.
    const reported = this.reportedFor(anchorEl);
    const key = JSON.stringify([lang, this.collapsed, [...reported], Boolean(view.unguarded), contextInfo, findings.map((f) => [f.rule, f.severity, f.start_utf16, f.end_utf16, f.excerpt])]);
    if (key === this.renderedKey && anchorEl === this.anchor && !this.panel.hidden) {
      this.view = view;
      this.position();
      return;
    }
    this.anchor = anchorEl;
    this.view = view;
    this.renderedKey = key;
    const counts = severityCounts(view.report);
    const heading = el(d, "div", { class: "s-title", id: "sotorko-panel-title", text: t(lang, "contentTitle") });
    const toggle = el(d, "button", {
      class: "s-toggle",
      type: "button",
      "aria-expanded": String(!this.collapsed),
      "aria-controls": "sotorko-findings",
      "data-sotorko-toggle": "",
      text: t(lang, this.collapsed ? "contentExpand" : "contentCollapse"),
    });
    toggle.addEventListener("click", (event) => {
      event.stopPropagation();
      if (!event.isTrusted) return;
      this.collapsed = !this.collapsed;
      this.renderedKey = null;
      this.show(this.anchor, this.view);
      this.panel.querySelector("[data-sotorko-toggle]")?.focus();
    });
    const countRow = el(
      d,
      "div",
      { class: "s-counts", "data-sotorko-counts": "" },
      ...SEVERITIES.map((sev) =>
        el(d, "span", {
          class: "s-count",
          "data-severity": sev,
          "data-count": String(counts[sev]),
          text: `${t(lang, COUNT_KEY[sev])}: ${formatCount(counts[sev], lang)}`,
        }),
      ),
    );
    const ctx = el(d, "div", {
      class: "s-context",
      "data-sotorko-context": contextInfo.context,
      "data-context-source": contextInfo.source,
      text: contextLine(lang, contextInfo),
    });
    const children = [el(d, "div", { class: "s-head" }, heading, toggle), countRow, ctx];
    if (view.unguarded) {
      children.push(el(d, "div", { class: "s-unguarded", role: "alert", "data-sotorko-unguarded": "", text: t(lang, "contentUnguarded") }));
      if (view.unguardedDescription) children.push(this.unguardedDetails(lang, view.unguardedDescription));
    }
    if (findings.length === 0) {
      children.push(el(d, "div", { class: "s-ok", text: t(lang, "contentNoFindings") }));
    } else if (!this.collapsed) {
      const list = el(d, "ul", { class: "s-list", id: "sotorko-findings", "aria-label": t(lang, "contentTitle") });
      findings.forEach((finding, index) => {
        // A list item holding a real button (not `<li role="button">`): the list keeps its
        // semantics and the button is reachable and operable like any other.
        const button = el(
          d,
          "button",
          {
            type: "button",
            class: "s-finding-button",
            "data-finding-index": String(index),
            "data-severity": finding.severity,
            "data-category": finding.category,
            "data-rule": finding.rule,
            "aria-description": t(lang, "contentGoToFinding"),
          },
          renderFinding(d, finding, lang),
        );
        const item = el(d, "li", { class: "s-finding", "data-severity": finding.severity }, button);
        if (this.onFalseAlarm) {
          const done = reported.has(falseAlarmKey(finding));
          item.append(
            el(d, "button", {
              type: "button",
              class: "s-button s-false-alarm",
              "data-sotorko-action": "false-alarm",
              "data-false-alarm-index": String(index),
              "aria-description": t(lang, "contentFalseAlarmHint"),
              ...(done ? { disabled: true, "data-sotorko-reported": "" } : {}),
              text: t(lang, done ? "contentFalseAlarmDone" : "contentFalseAlarm"),
            }),
          );
        }
        list.append(item);
      });
      children.push(list);
    }
    this.panel.setAttribute("aria-labelledby", "sotorko-panel-title");
    this.panel.setAttribute("lang", lang);
    this.panel.replaceChildren(...children);
    this.panel.hidden = false;
    this.announce(lang, findings, counts);
    this.position();
  }

  /**
   * A disclosure with the structural description of the composer (roles,
   * labels; never the post text) and a button that copies it for IT.
   */
  unguardedDetails(lang, description) {
    const d = this.doc;
    const box = el(d, "textarea", { class: "s-it-text", readonly: true, rows: "6", "data-sotorko-it-description": "", "aria-label": t(lang, "contentUnguardedDetails") });
    box.value = description;
    const status = el(d, "span", { class: "s-it-status", role: "status", "data-sotorko-it-status": "" });
    const copy = el(d, "button", { type: "button", class: "s-button", "data-sotorko-action": "copy-it", text: t(lang, "contentUnguardedCopy") });
    copy.addEventListener("click", (event) => {
      event.stopPropagation();
      if (!event.isTrusted) return;
      const done = () => {
        status.textContent = t(lang, "contentUnguardedCopied");
        copy.setAttribute("data-sotorko-copied", "");
      };
      const fallback = () => {
        // No clipboard permission: select the text so Ctrl+C copies it.
        box.focus();
        box.select();
        if (d.execCommand?.("copy")) done();
      };
      const clip = d.defaultView?.navigator?.clipboard;
      if (clip?.writeText) clip.writeText(description).then(done, fallback);
      else fallback();
    });
    return el(
      d,
      "details",
      { class: "s-it", "data-sotorko-it": "" },
      el(d, "summary", { text: t(lang, "contentUnguardedDetails") }),
      box,
      el(d, "div", { class: "s-actions" }, copy, status),
    );
  }

  announce(lang, findings, counts) {
    const text =
      findings.length === 0
        ? t(lang, "contentNoFindings")
        : t(lang, "contentSummary", {
            n: formatCount(findings.length, lang),
            block: formatCount(counts.block, lang),
            warn: formatCount(counts.warn, lang),
            advise: formatCount(counts.advise, lang),
          });
    if (text !== this.lastAnnouncement) {
      this.lastAnnouncement = text;
      this.live.textContent = text;
    }
  }

  hide() {
    this.renderedKey = null;
    this.panel.hidden = true;
    this.hideCard();
    this.watchLayout();
  }

  /**
   * While the panel shows, a light periodic check repositions it when the
   * composer or its send controls moved without an event (a comment box
   * that grows its send row, a feed that loads above it).
   */
  watchLayout() {
    const win = this.doc.defaultView;
    if (!win) return;
    const clock = layoutClock(win);
    if (!this.panel.hidden && !clock.watching(this)) {
      clock.watch(this, () => {
        if (this.measure().key !== this.placedKey) this.schedulePosition();
      });
    } else if (this.panel.hidden) {
      clock.unwatch(this);
    }
  }

  /**
   * Where the composer and its send controls are now (viewport rects), the
   * viewport and the panel's size, with `key`, a string that changes when
   * any of them moved.
   */
  measure() {
    if (!this.anchor?.isConnected) return { key: "" };
    const anchor = this.anchor.getBoundingClientRect();
    const avoid = (this.view?.avoid ?? []).filter((b) => b.isConnected).map((b) => b.getBoundingClientRect()).filter((b) => b.width > 0 && b.height > 0);
    const vw = this.doc.documentElement.clientWidth || this.doc.defaultView.innerWidth;
    const vh = this.doc.documentElement.clientHeight || this.doc.defaultView.innerHeight;
    const w = this.panel.offsetWidth || 320;
    const h = this.panel.offsetHeight || 160;
    const key = [vw, vh, w, h, ...[anchor, ...avoid].map((r) => `${Math.round(r.left)},${Math.round(r.top)},${Math.round(r.right)},${Math.round(r.bottom)}`)].join(" ");
    return { key, anchor, avoid, vw, vh, w, h };
  }

  reportedFor(anchorEl) {
    let set = this.reported.get(anchorEl);
    if (!set) {
      set = new Set();
      if (anchorEl) this.reported.set(anchorEl, set);
    }
    return set;
  }

  /** "Not a problem here" on the finding at `index`: reported once per rule and term for this composer. */
  reportFalseAlarm(index) {
    const finding = this.view?.findings?.[index];
    if (!finding || !this.anchor) return;
    const set = this.reportedFor(this.anchor);
    const key = falseAlarmKey(finding);
    if (set.has(key)) return;
    set.add(key);
    this.onFalseAlarm?.(finding);
    this.renderedKey = null;
    this.show(this.anchor, this.view);
    this.live.textContent = t(this.view.lang, "contentFalseAlarmDone");
  }

  /**
   * Moves keyboard focus to the panel (the `focus-panel` shortcut): to its first finding, else
   * to the panel itself. Returns false when no panel is shown.
   */
  focus() {
    if (this.panel.hidden) return false;
    const target = this.panel.querySelector("[data-finding-index]") ?? this.panel;
    target.focus();
    return true;
  }

  select(index) {
    const finding = this.view?.findings?.[index];
    if (finding) this.onSelectFinding?.(finding);
  }

  onKeyDown(event, target) {
    // The report button is a real <button>: Enter and Space give it a trusted click.
    if (target?.closest?.('[data-sotorko-action="false-alarm"]') && event.key !== "Escape") return;
    const item = target?.closest?.("[data-finding-index]");
    if ((event.key === "Enter" || event.key === " ") && item) {
      event.preventDefault();
      this.select(Number(item.getAttribute("data-finding-index")));
    } else if (event.key === "Escape") {
      event.preventDefault();
      this.onEscape?.();
    } else if ((event.key === "ArrowDown" || event.key === "ArrowUp") && item) {
      event.preventDefault();
      const items = [...this.panel.querySelectorAll("[data-finding-index]")];
      const next = items[items.indexOf(item) + (event.key === "ArrowDown" ? 1 : -1)];
      next?.focus();
    }
  }

  schedulePosition() {
    if (this.frame || this.panel.hidden) return;
    this.frame = this.doc.defaultView.requestAnimationFrame(() => {
      this.frame = 0;
      this.position();
    });
  }

  /**
   * Places the panel beside the composer without covering it, the rows
   * above and below it, or the composer's own send controls wherever they
   * are: right, left, above, below, else a viewport corner clear of those
   * controls.
   */
  position() {
    if (!this.anchor || this.panel.hidden) return;
    if (!this.anchor.isConnected) {
      this.hide();
      return;
    }
    const { key, anchor: r, avoid, vw, vh, w, h } = this.measure();
    if (key === this.placedKey) return; // nothing moved since the last placement
    const obstacles = pageControlRects(this.doc, this.anchor, { vw, vh });
    const place = choosePanelPlace({ left: r.left, top: r.top, right: r.right, bottom: r.bottom }, { w, h }, { vw, vh }, { avoid, obstacles });
    this.panel.style.left = `${Math.round(place.left)}px`;
    this.panel.style.top = `${Math.round(place.top)}px`;
    this.placedKey = key;
    this.watchLayout();
  }

  /** Shows the card for `finding` under `rect` (a DOMRect in viewport coordinates). */
  showCard(finding, rect, lang) {
    const key = `${finding.rule}:${finding.start_utf16}`;
    if (this.cardKey !== key) {
      this.cardKey = key;
      this.card.replaceChildren(renderFinding(this.doc, finding, lang));
      this.card.setAttribute("data-rule", finding.rule);
      this.card.setAttribute("lang", lang);
    }
    this.card.hidden = false;
    const vw = this.doc.documentElement.clientWidth || this.doc.defaultView.innerWidth;
    const vh = this.doc.documentElement.clientHeight || this.doc.defaultView.innerHeight;
    const w = this.card.offsetWidth || 300;
    const h = this.card.offsetHeight || 100;
    const left = Math.min(Math.max(8, rect.left), Math.max(8, vw - w - 8));
    const top = rect.bottom + 6 + h <= vh ? rect.bottom + 6 : Math.max(8, rect.top - h - 6);
    this.card.style.left = `${Math.round(left)}px`;
    this.card.style.top = `${Math.round(top)}px`;
  }

  hideCard() {
    this.card.hidden = true;
    this.cardKey = null;
  }
}

/** What identifies a "Not a problem here" report: the rule and the matched term. */
export function falseAlarmKey(finding) {
  return `${finding.rule}\u0000${finding.excerpt ?? ""}`;
}

/** Height kept clear below a composer (its action row: Post, Comment …) and above it (a post's Like/Comment/Share row, a dialog's header). */
export const ACTION_ROW_PX = 72;

/** Width kept clear right of a composer (inline send/emoji buttons of comment boxes) and left of it (m.facebook.com's camera icon). */
export const ACTION_COLUMN_PX = 56;

/** The page's own controls the panel should rather not cover. */
const PAGE_CONTROLS = 'a[href], button, [role="button"], [role="link"], [role="tab"], [role="checkbox"], [contenteditable="true"], textarea, input, select';
/** Most page controls looked at per placement (a Facebook page has thousands). */
const MAX_PAGE_CONTROLS = 1500;

/**
 * Viewport rects of the page's visible controls outside the composer (at
 * most MAX_PAGE_CONTROLS): the places the panel should leave free so the
 * official can still press Like, Comment, a reply box or the chat. A
 * composer in a dialog counts only that dialog's controls: the rest of the
 * page lies behind the dialog's backdrop.
 */
export function pageControlRects(doc, anchorEl, { vw, vh }) {
  const out = [];
  const scope = anchorEl.closest?.('[role="dialog"]') ?? doc;
  const all = scope.querySelectorAll(PAGE_CONTROLS);
  for (let i = 0; i < all.length && i < MAX_PAGE_CONTROLS; i++) {
    const e = all[i];
    if (anchorEl.contains(e) || e.contains(anchorEl)) continue;
    const r = e.getBoundingClientRect();
    if (r.width <= 0 || r.height <= 0 || r.bottom <= 0 || r.right <= 0 || r.top >= vh || r.left >= vw) continue;
    out.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
  }
  return out;
}

/**
 * Where the panel goes (pure). `anchor`: the composer's viewport rect;
 * `size`: the panel's { w, h }; `viewport`: { vw, vh }; `avoid`: rects of
 * the composer's send controls, which the panel must never cover;
 * `obstacles`: rects of the page's other controls, covered as few as
 * possible. The first side (right, left, above, below) that fits, keeps the
 * composer's rows and send controls clear and covers no control wins; else
 * the fitting side or viewport corner covering the fewest controls.
 * Returns { left, top, side }.
 */
export function choosePanelPlace(anchor, { w, h }, { vw, vh }, { gap = 12, avoid = [], obstacles = [] } = {}) {
  const clampTop = (t) => Math.min(Math.max(8, t), Math.max(8, vh - h - 8));
  const clampLeft = (l) => Math.min(Math.max(8, l), Math.max(8, vw - w - 8));
  // The row above a composer is Facebook's too: a post's Like/Comment/Share row over its comment
  // box, a dialog's title and audience over the editor, m.facebook.com's POST over its textarea.
  const keep = { left: anchor.left - ACTION_COLUMN_PX, right: anchor.right + ACTION_COLUMN_PX, top: anchor.top - ACTION_ROW_PX, bottom: anchor.bottom + ACTION_ROW_PX };
  const clear = [keep, ...avoid];
  const candidates = [
    { side: "right", left: keep.right + gap, top: clampTop(anchor.top) },
    { side: "left", left: keep.left - gap - w, top: clampTop(anchor.top) },
    { side: "above", left: clampLeft(anchor.left), top: keep.top - gap - h },
    { side: "below", left: clampLeft(anchor.left), top: keep.bottom + gap },
  ];
  const fits = (c) => c.left >= 0 && c.top >= 0 && c.left + w <= vw && c.top + h <= vh;
  const covers = (c, r) => c.left < r.right && c.left + w > r.left && c.top < r.bottom && c.top + h > r.top;
  const covered = (c) => obstacles.reduce((n, r) => n + (covers(c, r) ? 1 : 0), 0);
  const sides = candidates.filter((c) => fits(c) && !clear.some((r) => covers(c, r)));
  const free = sides.find((c) => covered(c) === 0);
  if (free) return free;
  // No side is free of the page's controls: the fitting side or corner covering the fewest,
  // never one over the send controls when another place exists, and over the composer
  // only when nothing else is left.
  const right = Math.max(8, vw - w - 8);
  const bottom = Math.max(8, vh - h - 8);
  const corners = [
    { side: "corner", left: right, top: bottom },
    { side: "corner", left: 8, top: bottom },
    { side: "corner", left: right, top: 8 },
    { side: "corner", left: 8, top: 8 },
  ].filter((c) => !avoid.some((r) => covers(c, r)));
  const places = [...sides, ...corners];
  if (places.length === 0) return { side: "corner", left: right, top: bottom };
  const cost = (c) => (covers(c, keep) ? 1_000_000 : 0) + covered(c);
  let best = places[0];
  let lowest = cost(best);
  for (const c of places.slice(1)) {
    const n = cost(c);
    if (n < lowest) {
      best = c;
      lowest = n;
    }
  }
  return best;
}
