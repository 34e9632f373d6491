/**
 * Content script entry (document_start; <body> may not exist yet).
 * Order matters: the post guard's capture listeners go in first, then the
 * composer finder, then settings (asynchronously), then the popup handler.
 */
import { browserApi } from "../shared/browser-api.js";
import { DEFAULTS, loadEffectiveSettings, onEffectiveSettingsChanged } from "../shared/settings.js";
import { recordActivity } from "../shared/activity-log.js";
import { ActivityTracker } from "./activity-tracker.js";
import { installPhotoReminder } from "./photo-reminder.js";
import { resolveUiLanguage, browserUiLanguage } from "../shared/i18n.js";
import { ComposerFinder } from "./composer-finder.js";
import { ComposerChecker } from "./checker.js";
import { Highlighter } from "./highlighter.js";
import { Panel } from "./panel.js";
import { PostGuard, composerControls, describeStructure } from "./post-guard.js";
import { applySiteAdapterOverrides } from "./adapter-overrides.js";
import { requestCheck, withTimeout } from "./checker.js";
import { recordUnguarded } from "../shared/unguarded-log.js";
import { openConfirmDialog } from "./confirm-dialog.js";
import { showNotice } from "./notice.js";
import { decideContext, identityCandidates, normalizePageRef } from "./context.js";
import { TabState, listenForPopup } from "./tab-state.js";
import { ensureUiHost, el, installUiEventShield } from "./ui-host.js";
import { markCheckForTests, markSettingsReadyForTests, settingsDelayForTests } from "./test-hooks.js";
import { severityCounts } from "./finding-view.js";
import { isHolding } from "./hold-rules.js";
import { t } from "./strings.js";
import { MSG_FOCUS_PANEL, MSG_STATUS } from "../shared/messages.js";
import { timed, record, snapshot as perfSnapshot, reset as perfReset, MSG_PERF_STATS } from "./perf-stats.js";

const api = browserApi();
const doc = document;

const state = {
  settings: { values: { ...DEFAULTS }, locked: [] },
  tab: new TabState(),
  /** composer id → { composer, checker, result, contextInfo } (contextInfo: the context of the last check) */
  entries: new Map(),
  active: null,
  ui: null,
};

/** Settles once the first settings read is done (used by the photo reminder). */
let settingsRead = null;
/** False until the first settings read has answered (or failed): a submit before then waits for it. */
let settingsKnown = false;

const lang = () => resolveUiLanguage(state.settings.values.uiLanguage, browserUiLanguage());
const isEnabled = () => state.tab.enabled(state.settings);

function ui() {
  if (state.ui) {
    // The page removed our host: ensureUiHost puts the same one back.
    if (!state.ui.host.isConnected) ensureUiHost(doc);
    return state.ui;
  }
  const { host, root } = ensureUiHost(doc);
  const overlayWrap = el(doc, "div", { class: "s-root" });
  const overlay = el(doc, "div", { class: "s-overlay", "data-sotorko-overlay": "" });
  overlayWrap.append(overlay);
  root.append(overlayWrap);
  const panel = new Panel({
    root,
    doc,
    onSelectFinding: (finding) => selectFinding(finding),
    onEscape: () => state.active?.el.focus(),
    onFalseAlarm: (finding) => {
      if (state.active) activity.falseAlarm(state.active, { rule: finding.rule, term: finding.excerpt });
    },
  });
  state.ui = { host, root, overlay, panel };
  return state.ui;
}

/** Where a post attempt was made, for the activity log: context, page (when official), surface. */
function describeAttempt(composer) {
  const info = contextOf(composer);
  const listed = info.context === "official" && typeof info.page === "string" ? info.page : null;
  return {
    context: info.context,
    page: listed ? { id: normalizePageRef(listed), name: listed.trim() } : null,
    surface: composer.kind,
  };
}

// One entry per post attempt, written by the background (never the post text).
const activity = new ActivityTracker({ send: (event) => recordActivity(event, api), describe: describeAttempt });

const highlighter = new Highlighter({ doc, getOverlayLayer: () => ui().overlay });

function contextOf(composer) {
  const { values } = state.settings;
  return decideContext({
    toggle: state.tab.contextToggleFor(state.settings),
    hostname: doc.location.hostname,
    officialPages: values.officialPages,
    officialByDefault: values.officialByDefault,
    candidates: (values.officialPages ?? []).length && composer ? identityCandidates(composer.el, doc) : [],
  });
}

