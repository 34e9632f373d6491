/**
 * Page hygiene: a strength meter under the new-password field of Facebook's
 * password-change form (fields named in the site adapters, bn and en). The
 * meter lives in the closed shadow root; it reacts to trusted input only,
 * reads the field's value, shows the score and forgets it. The password is
 * never stored, logged or sent anywhere (no message, no storage).
 */
import { PAGE_HYGIENE } from "./site-adapters.js";
import { matchesLabel } from "./label-match.js";
import { el } from "./ui-host.js";
import { t } from "./strings.js";
import { formatCount } from "./finding-view.js";

const SCORE_KEYS = ["contentPasswordScore0", "contentPasswordScore1", "contentPasswordScore2", "contentPasswordScore3", "contentPasswordScore4"];

/** The names a field presents: aria-label, placeholder, its <label>s. */
function namesOf(input) {
  const names = [input.getAttribute("aria-label"), input.getAttribute("placeholder")];
  for (const label of input.labels ?? []) names.push(label.textContent);
  return names.filter(Boolean).map((n) => n.trim());
}

/** True when `input` is a new-password field of the password-change form. */
export function isNewPasswordField(input) {
  if (!input || input.nodeName !== "INPUT" || input.type !== "password") return false;
  const names = namesOf(input);
  if (names.some((n) => matchesLabel(n, PAGE_HYGIENE.currentPasswordLabels))) return false;
  return names.some((n) => matchesLabel(n, PAGE_HYGIENE.newPasswordLabels)) || input.getAttribute("autocomplete") === "new-password";
}

/**
 * Shows the meter for `input` in `root` with `score` (0–4) against
 * `minScore`; returns the meter element (re-used across calls).
 */
export function renderMeter({ doc, root, meter, lang, score, empty, minScore, anchor }) {
  const box = meter ?? el(doc, "div", { class: "s-root" }, el(doc, "div", { class: "s-meter", role: "status", "aria-live": "polite", "data-sotorko-password-meter": "" }));
  if (!box.isConnected) root.append(box);
  const panel = box.firstChild;
  panel.setAttribute("lang", lang);
  if (empty) {
    panel.hidden = true;
    return box;
  }
  panel.hidden = false;
  const ok = score >= minScore;
  panel.setAttribute("data-score", String(score));
  panel.setAttribute("data-acceptable", String(ok));
  const bar = el(doc, "div", { class: "s-meter-bar", "aria-hidden": "true" }, ...[0, 1, 2, 3, 4].map((i) => el(doc, "span", { class: i <= score ? "s-on" : "s-off" })));
  panel.replaceChildren(
    bar,
    el(doc, "div", { class: "s-meter-score", text: t(lang, "contentPasswordStrength", { label: t(lang, SCORE_KEYS[score]), score: formatCount(score, lang) }) }),
    el(doc, "div", { class: ok ? "s-meter-ok" : "s-meter-weak", text: t(lang, ok ? "contentPasswordOk" : "contentPasswordTooWeak", { min: formatCount(minScore, lang) }) }),
    el(doc, "div", { class: "s-meter-note", text: t(lang, "contentPasswordPrivate") }),
  );
  const r = anchor.getBoundingClientRect();
  panel.style.left = `${Math.round(Math.max(8, r.left))}px`;
  panel.style.top = `${Math.round(r.bottom + 6)}px`;
  return box;
}

/**
 * Installs the meter on `doc`: `estimate(password) → { score, empty }`,
 * `getRoot()` the shadow root, `lang()`, `minScore()`, `isEnabled()`.
 * Returns `{ refresh(), uninstall() }`. Between renders only the field
 * element is remembered, never its value.
 */
export function installPasswordMeter(doc, { estimate, getRoot, lang, minScore, isEnabled }) {
  let meter = null;
  let field = null;
  const update = (input) => {
    if (!isEnabled()) {
      meter?.remove();
      return;
    }
    const { score, empty } = estimate(input.value);
    meter = renderMeter({ doc, root: getRoot(), meter, lang: lang(), score, empty, minScore: minScore(), anchor: input });
    field = input;
  };
  const onInput = (event) => {
    if (!event.isTrusted) return;
    const input = event.target;
    if (isNewPasswordField(input)) update(input);
  };
  doc.addEventListener("input", onInput, true);
  const onScroll = () => {
    if (field?.isConnected && meter?.firstChild && !meter.firstChild.hidden) {
      const r = field.getBoundingClientRect();
      meter.firstChild.style.left = `${Math.round(Math.max(8, r.left))}px`;
      meter.firstChild.style.top = `${Math.round(r.bottom + 6)}px`;
    }
  };
  doc.defaultView?.addEventListener("scroll", onScroll, { capture: true, passive: true });
  return {
    /** Renders again for the current field (the settings changed: language, minimum score). */
    refresh: () => {
      if (field?.isConnected) update(field);
    },
    uninstall: () => doc.removeEventListener("input", onInput, true),
  };
}
