/**
 * The toolbar popup: per-tab on/off, the posting context, the findings
 * count of the current composer, office pages without a post for more than
 * 4 days (from this browser's activity log), and a link to the options page.
 */
import { browserApi } from "../shared/browser-api.js";
import { loadEffectiveSettings, onEffectiveSettingsChanged, isUserEditable } from "../shared/settings.js";
import { translatorFor } from "../shared/i18n.js";
import { localizePage } from "../shared/i18n-dom.js";
import { MSG_TAB_INFO, MSG_SET_TAB } from "../shared/messages.js";
import { isFacebookUrl } from "./facebook-url.js";
import { tabView } from "./tab-view.js";
import { readActivityLog } from "../shared/activity-log.js";
import { cadenceGaps } from "../shared/activity-review.js";

const REFRESH_MS = 1500;
/** The popup shows at once; policy that takes longer fills in when it arrives (the switch stays disabled meanwhile). */
const FIRST_RENDER_POLICY_WAIT_MS = 50;
const api = browserApi();
const $ = (id) => document.getElementById(id);

function showMessage(text) {
  $("message").textContent = text;
  $("message").hidden = false;
  $("tab-controls").hidden = true;
}

function isNoReceiverError(error) {
  return /receiving end does not exist|could not establish connection/i.test(String(error?.message ?? error));
}

async function askTab(tabId, message) {
  const answer = await api.tabs.sendMessage(tabId, message);
  if (!answer?.ok) throw new Error(answer?.error ?? "no answer");
  return answer;
}

/** A count in the UI language's digits (০-৯ in Bangla). */
function formatCount(n, lang) {
  return new Intl.NumberFormat(lang === "bn" ? "bn-BD" : "en-GB").format(n);
}

/**
 * `policyPending`: policy not read yet. The switch stays disabled until it is (a locked-on
 * setting is never switchable, even briefly), without the "locked" note, which may not be true.
 */
function render(info, t, enabledLocked, policyPending = false) {
  const view = tabView(info, { enabledLocked });
  $("message").hidden = true;
  $("tab-controls").hidden = false;
  const toggle = $("tab-enabled");
  toggle.checked = view.enabled;
  toggle.disabled = view.switchDisabled || policyPending;
  $("enabled-locked").hidden = !view.showLockedNote;
  $("tab-off").hidden = !view.showOffNote;
  for (const radio of document.querySelectorAll('input[name="context"]')) {
    radio.checked = radio.value === view.contextChoice;
    radio.disabled = view.contextDisabled;
  }
  $("context-locked").hidden = !view.contextDisabled;
  $("context-now").textContent = t("popupContextNow", [t(view.contextNameKey), t(view.sourceKey)]);
  for (const [severity, n] of Object.entries(view.counts)) {
    const cell = document.querySelector(`[data-count="${severity}"]`);
    cell.textContent = formatCount(n, t.lang);
    cell.dataset.value = String(n);
  }
  $("counts").hidden = !view.showCounts;
  $("findings-empty").hidden = view.emptyKey === null;
  if (view.emptyKey) $("findings-empty").textContent = t(view.emptyKey);
}

/**
 * The tab the popup controls: the active tab, or the tab named by `?tab=ID`
 * (lets tests and an "open in a tab" view drive a given tab).
 */
async function targetTab() {
  const requested = Number(new URLSearchParams(location.search).get("tab"));
  if (Number.isInteger(requested) && requested > 0) return api.tabs.get(requested).catch(() => undefined);
  const [tab] = await api.tabs.query({ active: true, currentWindow: true });
  return tab;
}

/** Office pages with no post for more than 4 days, as this browser saw them. */
async function renderCadence(t) {
  const gaps = cadenceGaps(await readActivityLog(), new Date());
  const locale = t.lang === "bn" ? "bn-BD" : "en-GB";
  const items = gaps.map((g) => {
    const li = document.createElement("li");
    li.textContent = t("reviewCadenceGap", [g.name, g.days.toLocaleString(locale), new Date(g.lastPostAt).toLocaleDateString(locale)]);
    return li;
  });
  $("cadence-list").replaceChildren(...items);
  $("cadence").hidden = items.length === 0;
}

async function start() {
  let settings = await loadEffectiveSettings({ waitForPolicyMs: FIRST_RENDER_POLICY_WAIT_MS });
  let t = translatorFor(settings.values.uiLanguage);
  localizePage(t);
  renderCadence(t).catch((error) => console.warn("Sotorko popup: activity log", error));
  $("open-options").addEventListener("click", () => {
    api.runtime.openOptionsPage().finally(() => window.close());
  });

  const tab = await targetTab();
  if (!tab || !isFacebookUrl(tab.url)) {
    showMessage(t("popupNotFacebook"));
    return;
  }

  let enabledLocked = !isUserEditable(settings, "enabled");
  let lastInfo = null;
  const fail = (error) =>
    showMessage(isNoReceiverError(error) ? t("popupNoContentScript") : t("popupError", [error.message]));
  const update = (message) =>
    askTab(tab.id, message).then((info) => {
      lastInfo = info;
      render(info, t, enabledLocked, Boolean(settings.policyPending));
    }, fail);
  onEffectiveSettingsChanged((next) => {
    settings = next;
    enabledLocked = !isUserEditable(settings, "enabled");
    t = translatorFor(settings.values.uiLanguage);
    localizePage(t);
    if (lastInfo) render(lastInfo, t, enabledLocked, Boolean(settings.policyPending));
  });

  $("tab-enabled").addEventListener("change", (event) => {
    if (!enabledLocked && !settings.policyPending) update({ type: MSG_SET_TAB, enabled: event.target.checked });
  });
  for (const radio of document.querySelectorAll('input[name="context"]')) {
    radio.addEventListener("change", () => {
      if (radio.checked && !radio.disabled) update({ type: MSG_SET_TAB, context: radio.value === "auto" ? null : radio.value });
    });
  }

  await update({ type: MSG_TAB_INFO });
  setInterval(() => {
    if (document.visibilityState === "visible") update({ type: MSG_TAB_INFO });
  }, REFRESH_MS);
}

start().catch((error) => {
  console.error("Sotorko popup:", error);
  showMessage(String(error?.message ?? error));
});
