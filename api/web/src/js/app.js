// The planners' page: controls, URL state, and the views (portfolio, matrix, compare, timeline, what-if, who
// covers, graph, briefing). Each view marks when it starts loading and when it is drawn (performance marks).
import { ApiError, Q, byIds, edges, gql } from "./api.js";
import { actorLabel, addDays, h, isDate, markReady, markStart, today, yearOf } from "./common.js";
import { renderCountryBriefing, renderPortfolioBriefing } from "./briefing.js";
import { renderDiff } from "./compare.js";
import { exportCsv, exportPng, exportSvg, matrixFacts } from "./export.js";
import { createNetwork, graphLegend, neighbourhood, renderGraphList } from "./graph.js";
import { createHeatmap, legendItems, renderMatrixTable } from "./heatmap.js";
import { createPortfolioMap, renderPortfolioTable } from "./portfolio.js";
import { createTimeline, renderTimelineLists } from "./timeline.js";
import { COUNTRY_TABS, TABS, parseHash, toHash } from "./urlstate.js";
import { handoverRow, readWhatIfForm, renderDrawdown, renderWhatIfForm } from "./whatif.js";
import { renderWhoCovers, whoError, whoLoading } from "./whocovers.js";

const $ = (id) => document.getElementById(id);
const state = parseHash(location.hash);
const data = {
  countries: [], hosting: new Set(), tasks: new Map(), country: null, range: null, matrix: null, matrixKey: "",
  orgs: new Map(), names: new Map(), timelineKey: "", graphKey: "", whatIfKey: "", whoKey: "", whoAt: null,
  portfolio: null, portfolioKey: "", diff: null, diffKey: "", drawdown: null, drawdownLabel: "",
  facts: new Map(), factsKey: "", demandMandates: [], briefingKey: "",
};
const els = {
  status: $("status"), country: $("country"), area: $("area"), year: $("year"), yearOut: $("year-out"),
  yearRange: $("year-range"), date: $("date"), planned: $("planned"), permalink: $("permalink"),
  heatmap: $("heatmap"), table: $("matrix-table"), counts: $("matrix-counts"), matrixMsg: $("matrix-message"),
  matrixTitle: $("matrix-title"), who: $("who-covers"), results: $("wi-results"), network: $("network"),
  graphFocus: $("graph-focus"), graphMsg: $("graph-message"), timelineMsg: $("timeline-message"),
  areaOnly: $("area-only"), portfolioTable: $("portfolio-table"), portfolioMsg: $("portfolio-message"),
  diff: $("diff-results"), briefing: $("briefing-doc"),
};

// ---------------------------------------------------------------- status, URL, names
/** Status of one view: shown only while that view is on screen (errors always). */
function viewStatus(tab, kind, text) {
  if (state.tab === tab || kind === "error") setStatus(kind, text);
}
function setStatus(kind, text) {
  els.status.dataset.kind = kind;
  els.status.textContent = text;
}
const errorText = (err) => (err instanceof ApiError ? err.message : `Something went wrong: ${err.message}`);
function showMessage(el, kind, text) {
  el.hidden = !text;
  el.dataset.kind = kind || "";
  el.textContent = text || "";
}
function syncUrl() {
  history.replaceState(null, "", toHash(state));
  els.permalink.href = location.href;
}
function remember(actors) {
  for (const a of actors) if (a?.id && !data.names.has(a.id)) data.names.set(a.id, actorLabel(a));
}
const actorName = (id) => data.names.get(id) || id;
const currentPlace = () => state.area || state.country;
const placeName = (id) => {
  if (!data.country) return data.countries.find((c) => c.id === id)?.name || id;
  if (id === data.country.id) return data.country.name;
  return data.country.areas.find((a) => a.id === id)?.name || id;
};
const countryName = (id) => data.countries.find((c) => c.id === id)?.name || id;

// ---------------------------------------------------------------- views
const heatmap = createHeatmap(els.heatmap, { onCell: (task, actor) => whoCovers(task, actor), onTask: (task) => whoCovers(task, "") });
const timeline = createTimeline($("gantt"), $("coverage-time"), { onMission: selectMission });
const map = createPortfolioMap($("portfolio-map"), { onCountry: openCountry });
let network = null;
const ctx = {
  state, data, actorName, placeName,
  whoCovers: (task, actor, place, asOf) => whoCovers(task, actor, place, asOf),
  addHandover,
};

// ---------------------------------------------------------------- controls
function fillCountries() {
  const hosting = data.countries.filter((c) => data.hosting.has(c.id));
  els.country.replaceChildren(h("option", { value: "" }, "All countries"),
    ...hosting.map((c) => h("option", { value: c.id, selected: c.id === state.country }, `${c.name} (${c.id})`)));
  // A country that hosts nothing is left out of the list; a link to it still opens (and says it holds no data).
  if (state.country && !data.hosting.has(state.country) && data.countries.some((c) => c.id === state.country)) {
    els.country.append(h("option", { value: state.country, selected: true }, `${countryName(state.country)} (${state.country}) — hosts no operation`));
  }
}

function dataRange(country) {
  const years = [];
  const open = [];
  for (const m of country.missions) {
    if (m.validFrom) years.push(yearOf(m.validFrom));
    if (m.validTo) years.push(yearOf(m.validTo));
    else if (m.validFrom) open.push(m);
  }
  for (const md of country.mandates) {
    if (md.validFrom) years.push(yearOf(md.validFrom));
    if (md.validTo) years.push(yearOf(md.validTo));
  }
  for (const t of country.transitions) for (const d of [t.announced, t.start, t.end]) if (d) years.push(yearOf(d));
  const now = yearOf(today());
  if (!years.length) return { from: now - 10, to: now, empty: true };
  return { from: Math.min(...years), to: Math.min(Math.max(...years, open.length ? now : -Infinity), now + 5), empty: false };
}

