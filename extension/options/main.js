/**
 * The options page: the official's own settings, with every setting that
 * policy sets or locks shown as managed, plus the "Managed settings",
 * engine diagnostics and activity-log sections (the quarterly review is
 * review.html).
 */
import { browserApi } from "../shared/browser-api.js";
import {
  loadEffectiveSettings,
  onEffectiveSettingsChanged,
  saveUserSetting,
  isUserEditable,
} from "../shared/settings.js";
import { translatorFor, resolveUiLanguage, browserUiLanguage } from "../shared/i18n.js";
import { localizePage, el } from "../shared/i18n-dom.js";
import { CATEGORIES, categoryName } from "../shared/categories.js";
import { MSG_STATUS } from "../shared/messages.js";
import { readActivityLog, activityExport, activityExportFileName, retentionDaysOf, ACTIVITY_LOG_KEY, LEGACY_OVERRIDE_LOG_KEY } from "../shared/activity-log.js";
import { readUnguardedLog, UNGUARDED_LOG_KEY } from "../shared/unguarded-log.js";
import { addOfficialPage, removeOfficialPage } from "./official-pages.js";
import { managedSummary, displayValue, settingLabelKey } from "./managed-summary.js";
import { newestFirst, downloadText, outcomeKey, surfaceKey } from "./activity-view.js";
import { ruleName } from "../shared/rule-names.js";
import { slowPolicyReadsForTests } from "../content/test-hooks.js";

const LOG_ROWS_SHOWN = 100;
/**
 * How long the first render waits for policy. Chromium's first policy read of a browser session
 * can take seconds; the page shows at once and fills in managed values when they arrive, with
 * every control disabled meanwhile (a locked setting is never editable, even briefly).
 */
const FIRST_RENDER_POLICY_WAIT_MS = 50;
const api = browserApi();
const $ = (id) => document.getElementById(id);

const state = { settings: null, t: null, categoriesLang: null, engineDiagnostics: [], ruleNames: null };
const t = (...args) => state.t(...args);

/** A `{ en, bn }` message (the core's policy errors) in the page's language; a plain string as it is. */
function localized(message) {
  if (typeof message === "string") return message;
  const lang = resolveUiLanguage(state.settings?.values?.uiLanguage, browserUiLanguage());
  return message?.[lang] ?? message?.en ?? "";
}

function setStatus(text, isError = false) {
  const status = $("save-status");
  status.textContent = text;
  status.classList.toggle("error", isError);
}

async function save(key, value) {
  try {
    await saveUserSetting(key, value);
    setStatus(t("optionsSaved"));
  } catch (error) {
    // The official sees why in the UI language: a setting the organisation sets or locks, else the detail.
    const locked = await loadEffectiveSettings().then((now) => !isUserEditable(now, key), () => false);
    const detail = error.localized ? localized(error.localized) : error.message;
    setStatus(locked ? t("optionsSaveLocked", [t(settingLabelKey(key))]) : t("optionsSaveFailed", [detail]), true);
    render(state.settings); // put the control back to the effective value
  }
}

// ---- locks -------------------------------------------------------------

function applyLocks(settings) {
  const pending = Boolean(settings.policyPending);
  document.body.toggleAttribute("data-policy-pending", pending);
  for (const box of document.querySelectorAll(".setting[data-setting]")) {
    const locked = !isUserEditable(settings, box.dataset.setting);
    box.classList.toggle("locked", locked);
    box.querySelector(".badge").hidden = !locked;
    for (const control of box.querySelectorAll("input, select, button")) control.disabled = locked || pending;
  }
}

// ---- general -----------------------------------------------------------

function renderGeneral({ values }) {
  $("enabled").checked = values.enabled;
  $("uiLanguage").value = values.uiLanguage;
  $("mode").value = values.mode;
  $("requireReasonToOverride").checked = values.requireReasonToOverride;
  $("officialByDefault").checked = values.officialByDefault;
}

