// The planners' page: controls, URL state, and the five views (matrix, timeline, what-if, who covers, graph).
import { ApiError, Q, edges, gql } from "./api.js";
import { actorLabel, h, isDate, today, yearOf } from "./common.js";
import { exportCsv, exportPng, exportSvg } from "./export.js";
import { createNetwork, graphLegend, neighbourhood, renderGraphList } from "./graph.js";
import { createHeatmap, legendItems, renderMatrixTable } from "./heatmap.js";
import { createTimeline, renderTimelineLists } from "./timeline.js";
import { TABS, parseHash, toHash } from "./urlstate.js";
import { handoverRow, readWhatIfForm, renderDrawdown, renderWhatIfForm } from "./whatif.js";
import { renderWhoCovers, whoError, whoLoading } from "./whocovers.js";

const $ = (id) => document.getElementById(id);
const state = parseHash(location.hash);
const data = {
  countries: [], tasks: new Map(), country: null, range: null, matrix: null, matrixKey: "",
  orgs: new Map(), names: new Map(), timelineKey: "", graphKey: "", whatIfKey: "", whoKey: "", whoAt: null,
};
const els = {
  status: $("status"), country: $("country"), area: $("area"), year: $("year"), yearOut: $("year-out"),
  yearRange: $("year-range"), date: $("date"), planned: $("planned"), permalink: $("permalink"),
  heatmap: $("heatmap"), table: $("matrix-table"), counts: $("matrix-counts"), matrixMsg: $("matrix-message"),
  matrixTitle: $("matrix-title"), who: $("who-covers"), results: $("wi-results"), network: $("network"),
  graphFocus: $("graph-focus"), graphMsg: $("graph-message"), timelineMsg: $("timeline-message"),
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
  if (!data.country) return id;
  if (id === data.country.id) return data.country.name;
  return data.country.areas.find((a) => a.id === id)?.name || id;
};

// ---------------------------------------------------------------- views
const heatmap = createHeatmap(els.heatmap, { onCell: (task, actor) => whoCovers(task, actor), onTask: (task) => whoCovers(task, "") });
const timeline = createTimeline($("gantt"), $("coverage-time"), { onMission: selectMission });
let network = null;
const ctx = {
  state, data, actorName,
  whoCovers: (task, actor, place, asOf) => whoCovers(task, actor, place, asOf),
  addHandover,
};

// ---------------------------------------------------------------- controls
function fillCountries() {
  els.country.replaceChildren(h("option", { value: "" }, "Choose a country…"),
    ...data.countries.map((c) => h("option", { value: c.id, selected: c.id === state.country }, `${c.name} (${c.id})`)));
}