function setDate(date) {
  state.date = date;
  els.date.value = date;
  const y = yearOf(date);
  els.year.value = String(Math.min(Math.max(y, Number(els.year.min)), Number(els.year.max)));
  els.yearOut.textContent = String(y);
  els.year.setAttribute("aria-valuetext", `${y} (date ${date})`);
}

function dateForYear(year) {
  const rest = (state.date || "").slice(4) || "-06-30";
  let d = `${year}${rest}`;
  if (Number.isNaN(Date.parse(d)) || new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) !== d) d = `${year}-02-28`;
  return d;
}

function resetCountryKeys() {
  data.matrix = null;
  data.matrixKey = data.timelineKey = data.graphKey = data.whatIfKey = data.diffKey = data.factsKey = data.briefingKey = "";
  data.drawdown = null;
}

/** Open a country from the portfolio (table or map): its matrix on the portfolio's date. */
function openCountry(id) {
  state.area = "";
  state.task = state.actor = state.mission = state.focus = state.tr = state.run = "";
  state.wi = [];
  state.ho = [];
  state.tab = "country";
  els.country.value = id;
  selectCountry(id).then(() => showTab("country"));
}

let prefetched = null;  // the country query started with the bootstrap, when the link names a country
// The matrix query started with them when the link names a country and a date: it need not wait for the country's
// reply (which only picks a date when none is given), so the heatmap's data arrive with it rather than after it.
let earlyMatrix = null;
const matrixKeyOf = (place) => `${place}|${state.date}|${state.planned}`;

async function selectCountry(id) {
  state.country = id;
  data.country = null;
  resetCountryKeys();
  syncUrl();
  for (const t of COUNTRY_TABS) $(`tab-${t}`).disabled = !id && t !== "briefing";
  if (!id) {
    for (const c of [els.year, els.planned]) c.disabled = true;
    els.area.disabled = true;
    els.area.replaceChildren(h("option", { value: "" }, "Whole country"));
    if (state.tab !== "briefing") state.tab = "portfolio";
    return;
  }
  setStatus("loading", `Loading ${countryName(id)}: missions, mandates and transitions…`);
  els.heatmap.dataset.state = "loading";
  let d;
  try {
    const early = prefetched?.id === id ? prefetched.reply : null;
    prefetched = null;
    d = await (early || gql(Q.country, { id, sid: id }));
  } catch (err) {
    els.heatmap.dataset.state = "error";
    setStatus("error", errorText(err));
    showMessage(els.matrixMsg, "error", errorText(err));
    return;
  }
  if (state.country !== id) return;
  if (!d.place) {
    setStatus("error", `The API knows no place with id ${id}.`);
    return;
  }
  const mandates = edges(d.mandates);
  const missions = edges(d.missions).map((m) => ({ ...m, mandates: mandates.filter((md) => md.authorizes.some((a) => a.id === m.id)) }));
  data.country = { ...d.place, areas: edges(d.place.areas), missions, mandates, transitions: edges(d.transitions) };
  remember(missions);
  remember(missions.flatMap((m) => m.ledBy));
  remember(data.country.transitions.flatMap((t) => [t.from, ...t.to]));
  if (d.place.government) remember([d.place.government]);
  data.range = dataRange(data.country);

  els.area.replaceChildren(h("option", { value: "" }, `Whole country (${d.place.name})`),
    ...data.country.areas.map((a) => h("option", { value: a.id }, a.name)));
  if (!data.country.areas.some((a) => a.id === state.area)) state.area = "";
  els.area.value = state.area;
  els.area.disabled = !data.country.areas.length;
  els.year.min = String(data.range.from);
  els.year.max = String(data.range.to);
  els.yearRange.textContent = data.range.empty ? "no dated data" : `data: ${data.range.from}–${data.range.to}`;
  for (const c of [els.year, els.planned]) c.disabled = false;
  if (!isDate(state.date)) {
    const t = today();
    setDate(yearOf(t) <= data.range.to && yearOf(t) >= data.range.from ? t : `${data.range.to}-06-30`);
  } else setDate(state.date);
  renderWhatIfForm(ctx);
  syncAreaOnly();
  await refresh();
}

function syncAreaOnly() {
  const area = Boolean(state.area);
  els.areaOnly.disabled = !area;
  els.areaOnly.checked = area && state.areaonly;
  $("area-only-field").dataset.enabled = area ? "1" : "0";
  legendItems($("legend"), { area });
}

// ---------------------------------------------------------------- 0. portfolio
let portfolioSeq = 0;
let earlyPortfolio = null;  // the portfolio query started with the bootstrap, when the page opens on it

function startPortfolioEarly() {
  const date = state.date || today();
  earlyPortfolio = { key: `${date}|${state.horizon}|${state.planned}`, reply: gql(Q.portfolio, { asOf: date, horizon: state.horizon, planned: state.planned }) };
  earlyPortfolio.reply.catch(() => {});  // its error is reported where it is awaited
}