function wireGeneral() {
  for (const key of ["enabled", "requireReasonToOverride", "officialByDefault"]) {
    $(key).addEventListener("change", (event) => save(key, event.target.checked));
  }
  for (const key of ["uiLanguage", "mode"]) {
    $(key).addEventListener("change", (event) => save(key, event.target.value));
  }
}

// ---- official pages ----------------------------------------------------

function renderOfficialPages({ values }) {
  const list = $("official-pages");
  list.replaceChildren(
    ...values.officialPages.map((page) => {
      const remove = el("button", {
        text: t("optionsOfficialRemoveButton"),
        attrs: { type: "button", "aria-label": t("optionsOfficialRemoveLabel", [page]) },
      });
      remove.addEventListener("click", () => {
        $("official-input").focus();
        save("officialPages", removeOfficialPage(state.settings.values.officialPages, page));
      });
      return el("li", {}, [el("span", { text: page }), remove]);
    }),
  );
  $("official-pages-empty").hidden = values.officialPages.length > 0;
}

function wireOfficialPages() {
  $("official-add").addEventListener("submit", (event) => {
    event.preventDefault();
    const input = $("official-input");
    const { list, error } = addOfficialPage(state.settings.values.officialPages, input.value);
    if (error === "duplicate") {
      setStatus(t("optionsOfficialDuplicate"), true);
      return;
    }
    if (error) return;
    input.value = "";
    save("officialPages", list);
  });
}

// ---- categories --------------------------------------------------------

function renderCategories({ values }) {
  const box = $("categories");
  if (state.categoriesLang !== state.t.lang) {
    const other = state.t.lang === "bn" ? "en" : "bn";
    const legend = box.querySelector("legend");
    box.replaceChildren(
      legend,
      ...CATEGORIES.map((category) => {
        const input = el("input", { attrs: { type: "checkbox", value: category.id } });
        input.addEventListener("change", () => {
          const chosen = [...box.querySelectorAll("input:checked")].map((i) => i.value);
          save("enabledCategories", chosen);
        });
        return el("label", {}, [
          input,
          " ",
          el("span", { text: category.name[state.t.lang] }),
          " ",
          el("span", { className: "alt", text: `(${category.name[other]})`, attrs: { lang: other } }),
        ]);
      }),
    );
    state.categoriesLang = state.t.lang;
  }
  for (const input of box.querySelectorAll("input")) {
    input.checked = values.enabledCategories.includes(input.value);
  }
}

// ---- managed settings --------------------------------------------------

function settingName(key) {
  return el("dt", {}, [`${t(settingLabelKey(key))} `, el("code", { text: `(${key})` })]);
}

function renderManaged(settings) {
  const body = $("managed-body");
  if (settings.policyPending) {
    body.replaceChildren(el("p", { className: "muted", text: t("optionsManagedLoading"), attrs: { "data-policy-pending": "" } }));
    return;
  }
  const summary = managedSummary(settings, state.engineDiagnostics);
  if (!summary.any) {
    body.replaceChildren(el("p", { className: "muted", text: t("optionsManagedNone") }));
    return;
  }
  const parts = [];
  if (summary.inForce.length) {
    parts.push(
      el("h3", { text: t("optionsManagedValuesHeading") }),
      el(
        "dl",
        { className: "managed" },
        summary.inForce.flatMap(({ key, value }) => [settingName(key), el("dd", { text: displayValue(value) })]),
      ),
    );
  }
  if (summary.lockedAtDefault.length) {
    parts.push(
      el("h3", { text: t("optionsManagedLockedHeading") }),
      el(
        "dl",
        { className: "managed" },
        summary.lockedAtDefault.flatMap((key) => [
          settingName(key),
          el("dd", { text: `${displayValue(settings.values[key])} — ${t("optionsManagedDefaultValue")}` }),
        ]),
      ),
    );
  }
  if (summary.errors.length) {
    parts.push(
      el("h3", { className: "error", text: t("optionsManagedErrorsHeading") }),
      el("p", { className: "muted", text: t("optionsManagedErrorNote") }),
      el(
        "ul",
        { className: "problems", attrs: { role: "list" } },
        summary.errors.map(({ key, message }) =>
          el("li", { className: "error" }, [el("code", { text: key }), `: ${localized(message)}`]),
        ),
      ),
    );
  }
  body.replaceChildren(...parts);
}

