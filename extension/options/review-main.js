/**
 * The quarterly review page (options/review.html): the activity log of this
 * browser for a chosen quarter, as inline SVG charts and tables built with
 * DOM APIs; export of the quarter as the `sotorko-activity` JSON or CSV;
 * prints cleanly (review.css). The figures come from activity-review.js.
 */
import { browserApi } from "../shared/browser-api.js";
import { loadEffectiveSettings } from "../shared/settings.js";
import { translatorFor } from "../shared/i18n.js";
import { localizePage, el } from "../shared/i18n-dom.js";
import { categoryName } from "../shared/categories.js";
import { readActivityLog, activityExport, activityExportFileName, ACTIVITY_LOG_KEY } from "../shared/activity-log.js";
import { reviewQuarter, quartersOfLog, quarterOf, parseQuarter, entriesInQuarter, cadenceGaps, activityCsv, CADENCE_TARGET } from "../shared/activity-review.js";
import { weekColumns, horizontalBars } from "./svg-charts.js";
import { downloadText, outcomeKey } from "./activity-view.js";

const api = browserApi();
const $ = (id) => document.getElementById(id);
const state = { t: null, log: [], quarter: null };
const t = (...args) => state.t(...args);
const locale = () => (state.t.lang === "bn" ? "bn-BD" : "en-GB");
const num = (n) => Number(n).toLocaleString(locale());

function empty() {
  return el("p", { className: "muted", text: t("reviewNothing") });
}

function table(columns, rows) {
  return el("div", { className: "table-wrap" }, [
    el("table", {}, [
      el("thead", {}, [el("tr", {}, columns.map((c) => el("th", { text: c, attrs: { scope: "col" } })))]),
      el("tbody", {}, rows.map((r) => el("tr", {}, r.map((v) => el("td", { text: String(v) }))))),
    ]),
  ]);
}

function pageName(page) {
  return page.id === null ? t("reviewNoPage") : page.name || page.id;
}

function renderCadence(review) {
  const body = $("review-cadence");
  if (review.pages.length === 0) return body.replaceChildren(empty());
  body.replaceChildren(
    ...review.pages.map((page) => {
      const name = pageName(page);
      const weeks = review.weeks.map((key) => ({ label: key, short: num(Number(key.slice(-2))), value: page.postsByWeek[key] ?? 0 }));
      return el("div", { className: "page-block", attrs: { "data-review-page": page.id ?? "" } }, [
        el("h3", { text: name }),
        el("p", { className: "muted", text: t("reviewCadenceWeeks", [num(page.weeksAtCadence), num(page.weeks)]) }),
        weekColumns(document, { title: t("reviewChartWeeks", [name]), weeks, target: CADENCE_TARGET, format: num }),
      ]);
    }),
  );
}

function renderBars(id, title, items) {
  const body = $(id);
  if (items.length === 0 || items.every((i) => i.value === 0)) return body.replaceChildren(empty());
  body.replaceChildren(horizontalBars(document, { title, items, format: num }));
}

function renderAlarms(review) {
  const body = $("review-alarms");
  if (review.falseAlarms.length === 0) return body.replaceChildren(empty());
  body.replaceChildren(
    horizontalBars(document, { title: t("reviewFalseAlarmsHeading"), items: review.falseAlarms.slice(0, 15).map((f) => ({ label: `${f.term} (${f.rule})`, value: f.count })), format: num, labelWidth: 300 }),
    table([t("reviewRule"), t("reviewTerm"), t("reviewCount")], review.falseAlarms.map((f) => [f.rule, f.term, num(f.count)])),
  );
}

function renderGaps() {
  const gaps = cadenceGaps(state.log, new Date());
  const body = $("review-gaps-body");
  if (gaps.length === 0) return body.replaceChildren(el("p", { text: t("reviewCadenceNoGaps") }));
  body.replaceChildren(
    el(
      "ul",
      { attrs: { "data-review-gaps": "" } },
      gaps.map((g) => el("li", { className: "error", text: t("reviewCadenceGap", [g.name, num(g.days), new Date(g.lastPostAt).toLocaleDateString(locale())]) })),
    ),
  );
}

function render() {
  const review = reviewQuarter(state.log, state.quarter);
  $("review-quarter-title").textContent = review.quarter;
  const tot = review.totals;
  $("review-summary").textContent = t("reviewSummary", [num(tot.posts), num(tot.held), num(tot.prevented), num(tot.heldPosted)]);
  renderGaps();
  renderCadence(review);
  renderBars(
    "review-categories",
    t("reviewCategoriesHeading"),
    Object.entries(review.byCategory)
      .sort((a, b) => b[1] - a[1])
      .map(([id, value]) => ({ label: categoryName(id, state.t.lang), value })),
  );
  renderBars("review-outcomes", t("reviewOutcomesHeading"), [
    { label: t(outcomeKey("held-edited")), value: tot.heldEdited, className: "prevented" },
    { label: t(outcomeKey("held-cancelled")), value: tot.heldCancelled, className: "prevented" },
    { label: t(outcomeKey("held-posted")), value: tot.heldPosted, className: "anyway" },
    { label: t(outcomeKey("posted")), value: tot.posted, className: "clean" },
  ]);
  renderBars("review-rules", t("reviewRulesHeading"), review.topRules.slice(0, 10).map((r) => ({ label: r.rule, value: r.count })));
  renderAlarms(review);
  document.body.setAttribute("data-review-ready", review.quarter);
}

function fillQuarters() {
  const select = $("review-quarter");
  const quarters = quartersOfLog(state.log, new Date());
  select.replaceChildren(...quarters.map((q) => el("option", { text: q, attrs: { value: q } })));
  select.value = state.quarter;
}

function quarterEntries() {
  return entriesInQuarter(state.log, parseQuarter(state.quarter));
}

async function start() {
  const settings = await loadEffectiveSettings();
  state.t = translatorFor(settings.values.uiLanguage);
  localizePage(state.t);
  state.log = await readActivityLog();
  const asked = parseQuarter(new URLSearchParams(location.search).get("quarter") ?? "");
  state.quarter = asked ? asked.label : quarterOf(new Date());
  fillQuarters();
  if (![...$("review-quarter").options].some((o) => o.value === state.quarter)) {
    $("review-quarter").append(el("option", { text: state.quarter, attrs: { value: state.quarter } }));
    $("review-quarter").value = state.quarter;
  }
  $("review-quarter").addEventListener("change", (event) => {
    state.quarter = event.target.value;
    render();
  });
  $("review-export-json").addEventListener("click", () => {
    const now = new Date();
    const doc = activityExport(quarterEntries(), now, api.runtime.getManifest().version);
    downloadText(`${JSON.stringify(doc, null, 2)}\n`, "application/json", activityExportFileName(now).replace(".json", `-${state.quarter}.json`));
  });
  $("review-export-csv").addEventListener("click", () => {
    const now = new Date();
    const rows = activityExport(quarterEntries(), now, "").entries;
    downloadText(`\ufeff${activityCsv(rows)}`, "text/csv", activityExportFileName(now, "csv").replace(".csv", `-${state.quarter}.csv`));
  });
  $("review-print").addEventListener("click", () => window.print());
  render();
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !(ACTIVITY_LOG_KEY in changes)) return;
    readActivityLog().then((log) => {
      state.log = log;
      render();
    }, console.error);
  });
}

start().catch((error) => {
  console.error("Sotorko review:", error);
  $("review-status").textContent = String(error?.message ?? error);
  $("review-status").classList.add("error");
});