async function loadPortfolio() {
  const date = state.date || today();
  const key = `${date}|${state.horizon}|${state.planned}`;
  $("pf-horizon").value = String(state.horizon);
  for (const r of document.querySelectorAll('input[name="pf-colour"]')) r.checked = r.value === state.colour;
  if (key === data.portfolioKey && data.portfolio) {
    renderPortfolio();
    return;
  }
  const seq = ++portfolioSeq;
  markStart("portfolio");
  els.portfolioTable.dataset.state = "loading";
  viewStatus("portfolio", "loading", `Loading the portfolio on ${date}…`);
  try {
    const early = earlyPortfolio?.key === key ? earlyPortfolio.reply : null;
    earlyPortfolio = null;
    const d = await (early || gql(Q.portfolio, { asOf: date, horizon: state.horizon, planned: state.planned }));
    if (seq !== portfolioSeq) return;
    // the operations' names (acronyms) for the table, the map's tooltips and the briefing
    const ids = d.portfolio.countries.flatMap((c) => [...c.operations, ...c.transitions.map((t) => t.fromActor)]).filter((id) => id && !data.names.has(id));
    if (ids.length) remember(await byIds(Q.missionNames, "missions", ids));
    if (seq !== portfolioSeq) return;
    data.portfolio = d.portfolio;
    data.portfolioKey = key;
    await renderPortfolio();
  } catch (err) {
    if (seq !== portfolioSeq) return;
    els.portfolioTable.dataset.state = "error";
    showMessage(els.portfolioMsg, "error", errorText(err));
    setStatus("error", errorText(err));
  }
}

async function renderPortfolio() {
  const p = data.portfolio;
  $("portfolio-title").textContent = `Portfolio on ${p.asOf}: ${p.countries.length} countries with operations in force`;
  renderPortfolioTable(els.portfolioTable, p, {
    sort: state.sort, dir: state.dir, actorName,
    onSort: (sort, dir) => {
      Object.assign(state, { sort, dir });
      syncUrl();
      renderPortfolio().then(() => els.portfolioTable.querySelector(`th[data-col="${sort}"] button`)?.focus());
    },
    onCountry: openCountry,
  });
  els.portfolioTable.dataset.state = "ready";
  els.portfolioTable.dataset.asOf = p.asOf;
  els.portfolioTable.dataset.horizon = String(p.horizonMonths);
  showMessage(els.portfolioMsg, p.countries.length ? "" : "empty", p.countries.length ? "" : `No operation is in force on ${p.asOf}.`);
  const gaps = p.countries.reduce((n, c) => n + c.counts.gap, 0);
  const soon = p.countries.reduce((n, c) => n + c.transitions.length, 0);
  viewStatus("portfolio", "ready", `Portfolio on ${p.asOf}: ${p.countries.length} countries, ${gaps} gap(s), ${soon} transition(s) within 12 months.`);
  try {
    await map.render(p, state.colour === "risk" ? "risk" : "gaps");
  } catch (err) {
    $("portfolio-map").dataset.state = "error";
    showMessage(els.portfolioMsg, "error", `The map cannot be drawn: ${err.message}`);
  }
  markReady("portfolio");
}

// ---------------------------------------------------------------- 1. matrix
let matrixSeq = 0;
async function loadMatrix() {
  const place = currentPlace();
  const key = matrixKeyOf(place);
  if (!data.country) return;
  if (data.matrixKey === key) {
    if (state.tab === "country") renderMatrix();
    return;
  }
  const seq = ++matrixSeq;
  markStart("country");
  els.heatmap.dataset.state = "loading";
  els.matrixTitle.textContent = `Coverage matrix — ${placeName(place)} on ${state.date}`;
  viewStatus("country", "loading", `Loading the coverage matrix of ${placeName(place)} on ${state.date}…`);
  try {
    const early = earlyMatrix?.key === key ? earlyMatrix.reply : null;
    earlyMatrix = null;
    const d = await (early || gql(Q.matrix, { place, asOf: state.date || null, planned: state.planned }));
    const m = d.coverageMatrix;
    const missing = [...new Set(m.actors.flatMap((a) => a.organizations))].filter((o) => !data.orgs.has(o));
    if (missing.length) {
      for (const org of await byIds(Q.organizations, "organizations", missing)) data.orgs.set(org.id, org);
    }
    if (seq !== matrixSeq) return;
    data.matrix = m;
    data.matrixKey = key;
    remember(m.actors);
    remember([...data.orgs.values()]);
    if (state.tab === "country") renderMatrix();  // drawn when its tab is shown otherwise
    else renderWhatIfForm(ctx);
  } catch (err) {
    if (seq !== matrixSeq) return;
    data.matrix = null;
    data.matrixKey = "";
    els.heatmap.dataset.state = "error";
    heatmap.clear();
    els.table.replaceChildren();
    setExport(false);
    showMessage(els.matrixMsg, "error", errorText(err));
    setStatus("error", errorText(err));
  }
}

function setExport(on) {
  for (const id of ["export-csv", "export-png", "export-svg"]) $(id).disabled = !on;
}

const areaOnly = () => Boolean(state.area && state.areaonly);