// ---- engine diagnostics ------------------------------------------------

async function renderEngine() {
  const body = $("engine-body");
  body.replaceChildren(el("p", { className: "muted", text: t("optionsEngineLoading") }));
  let status;
  try {
    status = await api.runtime.sendMessage({ type: MSG_STATUS });
  } catch (error) {
    status = { ok: false, error: error.message };
  }
  if (!status?.ok || !status.ready) {
    body.replaceChildren(el("p", { className: "error", text: t("optionsEngineFailed", [status?.error ?? "?"]) }));
    return;
  }
  const diagnostics = status.diagnostics ?? [];
  state.engineDiagnostics = diagnostics;
  if (status.ruleNames && JSON.stringify(status.ruleNames) !== JSON.stringify(state.ruleNames)) {
    state.ruleNames = status.ruleNames;
    renderActivity().catch(console.error); // the log names its rules now
  }
  if (state.settings) renderManaged(state.settings);
  body.replaceChildren(
    el("p", { text: t("optionsEngineReady") }),
    diagnostics.length
      ? el("div", {}, [
          el("h3", { className: "error", text: t("optionsEngineDiagnosticsHeading") }),
          el(
            "ul",
            { className: "problems" },
            diagnostics.map(({ key, message }) => el("li", { className: "error" }, [el("code", { text: key }), `: ${message}`])),
          ),
        ])
      : el("p", { className: "muted", text: t("optionsEngineDiagnosticsNone") }),
  );
}

// ---- activity log ------------------------------------------------------

function formatNumber(n) {
  return Number(n).toLocaleString(state.t.lang === "bn" ? "bn-BD" : "en-GB");
}

/**
 * A rule in the log: its name in the UI language with the id (for IT) as a tooltip; the id alone
 * until the engine has named its rules, and said so when the pack no longer has the rule.
 */
function ruleItem(id) {
  const name = state.ruleNames ? ruleName(state.ruleNames, id, state.t.lang) : id;
  return el("li", { text: name ?? t("optionsRuleUnknown", [id]), attrs: { title: id, "data-rule": id } });
}

function formatTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return String(iso);
  return date.toLocaleString(state.t.lang === "bn" ? "bn-BD" : "en-GB");
}