function render(entry) {
  if (entry.composer !== state.active) return;
  const result = entry.result;
  const panel = ui().panel;
  if (!isEnabled() || !result || !entry.composer.el.isConnected) {
    panel.hide();
    return;
  }
  const findings = result.report?.findings ?? [];
  const { kind, el: composerEl } = entry.composer;
  const holding = isHolding(result.report);
  const controls = composerControls(composerEl, guard);
  // A page we do not recognise: say that this post cannot be held rather than fail silently.
  const unguarded = holding && kind !== "comment" && kind !== "reply" && controls.unrecognised;
  let unguardedDescription = null;
  if (unguarded) {
    unguardedDescription = entry.unguardedDescription ??= describeStructure(composerEl, doc);
    if (!entry.unguardedRecorded) {
      // Counted once per composer, for the options page (structure only, never the post text).
      entry.unguardedRecorded = true;
      recordUnguarded({ host: doc.location.hostname, description: unguardedDescription }).catch(() => {});
    }
  }
  panel.show(composerEl, {
    lang: lang(),
    findings,
    report: result.report,
    contextInfo: entry.contextInfo ?? contextOf(entry.composer),
    empty: result.text.trim() === "" || Boolean(result.error),
    unguarded,
    unguardedDescription,
    avoid: controls.sending,
  });
}

function onResult(entry, result) {
  const t0 = performance.now();
  applyResult(entry, result);
  record("apply-result", performance.now() - t0);
}

function applyResult(entry, result) {
  markCheckForTests(ui().host, `${entry.composer.kind}:${result.text.length}:${result.error ? "error" : result.report.findings.length}`);
  entry.result = result;
  if (!isEnabled()) return;
  highlighter.set(entry.composer, result.snapshot, result.report?.findings ?? []);
  render(entry);
}

function addComposer(composer) {
  const entry = { composer, checker: null, result: null, contextInfo: null };
  entry.checker = new ComposerChecker({
    composer,
    sendMessage: (message) => api.runtime.sendMessage(message),
    // Kept for render(): deciding the context can walk the page (identityCandidates), so once per check.
    getContext: () => (entry.contextInfo = contextOf(composer)).context,
    onResult: (result) => onResult(entry, result),
  });
  state.entries.set(composer.id, entry);
  if (!state.active || !state.active.el.isConnected) state.active = composer;
  if (isEnabled()) {
    warmUpEngine();
    entry.checker.start();
  }
}

function removeComposer(composer) {
  guard.noteRemoved(composer);
  const entry = state.entries.get(composer.id);
  entry?.checker.stop();
  state.entries.delete(composer.id);
  highlighter.clear(composer);
  if (state.active === composer) {
    state.active = null;
    state.ui?.panel.hide();
  }
}

const finder = new ComposerFinder({ doc, onAdd: addComposer, onRemove: removeComposer });

/** Wakes the engine host (and builds its engine) when a composer gets focus, at most every 10 s. */
let lastWarmUp = 0;
function warmUpEngine() {
  const now = Date.now();
  if (now - lastWarmUp < 10_000) return;
  lastWarmUp = now;
  Promise.resolve()
    .then(() => api.runtime.sendMessage({ type: MSG_STATUS }))
    .catch(() => {});
}

/**
 * While the official is in a composer, ping the engine host every 25 s:
 * Chromium stops an idle service worker after 30 s, and rebuilding the
 * engine then delays the next check (and could make a submit fail open).
 * One message per 25 s, only while a composer has focus.
 */
let keepWarmTimer = 0;
function keepEngineWarm(on) {
  if (!on) {
    clearInterval(keepWarmTimer);
    keepWarmTimer = 0;
    return;
  }
  if (keepWarmTimer) return;
  keepWarmTimer = setInterval(() => {
    const focused = state.active?.el.isConnected && state.active.el.contains(doc.activeElement ?? null);
    if (!focused || !doc.hasFocus() || !isEnabled()) {
      keepEngineWarm(false);
      return;
    }
    api.runtime.sendMessage({ type: MSG_STATUS }).catch(() => {});
  }, 25_000);
}