function renderMatrix() {
  const m = data.matrix;
  if (!m) return;
  const el = els.heatmap;
  el.dataset.place = m.placeId;
  el.dataset.asOf = m.asOf;
  el.dataset.planned = String(m.includePlanned);
  el.dataset.tasks = String(m.tasks.length);
  el.dataset.actors = String(m.actors.length);
  el.dataset.areaOnly = areaOnly() ? "1" : "0";
  const c = m.counts;
  if (!m.tasks.length) {
    heatmap.clear();
    els.table.replaceChildren();
    setExport(false);
    el.dataset.state = "empty";
    const nothing = data.range.empty && !data.country.missions.length;
    const text = nothing
      ? `No data for ${data.country.name}: no missions, mandates, transitions or coverage are recorded for it.`
      : `No data for ${m.placeName} on ${m.asOf}: no task is mandated or covered on that date. ` +
        `The data for ${data.country.name} covers ${data.range.from}–${data.range.to}; move the year slider.`;
    el.dataset.empty = nothing ? "country" : "date";
    showMessage(els.matrixMsg, "empty", text);
    els.counts.textContent = "";
    viewStatus("country", "empty", text);
    renderWhatIfForm(ctx);
    markReady("country");
    return;
  }
  const only = areaOnly();
  const specific = m.cells.filter((x) => !x.inherited);
  if (only && !specific.length) {
    showMessage(els.matrixMsg, "empty", `No cell is declared for ${m.placeName} itself on ${m.asOf}: every cell comes from country-wide facts. Untick “area-specific only” to see them.`);
    heatmap.clear();
    els.table.replaceChildren();
    el.dataset.state = "empty";
    el.dataset.empty = "area";
  } else {
    showMessage(els.matrixMsg, "", "");
    el.dataset.empty = "";
    heatmap.render(m, data.orgs, { areaOnly: only });
    renderMatrixTable(els.table, m, data.orgs, { onCell: (t, a) => whoCovers(t, a), onTask: (t) => whoCovers(t, ""), areaOnly: only });
    el.dataset.state = "ready";
  }
  setExport(true);
  const shown = only ? new Set(specific.map((x) => x.task)).size : m.tasks.length;
  const areaNote = m.placeId !== m.country ? ` In this area: ${specific.length} cell(s) declared for it, ${m.cells.length - specific.length} inherited.` : "";
  els.counts.textContent = `${m.tasks.length} tasks × ${m.actors.length} actors — ✓ ${c.covered} covered, ◐ ${c.thin} thin, ⊕ ${c.overlap} overlap, ✕ ${c.gap} gap.` +
    `${areaNote}${only ? ` Showing the ${shown} task(s) with a cell declared for the area.` : ""}${m.dataCurrentTo ? ` Data current to ${m.dataCurrentTo}.` : ""}`;
  viewStatus("country", "ready", `${m.placeName} on ${m.asOf}${m.includePlanned ? " (planned included)" : ""}: ${m.tasks.length} tasks, ${m.actors.length} actors; ${c.gap} gap(s), ${c.thin} thin.`);
  renderWhatIfForm(ctx);
  markReady("country");
}

// ---------------------------------------------------------------- 4. who covers
let whoSeq = 0;
async function whoCovers(task, actor, place, asOf) {
  state.task = task;
  state.actor = actor || "";
  data.whoAt = place || asOf ? { place: place || currentPlace(), asOf: asOf || state.date } : null;
  syncUrl();
  await loadWhoCovers(true);
}

async function loadWhoCovers(force = false) {
  if (!state.task || !data.country) return;
  const place = data.whoAt?.place || currentPlace();
  const asOf = data.whoAt?.asOf || state.date;
  const key = `${state.task}|${state.actor}|${place}|${asOf}|${state.planned}`;
  if (!force && key === data.whoKey) return;
  const seq = ++whoSeq;
  const label = data.tasks.get(state.task)?.label || state.task;
  whoLoading(els.who, `Loading who covers ${label} in ${placeName(place)} on ${asOf}…`);
  try {
    const d = await gql(Q.whoCovers, { task: state.task, place, asOf, planned: state.planned });
    if (seq !== whoSeq) return;
    data.whoKey = key;
    const primary = data.tasks.get(state.task)?.primaryResponsibility;
    renderWhoCovers(els.who, { task: state.task, taskLabel: label, place, placeName: placeName(place), asOf, actor: state.actor,
      primary: primary ? (data.country.government?.name || "the host state") : "" }, d.whoCovers);
  } catch (err) {
    if (seq === whoSeq) whoError(els.who, errorText(err));
  }
}

// ---------------------------------------------------------------- 2. compare two dates
function compareDates() {
  const to = isDate(state.to) ? state.to : state.date;
  const from = isDate(state.from) ? state.from : addDays(to, -365);
  return { from, to };
}

let diffSeq = 0;
async function loadCompare(force = false) {
  if (!data.country) return;
  const { from, to } = compareDates();
  $("cmp-from").value = from;
  $("cmp-to").value = to;
  $("cmp-all").checked = state.all;
  const place = currentPlace();
  if (to < from) {
    els.diff.dataset.state = "invalid";
    els.diff.replaceChildren(h("p", { class: "message" }, `The second date (${to}) is before the first (${from}).`));
    return;
  }
  const key = `${place}|${from}|${to}|${state.planned}`;
  if (!force && key === data.diffKey && data.diff) {
    showDiff();
    return;
  }
  const seq = ++diffSeq;
  markStart("compare");
  els.diff.dataset.state = "loading";
  viewStatus("compare", "loading", `Comparing ${placeName(place)} on ${from} and ${to}…`);
  try {
    const d = await gql(Q.diff, { place, from, to, planned: state.planned });
    if (seq !== diffSeq) return;
    data.diff = d.coverageDiff;
    data.diffKey = key;
    const ids = data.diff.tasks.flatMap((t) => [...t.actorsFrom, ...t.actorsTo]).filter((id) => !data.names.has(id));
    if (ids.length) {
      // Actors that are not the country's missions (organisations, governments): their names.
      for (const o of await byIds(Q.organizations, "organizations", ids)) remember([o]);
    }
    if (seq !== diffSeq) return;
    showDiff();
  } catch (err) {
    if (seq !== diffSeq) return;
    els.diff.dataset.state = "error";
    els.diff.replaceChildren(h("p", { class: "message", dataset: { kind: "error" } }, errorText(err)));
    setStatus("error", errorText(err));
  }
}

function showDiff() {
  const d = data.diff;
  $("compare-title").textContent = `Compare ${d.placeName}: ${d.from} and ${d.to}`;
  renderDiff(els.diff, d, { changedOnly: !state.all, actorName, onTask: (t) => whoCovers(t, "", currentPlace(), d.to) });
  const n = d.tasks.filter((t) => t.changed).length;
  viewStatus("compare", "ready", `${d.placeName}: ${n} task(s) changed between ${d.from} and ${d.to}.`);
  markReady("compare");
}

