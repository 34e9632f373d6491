/**
 * Page hygiene: when the official opens Facebook's "update profile picture"
 * or "update cover photo" flow on an office page (official context), a
 * notice reminds them that the guideline allows no personal photo as an
 * office page's profile or cover picture. Trusted clicks only; nothing is
 * recorded.
 */
import { PAGE_HYGIENE } from "./site-adapters.js";
import { matchesLabel } from "./label-match.js";
import { buttonLabel } from "./post-guard.js";

/** True when `el` (or the control around it) opens the profile-picture or cover-photo flow. */
export function isPhotoFlowControl(el) {
  const control = el?.closest?.(PAGE_HYGIENE.photoFlowControlSelector);
  if (!control) return false;
  const { label } = buttonLabel(control);
  return matchesLabel(label, PAGE_HYGIENE.photoFlowLabels);
}

/**
 * Installs the reminder on `win`: `isOfficialPage()` says (or promises)
 * whether the page shown is an office page (official context), `remind()`
 * shows the notice.
 * Returns an uninstall function.
 */
export function installPhotoReminder(win, { isEnabled, isOfficialPage, remind }) {
  const onClick = (event) => {
    if (!event.isTrusted || !isEnabled()) return;
    if (!isPhotoFlowControl(event.target)) return;
    // isOfficialPage may wait for the settings (the first click can come before they are read).
    Promise.resolve(isOfficialPage()).then((official) => {
      if (official) remind();
    });
  };
  win.addEventListener("click", onClick, true);
  return () => win.removeEventListener("click", onClick, true);
}
