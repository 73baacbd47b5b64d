// Portfolio landing: every country with operations in force on the date — task states, operations, mandates
// expiring within the horizon, transitions within 12 months and what each would leave uncovered (the risk radar),
// data currency — as a sortable table and a world map (Natural Earth boundaries from world-atlas, drawn by ECharts).
import * as echarts from "echarts";
import { h } from "./common.js";

const MAP_URL = new URL("../vendor/world-50m.geo.json", import.meta.url).href;
// Natural Earth draws these apart from the state the graph knows them as.
const MAP_ALIASES = { Somaliland: "SOM", "N. Cyprus": "CYP" };

/** The risk of a country: distinct tasks that its transitions within 12 months would leave with nobody. */
export function riskOf(c) {
  return new Set(c.transitions.flatMap((t) => t.uncoveredTasks)).size;
}

export const COLUMNS = [
  { key: "name", label: "Country", value: (c) => c.name, text: true },
  { key: "gap", label: "Gap", value: (c) => c.counts.gap, help: "mandated tasks nobody covers" },
  { key: "thin", label: "Thin", value: (c) => c.counts.thin, help: "tasks only one actor covers" },
  { key: "overlap", label: "Overlap", value: (c) => c.counts.overlap, help: "tasks two or more organisations cover" },
  { key: "operations", label: "Operations", value: (c) => c.operationCount, help: "operations present on the date" },
  { key: "expiring", label: "Mandates expiring", value: (c) => c.expiringMandates.length, help: "mandates in force that end within the horizon" },
  { key: "transitions", label: "Transitions ≤ 12 months", value: (c) => c.transitions.length, help: "recorded or planned transitions ending within 12 months" },
  { key: "risk", label: "Risk: tasks left uncovered", value: riskOf, help: "distinct tasks those transitions would leave with nobody" },
  { key: "current", label: "Data current to", value: (c) => c.dataCurrentTo || "", text: true, help: "the latest date a source confirmed a fact in force there" },
];

export function sortCountries(countries, key, dir) {
  const col = COLUMNS.find((c) => c.key === key) || COLUMNS[1];
  const sign = dir === "asc" ? 1 : -1;
  return [...countries].sort((a, b) => {
    const va = col.value(a);
    const vb = col.value(b);
    const cmp = col.text ? String(va).localeCompare(String(vb)) : va - vb;
    return sign * cmp || a.name.localeCompare(b.name);
  });
}

let geo = null;
async function worldGeo() {
  if (!geo) {
    geo = fetch(MAP_URL).then((r) => {
      if (!r.ok) throw new Error(`the world map ${MAP_URL} answered HTTP ${r.status}: run \`make web\``);
      return r.json();
    }).then((g) => {
      for (const f of g.features) f.properties.iso3 = f.properties.iso3 || MAP_ALIASES[f.properties.name] || "";
      echarts.registerMap("world", g);
      return g;
    });
  }
  return geo;
}

export function createPortfolioMap(el, { onCountry }) {
  const chart = echarts.init(el, null, { renderer: "canvas" });
  new ResizeObserver(() => chart.resize()).observe(el);
  chart.on("click", (p) => {
    const iso3 = p.data?.iso3;
    if (iso3 && p.data.inPortfolio) onCountry(iso3);
  });
  return {
    chart,
    /** Start fetching the map while the page asks the API for the portfolio. */
    prefetch() {
      worldGeo().catch(() => {});
    },
    async render(portfolio, colourBy) {
      const g = await worldGeo();
      const byId = new Map(portfolio.countries.map((c) => [c.country, c]));
      const metric = colourBy === "risk" ? riskOf : (c) => c.counts.gap;
      const data = g.features.map((f) => {
        const c = byId.get(f.properties.iso3);
        return { name: f.properties.name, iso3: f.properties.iso3, inPortfolio: Boolean(c), value: c ? metric(c) : null, country: c };
      });
      const pieces = colourBy === "risk"
        ? [{ value: 0, label: "0 tasks at risk", color: "#d8e6f2" }, { min: 1, max: 2, label: "1–2", color: "#f4a582" },
          { min: 3, max: 5, label: "3–5", color: "#d6604d" }, { min: 6, label: "6 or more", color: "#67001f" }]
        : [{ value: 0, label: "no gap", color: "#d8e6f2" }, { min: 1, max: 2, label: "1–2 gaps", color: "#f4a582" },
          { min: 3, max: 5, label: "3–5", color: "#d6604d" }, { min: 6, label: "6 or more", color: "#67001f" }];
      chart.setOption({
        animation: false,
        aria: { enabled: true, label: { description: `Map of the ${portfolio.countries.length} countries with operations on ${portfolio.asOf}, coloured by ${colourBy === "risk" ? "tasks at risk from transitions within 12 months" : "gap count"}; the same data is in the table` } },
        tooltip: {
          formatter: (p) => {
            const c = p.data?.country;
            if (!c) return `${p.name}: no operation in force`;
            return `<b>${c.name}</b><br>✕ ${c.counts.gap} gap · ◐ ${c.counts.thin} thin · ⊕ ${c.counts.overlap} overlap` +
              `<br>${c.operationCount} operation(s); ${c.expiringMandates.length} mandate(s) expiring` +
              `<br>${c.transitions.length} transition(s) ≤ 12 months, ${riskOf(c)} task(s) left uncovered<br><i>click: open the country</i>`;
          },
        },
        visualMap: {
          type: "piecewise", pieces, orient: "vertical", left: 8, bottom: 8, itemWidth: 14, itemHeight: 10,
          textStyle: { fontSize: 11 }, outOfRange: { color: "#eeeeee" },
          text: [colourBy === "risk" ? "tasks at risk (12 months)" : "gaps today"], showLabel: true,
        },
        series: [{
          type: "map", map: "world", nameProperty: "name", roam: true, boundingCoords: [[-118, 60], [152, -36]], scaleLimit: { min: 1, max: 8 },
          itemStyle: { borderColor: "#ffffff", borderWidth: 0.5, areaColor: "#eeeeee" },
          emphasis: { itemStyle: { areaColor: "#ffbf47" }, label: { show: false } },
          select: { disabled: true }, label: { show: false },
          data: data.map((d) => (d.inPortfolio ? d : { ...d, value: null, itemStyle: { areaColor: "#eeeeee" }, emphasis: { disabled: true } })),
        }],
      }, { notMerge: true });
      el.dataset.state = "ready";
      el.dataset.colour = colourBy;
      el.dataset.countries = String(portfolio.countries.length);
    },
  };
}