// ---------------------------------------------------------------- 3. timeline
function selectMission(id) {
  state.mission = id;
  syncUrl();
  renderGantt();
}

function renderGantt() {
  const c = data.country;
  if (!c) return;
  const sel = $("timeline-selected");
  timeline.renderGantt(c, data.range, state.mission);
  renderTimelineLists($("timeline-list"), $("transition-list"), c, state.mission, selectMission);
  const m = c.missions.find((x) => x.id === state.mission);
  sel.replaceChildren();
  sel.dataset.mission = m ? m.id : "";
  if (m) {
    sel.append(`Selected: ${actorLabel(m)} (${m.validFrom || "?"} → ${m.validTo || "open"}) `,
      h("button", { type: "button", onclick: () => { state.focus = `mission:${m.id}`; showTab("graph"); } }, "Show in graph"), " ",
      h("button", { type: "button", onclick: () => {
        state.wi = [m.id];
        state.wid = m.validTo || state.date;
        state.ho = [];
        state.run = "whatif";
        renderWhatIfForm(ctx);
        showTab("whatif");
      } }, "What if it leaves…"));
  } else sel.textContent = "Click a mission bar (or a name in the list view) to select it.";
}

let timelineSeq = 0;
async function loadTimeline() {
  const c = data.country;
  if (!c) return;
  if (!c.missions.length) showMessage(els.timelineMsg, "empty", `No missions are recorded for ${c.name}.`);
  else showMessage(els.timelineMsg, "", "");
  const place = currentPlace();
  const key = `${place}|${data.range.from}|${data.range.to}|${state.planned}`;
  if (key === data.timelineKey) {
    renderGantt();
    return;
  }
  const seq = ++timelineSeq;
  markStart("timeline");
  // ask first, draw the Gantt while the API answers
  const asked = gql(Q.timeline, { place, from: `${data.range.from}-01-01`, to: `${Math.min(data.range.to, yearOf(today()))}-12-01`, planned: state.planned });
  asked.catch(() => {});
  renderGantt();
  const cov = $("coverage-time");
  cov.dataset.state = "loading";
  viewStatus("timeline", "loading", `Loading the coverage timeline of ${placeName(place)}, ${data.range.from}–${data.range.to}…`);
  try {
    const d = await asked;
    if (seq !== timelineSeq) return;
    data.timelineKey = key;
    timeline.renderCoverage(d.coverageTimelineRuns, data.tasks, data.range);
    if (!d.coverageTimelineRuns.length) {
      cov.dataset.state = "empty";
      showMessage(els.timelineMsg, "empty", `No task is mandated or covered in ${placeName(place)} between ${data.range.from} and ${data.range.to}.`);
    }
    viewStatus("timeline", "ready", `Timeline of ${placeName(place)}: ${c.missions.length} missions, ${c.transitions.length} transitions.`);
    markReady("timeline");
  } catch (err) {
    if (seq !== timelineSeq) return;
    cov.dataset.state = "error";
    showMessage(els.timelineMsg, "error", errorText(err));
    setStatus("error", errorText(err));
  }
}

// ---------------------------------------------------------------- 5. what-if
function whatIfLabel() {
  if (state.run === "transition") {
    const t = data.country?.transitions.find((x) => x.id === state.tr);
    if (!t) return `Recorded transition ${state.tr}`;
    const areas = (t.places || []).filter((p) => p.id !== data.country.id).map((p) => p.name);
    return `Recorded transition: ${t.kind} of ${actorLabel(t.from)}${areas.length ? ` in ${areas.join(", ")}` : ""} (ends ${t.end})`;
  }
  const ho = state.ho.length ? `, handing over ${state.ho.map((x) => `${data.tasks.get(x.task)?.label || x.task} → ${actorName(x.to)}`).join(", ")}` : "";
  return `What if ${state.wi.map(actorName).join(" and ")} leave${state.wi.length === 1 ? "s" : ""} on ${state.wid}${ho}`;
}

let whatIfSeq = 0;
async function loadWhatIf(force = false) {
  if (!data.country) return;
  if (!state.run) {
    markReady("whatif");
    return;
  }
  const place = currentPlace();
  const key = JSON.stringify([state.run, place, state.wi, state.wid, state.ho, state.tr, state.planned]);
  if (!force && key === data.whatIfKey) return;
  const el = els.results;
  if (state.run === "whatif" && (!state.wi.length || !isDate(state.wid))) {
    el.dataset.state = "invalid";
    el.replaceChildren(h("p", { class: "message" }, !state.wi.length ? "Choose at least one actor that leaves." : "Choose a leave date."));
    return;
  }
  if (state.run === "transition" && !state.tr) {
    el.dataset.state = "invalid";
    el.replaceChildren(h("p", { class: "message" }, "Choose a recorded transition."));
    return;
  }
  const seq = ++whatIfSeq;
  markStart("whatif");
  el.dataset.state = "loading";
  el.replaceChildren(h("p", { class: "hint" }, state.run === "whatif" ? "Running the what-if…" : "Opening the transition…"));
  viewStatus("whatif", "loading", `${whatIfLabel()}: computing…`);
  try {
    let d;
    if (state.run === "whatif") {
      const input = {
        place, includePlanned: state.planned,
        departures: state.wi.map((actor) => ({ actor, date: state.wid })),
        handovers: state.ho.map((x) => ({ task: x.task, to: x.to })),
      };
      d = (await gql(Q.whatIf, { input })).drawdownWhatIf;
    } else {
      d = (await gql(Q.drawdown, { id: state.tr, planned: state.planned })).drawdown;
    }
    if (seq !== whatIfSeq) return;
    data.whatIfKey = key;
    data.drawdown = d;
    data.drawdownLabel = whatIfLabel();
    data.briefingKey = "";
    for (const c of [...d.lost, ...d.thinned, ...d.saved, ...d.otherLosses]) remember(c.candidates.filter((k) => k.name && k.name !== k.actor).map((k) => ({ id: k.actor, name: k.name })));
    renderDrawdown(el, d, ctx, whatIfLabel());
    el.dataset.run = state.run;
    el.dataset.handovers = state.run === "whatif" ? state.ho.map((x) => `${x.task}:${x.to}`).join(",") : "";
    const n = d.taskCounts;
    viewStatus("whatif", "ready", `${whatIfLabel()}: ${n.lost} task(s) lost, ${n.thinned} thinned, ${n.saved} saved; ${d.fundingEnding.length} funding line(s) end.`);
    markReady("whatif");
  } catch (err) {
    if (seq !== whatIfSeq) return;
    el.dataset.state = "error";
    el.replaceChildren(h("p", { class: "message", "data-kind": "error" }, errorText(err)));
    setStatus("error", errorText(err));
  }
}

