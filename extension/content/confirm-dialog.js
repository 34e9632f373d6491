/**
 * The pre-post confirm dialog: a modal `role="alertdialog"` in the shadow
 * root listing the findings that hold the post, with "Edit post" and, unless
 * strict mode forbids it, "Post anyway" (optionally asking for a reason
 * first). Focus is trapped inside while it is open; Escape means "Edit post".
 *
 * Only the official acts on it: every handler ignores events the page's
 * scripts made (`event.isTrusted`), and the reason is only what the official
 * typed (see {@link trackTypedValue}).
 */
import { el, onUiEvent } from "./ui-host.js";
import { t } from "./strings.js";
import { renderFinding, formatCount } from "./finding-view.js";

/** Shortest accepted override reason, in characters (trimmed). */
export const MIN_REASON_LENGTH = 5;

/** True when `reason` is long enough. */
export function isReasonAcceptable(reason) {
  return typeof reason === "string" && [...reason.trim()].length >= MIN_REASON_LENGTH;
}

/**
 * Keeps `field`'s value to what the user's own input produced: an `input`
 * not announced by a trusted `beforeinput` on the field itself (e.g. the
 * page's `document.execCommand("insertText")` into the focused field), or an
 * insertion whose result is not the announced text, is undone. Returns
 * `{ value() }`: the last value the user produced.
 */
export function trackTypedValue(field) {
  let accepted = field.value;
  let pending = null;
  onUiEvent(field, "beforeinput", (event) => {
    if (!event.isTrusted) {
      pending = null;
      return;
    }
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    pending = { type: event.inputType, data: event.data, before: field.value, start, end };
  });
  onUiEvent(field, "input", (event) => {
    const announced = pending;
    pending = null;
    const ok =
      event.isTrusted &&
      announced !== null &&
      announced.type === event.inputType &&
      announced.before === accepted &&
      (event.inputType !== "insertText" ||
        typeof announced.data !== "string" ||
        field.value === announced.before.slice(0, announced.start) + announced.data + announced.before.slice(announced.end));
    if (ok) accepted = field.value;
    else field.value = accepted;
  });
  return { value: () => accepted };
}

/**
 * Opens the dialog. Options: `{ root, doc, lang, findings, allowOverride,
 * requireReason, onEdit(), onPostAnyway(reason) }`. Each callback runs at
 * most once, and only one of them. Returns `{ close() }`.
 */