function setActive(composer) {
  if (composer && isEnabled()) warmUpEngine();
  if (!composer || state.active === composer) return;
  state.active = composer;
  const entry = state.entries.get(composer.id);
  if (entry) render(entry);
}

function selectFinding(finding) {
  const composer = state.active;
  if (!composer) return;
  const entry = highlighter.entriesFor(composer).find((e) => e.finding === finding);
  composer.el.focus();
  if (entry) {
    const sel = doc.getSelection();
    sel.removeAllRanges();
    sel.addRange(entry.range.cloneRange());
  }
}

function restartAll() {
  for (const entry of state.entries.values()) {
    entry.checker.stop();
    if (isEnabled()) {
      entry.checker.result = null;
      entry.checker.start();
    }
  }
  if (!isEnabled()) {
    highlighter.clearAll();
    state.ui?.panel.hide();
  }
}

function checkingOffText(error) {
  const why = t(lang(), error === "timeout" ? "contentEngineSlow" : "contentEngineUnavailable");
  return t(lang(), "contentCheckingOff", { why });
}

// 0. What the official types into Sotorko's UI stays there: before any listener of the page.
installUiEventShield(window, doc);

// 1. The post guard, first of all.
const guard = new PostGuard({
  finder,
  isEnabled,
  checkerOf: (composer) => state.entries.get(composer.id)?.checker ?? null,
  contextOf,
  // A draft whose composer is gone (a Page's Next removed the dialog): checked by its text alone.
  checkText: async (text, context, timeoutMs) => {
    try {
      const answer = await withTimeout(requestCheck((message) => api.runtime.sendMessage(message), text, context), timeoutMs);
      return answer.ok ? { text, context, report: answer.report, error: null } : { text, context, report: null, error: answer.error };
    } catch (error) {
      return { text, context, report: null, error: String(error?.message ?? error) };
    }
  },
  settings: () => state.settings.values,
  // A post sent before the settings are known (the office's context and categories) waits for them.
  settingsPending: () => (settingsKnown ? null : settingsRead),
  activeComposer: () => state.active,
  lastSelection: (composer) => lastRanges.get(composer) ?? null,
  ui: {
    openDialog: (options) => openConfirmDialog({ root: ui().root, doc, lang: lang(), anchorRect: options.composer?.el.getBoundingClientRect() ?? null, ...options }),
    notice: (text) => showNotice({ root: ui().root, doc, lang: lang(), text }),
    checkingOffText,
    waitingText: () => t(lang(), "contentWaitingForSettings"),
  },
  activity,
});
guard.install(window);

// Page hygiene: a reminder when the profile-picture or cover-photo flow opens on an office page.
installPhotoReminder(window, {
  isEnabled,
  isOfficialPage: async () => {
    await settingsRead;
    const { values } = state.settings;
    return (
      decideContext({
        toggle: state.tab.contextToggle,
        hostname: doc.location.hostname,
        officialPages: values.officialPages,
        officialByDefault: values.officialByDefault,
        candidates: (values.officialPages ?? []).length ? identityCandidates(doc.body ?? doc.documentElement, doc) : [],
      }).context === "official"
    );
  },
  remind: () => showNotice({ root: ui().root, doc, lang: lang(), text: t(lang(), "contentPhotoReminder"), timeoutMs: 20_000 }),
});

// 2. Composers.
finder.start();
doc.addEventListener(
  "focusin",
  timed("main.focusin", (event) => {
    const composer = finder.composerFor(event.target);
    if (composer) {
      setActive(composer);
      if (isEnabled()) keepEngineWarm(true);
    }
  }),
  true,
);