function addHandover(task, to) {
  if (state.run === "transition") {
    const t = data.country?.transitions.find((x) => x.id === state.tr);
    if (t?.from) {
      state.wi = [t.from.id];
      state.wid = t.end;
      state.ho = t.handovers.map((x) => ({ task: x.taskId, to: x.toId }));
    }
  }
  if (!state.ho.some((x) => x.task === task && x.to === to)) state.ho.push({ task, to });
  state.run = "whatif";
  renderWhatIfForm(ctx);
  syncUrl();
  loadWhatIf(true);
}

// ---------------------------------------------------------------- 6. graph
function graphOptions() {
  const c = data.country;
  const opts = [];
  if (c) {
    const missions = [...c.missions].sort((a, b) => actorLabel(a).localeCompare(actorLabel(b)));
    opts.push(h("optgroup", { label: "Missions" }, missions.map((m) => h("option", { value: `mission:${m.id}` }, `${actorLabel(m)} — ${m.name}`))));
    const orgs = new Map();
    for (const m of c.missions) for (const o of m.ledBy) orgs.set(o.id, o);
    if (c.government) orgs.set(c.government.id, c.government);
    opts.push(h("optgroup", { label: "Organisations" }, [...orgs.values()].sort((a, b) => a.name.localeCompare(b.name))
      .map((o) => h("option", { value: `org:${o.id}` }, o.name))));
  }
  return opts;
}

function defaultFocus() {
  if (state.mission) return `mission:${state.mission}`;
  const ms = [...(data.country?.missions || [])].sort((a, b) => b.mandates.length - a.mandates.length);
  return ms.length ? `mission:${ms[0].id}` : data.country?.government ? `org:${data.country.government.id}` : "";
}

let graphSeq = 0;
async function loadGraph() {
  if (!data.country) return;
  if (!state.focus) state.focus = defaultFocus();
  els.graphFocus.replaceChildren(h("option", { value: "" }, "Choose a mission or organisation…"), ...graphOptions());
  if (state.focus && ![...els.graphFocus.options].some((o) => o.value === state.focus)) {
    els.graphFocus.append(h("option", { value: state.focus }, state.focus.replace(/^(mission|org):/, "")));
  }
  els.graphFocus.value = state.focus;
  syncUrl();
  if (!state.focus) {
    showMessage(els.graphMsg, "empty", `No mission or organisation to show for ${data.country.name}.`);
    return;
  }
  const key = `${state.focus}|${state.country}`;
  if (!network) network = createNetwork(els.network, { onFocus: focusGraph });
  if (key === data.graphKey) {
    network.cy.resize();
    return;
  }
  const seq = ++graphSeq;
  markStart("graph");
  els.network.dataset.state = "loading";
  viewStatus("graph", "loading", `Loading the neighbourhood of ${state.focus.replace(/^(mission|org):/, "")}…`);
  try {
    const local = new Set([...data.country.missions.map((m) => m.id), ...(data.matrix?.actors || []).map((a) => a.id)]);
    if (data.country.government) local.add(data.country.government.id);
    const g = await neighbourhood(state.focus, state.country, local);
    if (seq !== graphSeq) return;
    data.graphKey = key;
    showMessage(els.graphMsg, g.note ? "empty" : "", g.note);
    network.render(g, state.focus);
    renderGraphList($("graph-nodes"), g, focusGraph);
    const centre = g.nodes.find((n) => n.focus);
    $("graph-title").textContent = `Neighbourhood of ${centre?.name || state.focus}`;
    viewStatus("graph", "ready", `Graph: ${g.nodes.length} nodes, ${g.links.length} links around ${centre?.name || state.focus}.`);
    markReady("graph");
  } catch (err) {
    if (seq !== graphSeq) return;
    els.network.dataset.state = "error";
    showMessage(els.graphMsg, "error", errorText(err));
    setStatus("error", errorText(err));
  }
}

function focusGraph(focus) {
  state.focus = focus;
  if (focus.startsWith("mission:")) state.mission = focus.slice(8);
  syncUrl();
  loadGraph();
}

// ---------------------------------------------------------------- 7. briefing
/** The facts (with sources) behind the current matrix and the mandates its demand cites, fetched once per matrix. */
async function briefingFacts() {
  const m = data.matrix;
  if (!m || data.factsKey === data.matrixKey) return;
  const key = data.matrixKey;
  const [facts, mandates] = await Promise.all([
    matrixFacts(m),
    byIds(Q.mandates, "mandates", m.tasks.flatMap((t) => t.demand).filter((id) => !data.country.mandates.some((x) => x.id === id))),
  ]);
  if (key !== data.matrixKey) return;
  data.facts = facts;
  data.demandMandates = mandates;
  data.factsKey = key;
}