function dataRange(country) {
  const years = [];
  const open = [];
  for (const m of country.missions) {
    if (m.validFrom) years.push(yearOf(m.validFrom));
    if (m.validTo) years.push(yearOf(m.validTo));
    else if (m.validFrom) open.push(m);
    for (const md of m.mandates) {
      if (md.validFrom) years.push(yearOf(md.validFrom));
      if (md.validTo) years.push(yearOf(md.validTo));
    }
  }
  for (const t of country.transitions) for (const d of [t.announced, t.start, t.end]) if (d) years.push(yearOf(d));
  const now = yearOf(today());
  if (!years.length) return { from: now - 10, to: now, empty: true };
  return { from: Math.min(...years), to: Math.max(...years, open.length ? now : -Infinity), empty: false };
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

async function selectCountry(id) {
  state.country = id;
  data.country = null;
  data.matrix = null;
  data.matrixKey = data.timelineKey = data.graphKey = data.whatIfKey = "";
  const name = data.countries.find((c) => c.id === id)?.name || id;
  syncUrl();
  if (!id) {
    setStatus("idle", "Choose a country to see who covers which mandated task.");
    return;
  }
  setStatus("loading", `Loading ${name}: missions, mandates and transitions…`);
  els.heatmap.dataset.state = "loading";
  let d;
  try {
    d = await gql(Q.country, { id, sid: id });
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
  const missions = edges(d.place.missions).map((m) => ({ ...m, mandates: edges(m.mandates) }));
  data.country = { ...d.place, areas: edges(d.place.areas), missions, transitions: edges(d.transitions) };
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
  for (const c of [els.year, els.date, els.planned]) c.disabled = false;
  if (!isDate(state.date)) {
    const t = today();
    setDate(yearOf(t) <= data.range.to && yearOf(t) >= data.range.from ? t : `${data.range.to}-06-30`);
  } else setDate(state.date);
  renderWhatIfForm(ctx);
  await refresh();
}

// ---------------------------------------------------------------- 1. matrix
let matrixSeq = 0;
async function loadMatrix() {
  const place = currentPlace();
  const key = `${place}|${state.date}|${state.planned}`;
  if (!data.country || data.matrixKey === key) return;
  const seq = ++matrixSeq;
  els.heatmap.dataset.state = "loading";
  els.matrixTitle.textContent = `Coverage matrix — ${placeName(place)} on ${state.date}`;
  viewStatus("country", "loading", `Loading the coverage matrix of ${placeName(place)} on ${state.date}…`);
  try {
    const d = await gql(Q.matrix, { place, asOf: state.date || null, planned: state.planned });
    const m = d.coverageMatrix;
    const missing = [...new Set(m.actors.flatMap((a) => a.organizations))].filter((o) => !data.orgs.has(o));
    if (missing.length) {
      const o = await gql(Q.organizations, { ids: missing });
      for (const org of edges(o.organizations)) data.orgs.set(org.id, org);
    }
    if (seq !== matrixSeq) return;
    data.matrix = m;
    data.matrixKey = key;
    remember(m.actors);
    remember([...data.orgs.values()]);
    renderMatrix();
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

function renderMatrix() {
  const m = data.matrix;
  const el = els.heatmap;
  el.dataset.place = m.placeId;
  el.dataset.asOf = m.asOf;
  el.dataset.planned = String(m.includePlanned);
  el.dataset.tasks = String(m.tasks.length);
  el.dataset.actors = String(m.actors.length);
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
    return;
  }
  showMessage(els.matrixMsg, "", "");
  el.dataset.empty = "";
  heatmap.render(m, data.orgs);
  renderMatrixTable(els.table, m, data.orgs, { onCell: (t, a) => whoCovers(t, a), onTask: (t) => whoCovers(t, "") });
  el.dataset.state = "ready";
  setExport(true);
  els.counts.textContent = `${m.tasks.length} tasks × ${m.actors.length} actors — ✓ ${c.covered} covered, ◐ ${c.thin} thin, ⊕ ${c.overlap} overlap, ✕ ${c.gap} gap.`;
  viewStatus("country", "ready", `${m.placeName} on ${m.asOf}${m.includePlanned ? " (planned included)" : ""}: ${m.tasks.length} tasks, ${m.actors.length} actors; ${c.gap} gap(s), ${c.thin} thin.`);
  renderWhatIfForm(ctx);
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
    renderWhoCovers(els.who, { task: state.task, taskLabel: label, place, placeName: placeName(place), asOf, actor: state.actor }, d.whoCovers);
  } catch (err) {
    if (seq === whoSeq) whoError(els.who, errorText(err));
  }
}

// ---------------------------------------------------------------- 2. timeline
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
  renderGantt();
  const place = currentPlace();
  const key = `${place}|${data.range.from}|${data.range.to}|${state.planned}`;
  if (key === data.timelineKey) return;
  const seq = ++timelineSeq;
  const cov = $("coverage-time");
  cov.dataset.state = "loading";
  viewStatus("timeline", "loading", `Loading the coverage timeline of ${placeName(place)}, ${data.range.from}–${data.range.to}…`);
  try {
    const d = await gql(Q.timeline, { place, from: `${data.range.from}-01-01`, to: `${data.range.to}-12-01`, planned: state.planned });
    if (seq !== timelineSeq) return;
    data.timelineKey = key;
    timeline.renderCoverage(d.coverageTimeline, data.tasks, data.range);
    if (!d.coverageTimeline.length) {
      cov.dataset.state = "empty";
      showMessage(els.timelineMsg, "empty", `No task is mandated or covered in ${placeName(place)} between ${data.range.from} and ${data.range.to}.`);
    }
    viewStatus("timeline", "ready", `Timeline of ${placeName(place)}: ${c.missions.length} missions, ${c.transitions.length} transitions.`);
  } catch (err) {
    if (seq !== timelineSeq) return;
    cov.dataset.state = "error";
    showMessage(els.timelineMsg, "error", errorText(err));
    setStatus("error", errorText(err));
  }
}

// ---------------------------------------------------------------- 3. what-if
function whatIfLabel() {
  if (state.run === "transition") {
    const t = data.country?.transitions.find((x) => x.id === state.tr);
    return t ? `Recorded transition: ${t.kind} of ${actorLabel(t.from)} (ends ${t.end})` : `Recorded transition ${state.tr}`;
  }
  const ho = state.ho.length ? `, handing over ${state.ho.map((x) => `${data.tasks.get(x.task)?.label || x.task} → ${actorName(x.to)}`).join(", ")}` : "";
  return `What if ${state.wi.map(actorName).join(" and ")} leave${state.wi.length === 1 ? "s" : ""} on ${state.wid}${ho}`;
}

let whatIfSeq = 0;
async function loadWhatIf(force = false) {
  if (!data.country || !state.run) return;
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
    for (const c of [...d.lost, ...d.thinned, ...d.saved]) remember(c.candidates.filter((k) => k.name && k.name !== k.actor).map((k) => ({ id: k.actor, name: k.name })));
    renderDrawdown(el, d, ctx, whatIfLabel());
    el.dataset.run = state.run;
    viewStatus("whatif", "ready", `${whatIfLabel()}: ${d.lost.length} cell(s) lost, ${d.thinned.length} thinned, ${d.saved.length} saved; ${d.fundingEnding.length} funding line(s) end.`);
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

// ---------------------------------------------------------------- 5. graph
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

// ---------------------------------------------------------------- tabs and refresh
function showTab(tab) {
  state.tab = TABS.includes(tab) ? tab : "country";
  for (const t of TABS) {
    const btn = $(`tab-${t}`);
    const on = t === state.tab;
    btn.setAttribute("aria-selected", String(on));
    btn.tabIndex = on ? 0 : -1;
    $(`panel-${t}`).hidden = !on;
  }
  syncUrl();
  refresh();
}

async function refresh() {
  syncUrl();
  if (!data.country) return;
  const jobs = [loadMatrix()];
  if (state.tab === "timeline") jobs.push(loadTimeline());
  if (state.tab === "whatif") jobs.push(loadWhatIf());
  if (state.tab === "graph") jobs.push(loadGraph());
  if (state.task) jobs.push(loadWhoCovers());
  await Promise.all(jobs);
}

function bind() {
  els.country.addEventListener("change", () => {
    state.area = "";
    state.task = state.actor = state.mission = state.focus = state.tr = state.run = "";
    state.wi = [];
    state.ho = [];
    selectCountry(els.country.value);
  });
  els.area.addEventListener("change", () => {
    state.area = els.area.value;
    data.whoAt = null;
    refresh();
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
    if (tab) showTab(tab.dataset.tab);
  });
  tablist.addEventListener("keydown", (e) => {
    const i = TABS.indexOf(state.tab);
    const next = { ArrowRight: (i + 1) % TABS.length, ArrowLeft: (i + TABS.length - 1) % TABS.length, Home: 0, End: TABS.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    showTab(TABS[next]);
    $(`tab-${TABS[next]}`).focus();
  });
  $("export-csv").addEventListener("click", async () => {
    if (!data.matrix) return;
    setStatus("loading", "Preparing the CSV (HXL)…");
    try {
      await exportCsv(data.matrix);
      setStatus("ready", `Exported the matrix of ${data.matrix.placeName} on ${data.matrix.asOf} as CSV (HXL).`);
    } catch (err) {
      setStatus("error", errorText(err));
    }
  });
  $("export-png").addEventListener("click", () => data.matrix && exportPng(heatmap.chart, data.matrix));
  $("export-svg").addEventListener("click", () => data.matrix && exportSvg(els.heatmap, data.matrix, data.orgs));
  $("graph-png").addEventListener("click", () => {
    if (!network) return;
    const a = h("a", { href: network.png(), download: `peacegraph-${state.focus.replace(/[^a-z0-9-]+/gi, "-")}.png` });
    document.body.append(a);
    a.click();
    a.remove();
  });
  els.graphFocus.addEventListener("change", () => els.graphFocus.value && focusGraph(els.graphFocus.value));
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
    const countryChanged = next.country !== state.country;
    Object.assign(state, next);
    els.planned.checked = state.planned;
    if (countryChanged) {
      els.country.value = state.country;
      await selectCountry(state.country);
    } else if (data.country) {
      els.area.value = state.area;
      if (isDate(state.date)) setDate(state.date);
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
  setStatus("loading", "Loading the countries and the task taxonomy…");
  try {
    const d = await gql(Q.bootstrap);
    data.countries = edges(d.places);
    for (const t of edges(d.tasks)) data.tasks.set(t.id, t);
  } catch (err) {
    document.body.dataset.api = "down";
    els.country.replaceChildren(h("option", { value: "" }, "API unavailable"));
    setStatus("error", errorText(err));
    showMessage(els.matrixMsg, "error", errorText(err));
    els.heatmap.dataset.state = "error";
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
    setStatus("idle", "Choose a country to see who covers which mandated task.");
  }
}

// Read-only handles for debugging and the browser tests (chart instances and the current data).
window.__peacegraph = { state, data, heatmap: () => heatmap.chart, gantt: () => timeline.gantt, cy: () => network?.cy };
init();