async function renderActivity() {
  $("activity-intro").textContent = t("optionsActivityIntro", [retentionDaysOf(state.settings?.values.activityRetentionDays).toLocaleString(state.t.lang === "bn" ? "bn-BD" : "en-GB")]);
  const body = $("activity-body");
  const log = await readActivityLog();
  $("activity-export").disabled = log.length === 0;
  if (log.length === 0) {
    body.replaceChildren(el("p", { className: "muted", text: t("optionsActivityEmpty") }));
    return;
  }
  const rows = newestFirst(log, LOG_ROWS_SHOWN);
  const contextName = (c) => (c === "personal" ? t("contextPersonal") : c === "official" ? t("contextOfficial") : String(c ?? ""));
  const cell = (text) => el("td", { text });
  const columns = ["optionsActivityWhen", "optionsActivityContext", "optionsActivityPage", "optionsActivitySurface", "optionsActivityOutcome", "optionsActivityCategories", "optionsActivityRules", "optionsActivityReason", "optionsActivityFalseAlarms"];
  const table = el("table", {}, [
    el("caption", { text: t("optionsActivityCaption") }),
    el("thead", {}, [el("tr", {}, columns.map((key) => el("th", { text: t(key), attrs: { scope: "col" } })))]),
    el(
      "tbody",
      {},
      rows.map((entry) =>
        el("tr", { attrs: { "data-outcome": String(entry.outcome) } }, [
          cell(formatTime(entry.at)),
          cell(contextName(entry.context)),
          cell(entry.page ? entry.page.name || entry.page.id : "—"),
          cell(t(surfaceKey(entry.surface))),
          cell(t(outcomeKey(entry.outcome))),
          cell((entry.categories ?? []).map((id) => categoryName(id, state.t.lang)).join(", ")),
          el("td", {}, [el("ul", { className: "rule-names" }, (entry.rules ?? []).map(ruleItem))]),
          cell(entry.reason || "—"),
          cell((entry.falseAlarms ?? []).map((f) => `${f.rule}: ${f.term}`).join("; ") || "—"),
        ]),
      ),
    ),
  ]);
  const parts = [el("div", { className: "table-wrap" }, [table])];
  if (log.length > rows.length) {
    parts.unshift(el("p", { className: "muted", text: t("optionsActivityShowing", [formatNumber(rows.length), formatNumber(log.length)]) }));
  }
  body.replaceChildren(...parts);
}

// ---- posts that could not be held ----------------------------------------

async function renderUnguarded() {
  const body = $("unguarded-body");
  const log = await readUnguardedLog();
  if (!log || log.count === 0) {
    body.replaceChildren(el("p", { className: "muted", text: t("optionsUnguardedNone") }));
    return;
  }
  const count = el("p", { text: t("optionsUnguardedCount", [formatNumber(log.count), formatTime(log.last)]), attrs: { "data-unguarded-count": String(log.count) } });
  const items = [...(log.recent ?? [])].reverse().map((r) => el("li", {}, [el("div", { className: "muted", text: `${formatTime(r.at)} — ${r.host}` }), el("pre", { text: r.description })]));
  body.replaceChildren(count, el("ol", { className: "unguarded-list" }, items));
}

async function exportActivity() {
  const log = await readActivityLog();
  const now = new Date();
  const doc = activityExport(log, now, api.runtime.getManifest().version);
  downloadText(`${JSON.stringify(doc, null, 2)}\n`, "application/json", activityExportFileName(now));
}

// ---- page --------------------------------------------------------------

function render(settings) {
  const languageChanged = !state.t || state.settings?.values.uiLanguage !== settings.values.uiLanguage;
  state.settings = settings;
  if (languageChanged) {
    state.t = translatorFor(settings.values.uiLanguage);
    localizePage(state.t);
  }
  renderGeneral(settings);
  renderOfficialPages(settings);
  renderCategories(settings);
  renderManaged(settings);
  applyLocks(settings);
  if (languageChanged) {
    renderActivity().catch(console.error);
    renderUnguarded().catch(console.error);
  }
}

async function start() {
  await slowPolicyReadsForTests(api, location.search); // test build only
  wireGeneral();
  wireOfficialPages();
  $("activity-export").addEventListener("click", () => exportActivity().catch(console.error));
  render(await loadEffectiveSettings({ waitForPolicyMs: FIRST_RENDER_POLICY_WAIT_MS }));
  renderEngine();
  onEffectiveSettingsChanged((settings) => {
    render(settings);
    renderEngine();
  });
  api.storage.onChanged.addListener((changes, area) => {
    if (area === "local" && (ACTIVITY_LOG_KEY in changes || LEGACY_OVERRIDE_LOG_KEY in changes)) renderActivity().catch(console.error);
    if (area === "local" && UNGUARDED_LOG_KEY in changes) renderUnguarded().catch(console.error);
  });
}

start().catch((error) => {
  console.error("Sotorko options:", error);
  setStatus(String(error?.message ?? error), true);
});