let briefingSeq = 0;
async function loadBriefing() {
  const seq = ++briefingSeq;
  markStart("briefing");
  els.briefing.dataset.state = "loading";
  viewStatus("briefing", "loading", "Preparing the briefing…");
  try {
    if (!state.country) {
      await loadPortfolio();
      if (seq !== briefingSeq || !data.portfolio) return;
      renderPortfolioBriefing(els.briefing, { portfolio: data.portfolio, actorName });
      viewStatus("briefing", "ready", `Briefing of the portfolio on ${data.portfolio.asOf}: print it with the button or Ctrl+P.`);
    } else {
      await loadMatrix();
      if (state.run && data.country) await loadWhatIf();
      if (!data.matrix) return;
      await briefingFacts();
      if (seq !== briefingSeq) return;
      renderCountryBriefing(els.briefing, {
        country: data.country, matrix: data.matrix, orgs: data.orgs, facts: data.facts, demandMandates: data.demandMandates,
        drawdown: state.run ? data.drawdown : null, drawdownLabel: data.drawdownLabel, actorName, placeName, areaOnly: areaOnly(),
      });
      viewStatus("briefing", "ready", `Briefing of ${data.matrix.placeName} on ${data.matrix.asOf}: print it with the button or Ctrl+P.`);
    }
    markReady("briefing");
  } catch (err) {
    if (seq !== briefingSeq) return;
    els.briefing.dataset.state = "error";
    els.briefing.replaceChildren(h("p", { class: "message", dataset: { kind: "error" } }, errorText(err)));
    setStatus("error", errorText(err));
  }
}

// ---------------------------------------------------------------- tabs and refresh
function showTab(tab) {
  let next = TABS.includes(tab) ? tab : "portfolio";
  if (!state.country && COUNTRY_TABS.includes(next) && next !== "briefing") next = "portfolio";
  state.tab = next;
  for (const t of TABS) {
    const btn = $(`tab-${t}`);
    const on = t === state.tab;
    btn.setAttribute("aria-selected", String(on));
    btn.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
  }
  document.body.dataset.tab = state.tab;
  syncUrl();
  refresh();
}

async function refresh() {
  syncUrl();
  const jobs = [];
  if (state.tab === "portfolio") jobs.push(loadPortfolio());
  if (state.tab === "briefing") jobs.push(loadBriefing());
  if (data.country) {
    if (state.tab === "timeline") jobs.push(loadTimeline());
    if (state.tab !== "briefing") jobs.push(loadMatrix());
    if (state.tab === "compare") jobs.push(loadCompare());
    if (state.tab === "whatif") jobs.push(loadWhatIf());
    if (state.tab === "graph") jobs.push(loadGraph());
    if (state.task) jobs.push(loadWhoCovers());
  }
  await Promise.all(jobs);
}

function download(name, href) {
  const a = h("a", { href, download: name });
  document.body.append(a);
  a.click();
  a.remove();
}