/** The sortable table (the map's accessible mirror): sort buttons in the headers, a button per country. */
export function renderPortfolioTable(table, portfolio, { sort, dir, onSort, onCountry, actorName }) {
  const rows = sortCountries(portfolio.countries, sort, dir);
  table.replaceChildren(
    h("caption", {}, `${portfolio.countries.length} countries with operations in force on ${portfolio.asOf}; mandates expiring within ${portfolio.horizonMonths} months; transitions within 12 months`),
    h("thead", {}, h("tr", {}, COLUMNS.map((col) => {
      const on = col.key === sort;
      return h("th", { scope: "col", "aria-sort": on ? (dir === "asc" ? "ascending" : "descending") : "none", dataset: { col: col.key }, title: col.help || null },
        h("button", { type: "button", class: "sort", onclick: () => onSort(col.key, on && dir === "desc" ? "asc" : on ? "desc" : col.text ? "asc" : "desc") },
          col.label, h("span", { class: "sort-mark", "aria-hidden": "true" }, on ? (dir === "asc" ? " ▲" : " ▼") : " ↕")));
    }))),
    h("tbody", {}, rows.map((c) => h("tr", { dataset: { country: c.country, gap: String(c.counts.gap), thin: String(c.counts.thin), overlap: String(c.counts.overlap), operations: String(c.operationCount), expiring: String(c.expiringMandates.length), transitions: String(c.transitions.length), risk: String(riskOf(c)) } },
      h("th", { scope: "row" }, h("button", { type: "button", class: "country-button", onclick: () => onCountry(c.country), "aria-label": `Open ${c.name}` }, c.name)),
      h("td", { class: `num${c.counts.gap ? " hot" : ""}` }, String(c.counts.gap)),
      h("td", { class: "num" }, String(c.counts.thin)),
      h("td", { class: "num" }, String(c.counts.overlap)),
      h("td", { class: "num", title: c.operations.map(actorName).join(", ") }, String(c.operationCount)),
      h("td", {}, c.expiringMandates.length ? h("ul", { class: "plain-list tight" }, c.expiringMandates.map((m) =>
        h("li", { dataset: { mandate: m.mandateId } }, `${m.mandateId} — ends ${m.validTo}`, m.renewedBy.length ? ` (renewed by ${m.renewedBy.join(", ")})` : ""))) : "—"),
      h("td", {}, c.transitions.length ? h("ul", { class: "plain-list tight" }, c.transitions.map((t) =>
        h("li", { dataset: { transition: t.transitionId, uncovered: String(t.uncoveredCount) } },
          `${t.kind} of ${actorName(t.fromActor) || "?"}${t.places.some((p) => p !== c.country) ? ` (${t.places.filter((p) => p !== c.country).join(", ")})` : ""}, ${t.end}: `,
          h("strong", {}, `${t.uncoveredCount} task(s) uncovered`)))) : "—"),
      h("td", { class: `num${riskOf(c) ? " hot" : ""}` }, String(riskOf(c))),
      h("td", {}, c.dataCurrentTo || "—", c.staleFacts ? h("span", { class: "badge badge-stale", title: "facts in force whose confirmation is old" }, ` ⚠ ${c.staleFacts} stale`) : null),
    ))),
  );
}