// Hover and caret: the underlines (in the overlay, pointer-events: none) have no events, so hit-test (throttled to one per frame).
let pointerFrame = 0;
let lastPointer = null;
doc.addEventListener(
  "mousemove",
  timed("main.mousemove", (event) => {
    lastPointer = { x: event.clientX, y: event.clientY };
    if (pointerFrame) return;
    pointerFrame = requestAnimationFrame(() => {
      pointerFrame = 0;
      if (!state.ui || !isEnabled()) return;
      const hit = highlighter.findingAtPoint(lastPointer.x, lastPointer.y);
      if (hit) state.ui.panel.showCard(hit.finding, hit.rect, lang());
      else if (!state.caretCard) state.ui.panel.hideCard();
    });
  }),
  { passive: true },
);
// The last caret/selection inside each composer, so "Edit post" can give it back
// even when clicking the Post button moved the selection away.
const lastRanges = new WeakMap();
let caretFrame = 0;
doc.addEventListener("selectionchange", timed("main.selectionchange", () => {
  const current = doc.getSelection();
  if (current && current.rangeCount > 0) {
    const composer = finder.composerFor(current.anchorNode);
    if (composer) lastRanges.set(composer, current.getRangeAt(0).cloneRange());
  }
  if (caretFrame) return;
  caretFrame = requestAnimationFrame(() => {
    caretFrame = 0;
    if (!state.ui || !state.active || !isEnabled()) return;
    const sel = doc.getSelection();
    const hit = sel && sel.rangeCount && sel.isCollapsed ? highlighter.findingAtCaret(state.active, sel.anchorNode, sel.anchorOffset) : null;
    state.caretCard = Boolean(hit);
    if (hit) state.ui.panel.showCard(hit.finding, hit.rect, lang());
    else state.ui.panel.hideCard();
  });
}));

// Start the engine host now: building the engine takes a moment, and the
// official rarely opens a composer in the first second of a page.
if (doc.location.hostname.endsWith("facebook.com")) warmUpEngine();

// 3. Settings.
function isValidSelector(selector) {
  try {
    doc.createDocumentFragment().querySelector(selector);
    return true;
  } catch {
    return false;
  }
}

function applySettings(settings) {
  const before = JSON.stringify(state.settings.values);
  state.settings = settings;
  const adapters = applySiteAdapterOverrides(settings.values.siteAdapterOverrides, { isValidSelector });
  for (const problem of adapters.problems) console.warn(`Sotorko: ${problem}`);
  if (adapters.changed) finder.refresh();
  if (JSON.stringify(settings.values) !== before) restartAll();
}
/**
 * Reads the settings; while the background does not answer (a worker still
 * starting), keeps asking with growing pauses, so a page never stays on the
 * defaults (which may be less strict than the office's policy).
 */
function readSettings(attempt = 1) {
  const delay = attempt === 1 ? settingsDelayForTests(doc.location.search) : 0;
  const read = loadEffectiveSettings({ waitForPolicyMs: 300 });
  const answered = delay ? read.then((settings) => new Promise((resolve) => setTimeout(() => resolve(settings), delay))) : read;
  return answered.then((settings) => {
    applySettings(settings);
    markSettingsReadyForTests(doc);
  }, (error) => {
    if (attempt === 1) console.warn("Sotorko: settings unavailable, using the defaults until the background answers", error);
    const pause = Math.min(SETTINGS_RETRY_MAX_MS, 250 * 2 ** (attempt - 1));
    setTimeout(() => readSettings(attempt + 1), pause);
  });
}
/** The longest pause between two settings reads that failed. */
const SETTINGS_RETRY_MAX_MS = 5_000;
settingsRead = readSettings().finally(() => {
  settingsKnown = true;
});
onEffectiveSettingsChanged(applySettings);

// 4. The popup.
listenForPopup({
  api,
  tabState: state.tab,
  getSettings: () => state.settings,
  describe: () => {
    const composer = state.active;
    const entry = composer ? state.entries.get(composer.id) : null;
    const info = contextOf(composer);
    return {
      enabled: isEnabled(),
      context: info.context,
      contextSource: info.source,
      contextLocked: state.tab.contextLocked(state.settings),
      counts: severityCounts(entry?.result?.report),
      composers: state.entries.size,
    };
  },
  onChange: () => restartAll(),
});

// 5. Performance figures of this content script, for tests/e2e/perf-extension.mjs.
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== MSG_PERF_STATS) return undefined;
  const stats = perfSnapshot();
  if (message.reset) perfReset();
  sendResponse({ ok: true, stats, highlightMode: highlighter.mode });
  return undefined;
});

// The keyboard shortcut (background → here): focus moves to the panel, or its first finding.
api.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type !== MSG_FOCUS_PANEL) return undefined;
  sendResponse({ ok: true, focused: state.ui?.panel.focus() ?? false });
  return undefined;
});

// Diagnostics for the isolated world only (the page cannot see it).
globalThis.__sotorko = { state, finder, highlighter, guard };