function bind() {
  els.country.addEventListener("change", () => {
    state.area = "";
    state.task = state.actor = state.mission = state.focus = state.tr = state.run = "";
    state.wi = [];
    state.ho = [];
    if (!els.country.value) {
      selectCountry("").then(() => showTab(state.tab === "briefing" ? "briefing" : "portfolio"));
      return;
    }
    if (state.tab === "portfolio") state.tab = "country";
    selectCountry(els.country.value).then(() => showTab(state.tab));
  });
  els.area.addEventListener("change", () => {
    state.area = els.area.value;
    data.whoAt = null;
    syncAreaOnly();
    refresh();
  });
  els.areaOnly.addEventListener("change", () => {
    state.areaonly = els.areaOnly.checked;
    data.briefingKey = "";
    syncUrl();
    renderMatrix();
  });
  let yearTimer = null;
  els.year.addEventListener("input", () => {
    const d = dateForYear(els.year.value);
    setDate(d);
    clearTimeout(yearTimer);
    yearTimer = setTimeout(refresh, 200);
  });
  els.date.addEventListener("change", () => {
    if (!isDate(els.date.value)) return;
    setDate(els.date.value);
    if (!state.run) renderWhatIfForm(ctx);
    refresh();
  });
  els.planned.addEventListener("change", () => {
    state.planned = els.planned.checked;
    refresh();
  });
  $("copy-link").addEventListener("click", async () => {
    syncUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus("ready", "Link to this view copied to the clipboard.");
    } catch {
      setStatus("ready", `Link to this view: ${location.href}`);
    }
  });
  const tablist = document.querySelector('[role="tablist"]');
  tablist.addEventListener("click", (e) => {
    const tab = e.target.closest("[role=tab]");
    if (tab && !tab.disabled) showTab(tab.dataset.tab);
  });
  tablist.addEventListener("keydown", (e) => {
    const open = TABS.filter((t) => !$(`tab-${t}`).disabled);
    const i = open.indexOf(state.tab);
    const next = { ArrowRight: (i + 1) % open.length, ArrowLeft: (i + open.length - 1) % open.length, Home: 0, End: open.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    showTab(open[next]);
    $(`tab-${open[next]}`).focus();
  });
  // portfolio controls
  $("pf-horizon").addEventListener("change", () => {
    state.horizon = Number($("pf-horizon").value);
    refresh();
  });
  for (const r of document.querySelectorAll('input[name="pf-colour"]')) {
    r.addEventListener("change", () => {
      state.colour = r.value;
      syncUrl();
      if (data.portfolio) map.render(data.portfolio, state.colour);
    });
  }
  // compare
  $("compare-form").addEventListener("submit", (e) => {
    e.preventDefault();
    if (!isDate($("cmp-from").value) || !isDate($("cmp-to").value)) return;
    state.from = $("cmp-from").value;
    state.to = $("cmp-to").value;
    syncUrl();
    loadCompare(true);
  });
  $("cmp-all").addEventListener("change", () => {
    state.all = $("cmp-all").checked;
    syncUrl();
    if (data.diff) showDiff();
  });
  // exports
  $("export-csv").addEventListener("click", async () => {
    if (!data.matrix) return;
    setStatus("loading", "Preparing the CSV (HXL)…");
    try {
      await briefingFacts();
      await exportCsv(data.matrix, data.factsKey === data.matrixKey ? data.facts : null);
      setStatus("ready", `Exported the matrix of ${data.matrix.placeName} on ${data.matrix.asOf} as CSV (HXL).`);
    } catch (err) {
      setStatus("error", errorText(err));
    }
  });
  const width = () => Math.max(900, els.heatmap.clientWidth || 900);
  $("export-png").addEventListener("click", () => data.matrix && exportPng(data.matrix, data.orgs, width(), { areaOnly: areaOnly() }));
  $("export-svg").addEventListener("click", () => data.matrix && exportSvg(data.matrix, data.orgs, width(), { areaOnly: areaOnly() }));
  $("graph-png").addEventListener("click", async () => {
    if (!network) return;
    const title = $("graph-title").textContent;
    const url = await network.pngDocument(title, `${data.country?.name || ""} · links recorded in the graph · drawn ${today()} · peacegraph`);
    download(`peacegraph-${state.focus.replace(/[^a-z0-9-]+/gi, "-")}.png`, url);
  });
  $("print-briefing").addEventListener("click", () => window.print());
  els.graphFocus.addEventListener("change", () => els.graphFocus.value && focusGraph(els.graphFocus.value));
  $("wi-date").addEventListener("change", () => {
    if (isDate($("wi-date").value)) state.wid = $("wi-date").value;
  });
  $("whatif-form").addEventListener("submit", (e) => {
    e.preventDefault();
    Object.assign(state, readWhatIfForm(), { run: "whatif" });
    syncUrl();
    loadWhatIf(true);
  });
  $("transition-form").addEventListener("submit", (e) => {
    e.preventDefault();
    state.tr = $("wi-transition").value;
    state.run = "transition";
    syncUrl();
    loadWhatIf(true);
  });
  $("wi-add-handover").addEventListener("click", () => {
    const li = handoverRow(ctx);
    $("wi-handovers").append(li);
    li.querySelector("select").focus();
  });
  window.addEventListener("hashchange", async () => {
    const next = parseHash(location.hash);
    if (toHash(next) === toHash(state)) return;
    const countryChanged = next.country !== state.country;
    Object.assign(state, next);
    els.planned.checked = state.planned;
    if (isDate(state.date)) setDate(state.date);
    if (countryChanged) {
      els.country.value = state.country;
      await selectCountry(state.country);
    } else if (data.country) {
      els.area.value = state.area;
      syncAreaOnly();
      renderWhatIfForm(ctx);
    }
    showTab(state.tab);
  });
}

async function init() {
  legendItems($("legend"));
  graphLegend($("graph-legend"));
  bind();
  els.planned.checked = state.planned;
  for (const t of TABS) $(`panel-${t}`).hidden = t !== state.tab;
  for (const t of TABS) {
    $(`tab-${t}`).setAttribute("aria-selected", String(t === state.tab));
    $(`tab-${t}`).tabIndex = t === state.tab ? 0 : -1;
  }
  document.body.dataset.tab = state.tab;
  setDate(isDate(state.date) ? state.date : today());
  if (state.tab === "portfolio" || !state.country) {
    map.prefetch();
    startPortfolioEarly();
  }
  setStatus("loading", "Loading the countries and the task taxonomy…");
  if (state.country) {
    prefetched = { id: state.country, reply: gql(Q.country, { id: state.country, sid: state.country }) };
    prefetched.reply.catch(() => {});  // its error is reported where it is awaited
    if (state.tab === "country" && isDate(state.date)) {
      const place = currentPlace();
      earlyMatrix = { key: matrixKeyOf(place), reply: gql(Q.matrix, { place, asOf: state.date, planned: state.planned }) };
      earlyMatrix.reply.catch(() => {});  // likewise (an unknown area falls back to the ordinary request)
    }
  }
  try {
    const d = await gql(Q.bootstrap);
    data.countries = edges(d.places);
    data.hosting = new Set([...edges(d.hosting).map((p) => p.id), ...edges(d.hostingAreas).map((p) => p.parent?.id).filter(Boolean)]);
    for (const t of edges(d.tasks)) data.tasks.set(t.id, t);
  } catch (err) {
    document.body.dataset.api = "down";
    els.country.replaceChildren(h("option", { value: "" }, "API unavailable"));
    setStatus("error", errorText(err));
    showMessage(els.matrixMsg, "error", errorText(err));
    showMessage(els.portfolioMsg, "error", errorText(err));
    els.heatmap.dataset.state = "error";
    els.portfolioTable.dataset.state = "error";
    return;
  }
  document.body.dataset.api = "up";
  fillCountries();
  if (!data.countries.length) {
    setStatus("empty", "The graph holds no country yet: load the dataset (peacegraph seed load data/).");
    return;
  }
  if (state.country && data.countries.some((c) => c.id === state.country)) await selectCountry(state.country);
  else {
    state.country = "";
    await selectCountry("");
  }
  showTab(state.tab);
}

// Read-only handles for debugging and the browser tests (chart instances and the current data).
window.__peacegraph = { state, data, heatmap: () => heatmap.chart, gantt: () => timeline.gantt, cy: () => network?.cy, map: () => map.chart };
init();
