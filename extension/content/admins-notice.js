/**
 * Page hygiene: on a page's access/roles settings, counts the people with
 * full control when the list can be read (a heading from the site adapters
 * and rows whose access level is "Full control"), and says so when there are
 * fewer than three or more than five: the guideline asks for three to five
 * officials as an office page's admins. Reads the page only; records nothing.
 */
import { PAGE_HYGIENE } from "./site-adapters.js";
import { matchesLabel } from "./label-match.js";

/** The guideline's range of admins for an office page. */
export const ADMINS_RANGE = Object.freeze({ min: 3, max: 5 });

/**
 * The number of people with full control listed on `doc`, or null when no
 * page-access list can be read (no known heading).
 */
export function countFullControl(doc) {
  const headings = [...doc.querySelectorAll('h1, h2, h3, [role="heading"]')];
  if (!headings.some((h) => matchesLabel(h.textContent ?? "", PAGE_HYGIENE.pageAccessHeadings))) return null;
  const rows = [...doc.querySelectorAll(PAGE_HYGIENE.accessRowSelector)];
  // Innermost rows only (a list inside a row is not a person).
  const innermost = rows.filter((row) => !rows.some((other) => other !== row && row.contains(other)));
  return innermost.filter((row) => [...row.querySelectorAll("span, div, strong")].some((node) => node.children.length === 0 && matchesLabel(node.textContent ?? "", PAGE_HYGIENE.fullControlLabels))).length;
}

/** True when `count` people with full control is outside the guideline's range. */
export function adminsOutOfRange(count) {
  return count !== null && (count < ADMINS_RANGE.min || count > ADMINS_RANGE.max);
}

/**
 * Watches `doc` (the settings are a single-page app): after changes settle,
 * counts again and calls `notify(count)` when the count is out of range and
 * differs from the last one notified.
 */
export function installAdminsNotice(doc, { isEnabled, notify, delayMs = 500 }) {
  let timer = 0;
  let last = null;
  const check = () => {
    timer = 0;
    if (!isEnabled()) return;
    const count = countFullControl(doc);
    if (!adminsOutOfRange(count) || count === last) return;
    last = count;
    notify(count);
  };
  const schedule = () => {
    if (!timer) timer = doc.defaultView.setTimeout(check, delayMs);
  };
  new doc.defaultView.MutationObserver(schedule).observe(doc.documentElement, { childList: true, subtree: true });
  schedule();
  return { check };
}