export function openConfirmDialog({ root, doc = document, lang, findings, allowOverride, requireReason, onEdit, onPostAnyway, anchorRect = null }) {
  let done = false;
  const finish = (fn, ...args) => {
    if (done) return;
    done = true;
    close();
    fn?.(...args);
  };

  const list = el(doc, "ul", { class: "s-list", "data-sotorko-dialog-findings": "" });
  for (const f of findings) {
    list.append(el(doc, "li", { class: "s-finding", "data-severity": f.severity, "data-rule": f.rule, "data-category": f.category }, renderFinding(doc, f, lang)));
  }
  const editButton = el(doc, "button", { type: "button", class: "s-button s-primary", "data-sotorko-action": "edit", text: t(lang, "contentEditPost") });
  const actions = el(doc, "div", { class: "s-actions" }, editButton);
  const body = [
    el(doc, "h2", { id: "sotorko-dialog-title", text: t(lang, "contentDialogTitle") }),
    el(doc, "p", { id: "sotorko-dialog-desc", text: t(lang, "contentDialogIntro") }),
    list,
  ];
  if (!allowOverride) {
    body.push(el(doc, "p", { class: "s-strict", "data-sotorko-strict": "", text: t(lang, "contentStrictExplanation") }));
  }
  let reasonBox = null;
  if (allowOverride) {
    const anyway = el(doc, "button", { type: "button", class: "s-button", "data-sotorko-action": "post-anyway", text: t(lang, "contentPostAnyway") });
    actions.prepend(anyway);
    anyway.addEventListener("click", (event) => {
      if (!event.isTrusted) return;
      if (!requireReason) {
        anyway.disabled = true;
        finish(onPostAnyway, "");
        return;
      }
      if (reasonBox) return;
      const textarea = el(doc, "textarea", { id: "sotorko-reason", "data-sotorko-reason": "", maxlength: "500", required: true, "aria-describedby": "sotorko-reason-error" });
      const error = el(doc, "div", { id: "sotorko-reason-error", class: "s-error", role: "alert", "data-sotorko-reason-error": "" });
      const confirm = el(doc, "button", { type: "button", class: "s-button", "data-sotorko-action": "confirm-reason", text: t(lang, "contentReasonConfirm") });
      reasonBox = el(
        doc,
        "div",
        { class: "s-reason" },
        el(doc, "label", { for: "sotorko-reason", text: t(lang, "contentReasonLabel") }),
        textarea,
        error,
      );
      const typed = trackTypedValue(textarea);
      confirm.addEventListener("click", (event) => {
        if (!event.isTrusted) return;
        const reason = typed.value();
        if (textarea.value !== reason) textarea.value = reason;
        if (!isReasonAcceptable(reason)) {
          error.textContent = t(lang, "contentReasonTooShort", { n: formatCount(MIN_REASON_LENGTH, lang) });
          textarea.setAttribute("aria-invalid", "true");
          textarea.focus();
          return;
        }
        confirm.disabled = true;
        finish(onPostAnyway, reason.trim());
      });
      anyway.replaceWith(confirm);
      actions.before(reasonBox);
      placeBesideComposer(doc, dialog, anchorRect); // it grew
      textarea.focus();
    });
  }
  editButton.addEventListener("click", (event) => {
    if (event.isTrusted) finish(onEdit);
  });

  const dialog = el(
    doc,
    "div",
    {
      class: "s-dialog",
      role: "alertdialog",
      "aria-modal": "true",
      "aria-labelledby": "sotorko-dialog-title",
      "aria-describedby": "sotorko-dialog-desc",
      "data-sotorko-dialog": "",
      lang,
      tabindex: "-1",
    },
    ...body,
    actions,
  );
  const backdrop = el(doc, "div", { class: "s-backdrop", "data-sotorko-backdrop": "" }, dialog);
  const wrap = el(doc, "div", { class: "s-root" }, backdrop);

  const focusables = () => [...dialog.querySelectorAll("button:not([disabled]), textarea, [tabindex='0']")];
  const onKeyDown = (event) => {
    if (!event.isTrusted) {
      event.preventDefault();
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      finish(onEdit);
    } else if (event.key === "Tab") {
      const items = focusables();
      if (items.length === 0) return;
      const active = root.activeElement;
      const index = items.indexOf(active);
      event.preventDefault();
      const next = event.shiftKey ? (index <= 0 ? items.length - 1 : index - 1) : index === items.length - 1 ? 0 : index + 1;
      items[next].focus();
    }
  };
  onUiEvent(backdrop, "keydown", onKeyDown);
  // Focus must not leave the dialog while it is open.
  const host = root.host;
  const onFocusIn = (event) => {
    if (!done && event.target !== host) editButton.focus();
  };
  doc.addEventListener("focusin", onFocusIn, true);
  backdrop.addEventListener("mousedown", (event) => {
    if (event.target === backdrop) event.preventDefault();
  });

  root.append(wrap);
  placeBesideComposer(doc, dialog, anchorRect);
  editButton.focus();

  function close() {
    doc.removeEventListener("focusin", onFocusIn, true);
    wrap.remove();
  }
  return {
    close: () => {
      done = true;
      close();
    },
    element: dialog,
  };
}

/**
 * Keeps the underlined post visible while the dialog is open: the dialog
 * goes below the composer when it fits, else above it, else centred.
 */
function placeBesideComposer(doc, dialog, anchorRect) {
  dialog.parentElement.style.alignItems = "";
  dialog.style.marginTop = "";
  if (!anchorRect) return;
  const vh = doc.documentElement.clientHeight || doc.defaultView.innerHeight;
  const h = dialog.offsetHeight;
  let top = null;
  if (anchorRect.bottom + 16 + h <= vh - 8) top = anchorRect.bottom + 16;
  else if (anchorRect.top - 16 - h >= 8) top = anchorRect.top - 16 - h;
  if (top === null) return;
  dialog.parentElement.style.alignItems = "flex-start";
  dialog.style.marginTop = `${Math.round(top)}px`;
}
