// Briefing: one document to print or hand over — title, country (or the portfolio), date, legend, the matrix, the
// mandates in force (symbols and end dates), the sources behind each cell, and for a what-if its losses and
// candidates. The print stylesheet prints this document alone, whatever tab is open.
import { actorLabel, dateEl, h, stateBadge, today, causeBadge, currencyText } from "./common.js";
import { legendItems, renderMatrixTable } from "./heatmap.js";
import { rankGroups } from "./whatif.js";
import { renderPortfolioTable } from "./portfolio.js";

const MANDATE_KIND = {
  unsc_resolution: "UN Security Council resolution", au_psc_communique: "AU PSC communiqué",
  eu_council_decision: "EU Council decision", nac_decision: "NATO NAC decision", regional_decision: "regional decision",
  agreement: "agreement", other: "other",
};

const inForce = (m, date) => (!m.validFrom || m.validFrom <= date) && (!m.validTo || date < m.validTo);

/** The mandates in force on the date: those authorising the country's missions in force then (a mandate with no
 * recorded end does not outlive its missions), and those the matrix's demand cites. */
export function mandatesInForce(country, matrix, demandMandates) {
  const byId = new Map();
  const missions = new Set(country.missions.filter((m) => inForce(m, matrix.asOf)).map((m) => m.id));
  for (const m of country.mandates) {
    if (inForce(m, matrix.asOf) && (m.authorizes || []).some((a) => missions.has(a.id))) byId.set(m.id, m);
  }
  for (const m of demandMandates) if (!byId.has(m.id)) byId.set(m.id, m);
  const demand = new Set(matrix.tasks.flatMap((t) => t.demand));
  return [...byId.values()].filter((m) => inForce(m, matrix.asOf) || demand.has(m.id))
    .sort((a, b) => (a.validTo || "9999").localeCompare(b.validTo || "9999") || a.symbol.localeCompare(b.symbol));
}

function head(title, sub) {
  return h("header", { class: "doc-head" },
    h("h1", { id: "briefing-title" }, title),
    h("p", { class: "doc-sub" }, sub),
    h("p", { class: "doc-note" }, `Prepared ${today()} with peacegraph from its sourced facts. Only actual coverage counts unless planned is included; ` +
      "a cell's sources are listed under “Sources behind each cell”."));
}

function section(id, title, ...children) {
  return h("section", { class: "doc-section", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

export function renderCountryBriefing(el, { country, matrix, orgs, facts, demandMandates, drawdown, drawdownLabel, actorName, placeName, areaOnly }) {
  const where = matrix.placeId === country.id ? country.name : `${matrix.placeName}, ${country.name}`;
  const legend = h("div", { class: "legend doc-legend" });
  legendItems(legend, { area: matrix.placeId !== matrix.country });
  const table = h("table", { class: "doc-matrix" });
  renderMatrixTable(table, matrix, orgs, { onCell: () => {}, onTask: () => {}, areaOnly });
  const mandates = mandatesInForce(country, matrix, demandMandates);
  const authorises = (m) => (m.authorizes || []).map((a) => actorName(a.id)).join(", ");
  const cells = matrix.cells.filter((c) => !areaOnly || !c.inherited);
  const tasks = new Map(matrix.tasks.map((t) => [t.task, t]));
  const actors = new Map(matrix.actors.map((a) => [a.id, a]));
  const c = matrix.counts;
  el.replaceChildren(
    head(`Briefing — ${where}`, `Coverage on ${matrix.asOf}${matrix.includePlanned ? " (planned included)" : ""}. ` +
      `✓ ${c.covered} covered, ◐ ${c.thin} thin, ⊕ ${c.overlap} overlap, ✕ ${c.gap} gap` +
      `${matrix.dataCurrentTo ? `; data current to ${matrix.dataCurrentTo}` : ""}.`),
    section("doc-legend-title", "Legend", legend),
    section("doc-matrix-title", `The matrix: ${matrix.tasks.length} tasks × ${matrix.actors.length} actors`, h("div", { class: "table-wrap wide print-full" }, table)),
    section("doc-mandates-title", `Mandates in force on ${matrix.asOf}`,
      mandates.length ? h("table", { class: "doc-mandates" },
        h("thead", {}, h("tr", {}, ["Symbol", "Kind", "Does", "Authorises", "In force from", "Ends"].map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, mandates.map((m) => h("tr", { dataset: { mandate: m.id } },
          h("th", { scope: "row" }, m.symbol, m.title ? h("div", { class: "hint" }, m.title) : null),
          h("td", {}, MANDATE_KIND[m.kind] || m.kind), h("td", {}, m.action || "—"), h("td", {}, authorises(m) || "—"),
          h("td", {}, dateEl(m.validFrom, m.validFromPrecision, "?")), h("td", {}, dateEl(m.validTo, m.validToPrecision, "no end set")))))) :
        h("p", { class: "hint" }, "No mandate in force is recorded.")),
    section("doc-sources-title", "Sources behind each cell",
      h("ul", { class: "doc-sources" }, cells.map((cell) => {
        const t = tasks.get(cell.task);
        const a = actors.get(cell.actor);
        const cites = cell.coverageIds.map((id) => facts.get(id)).filter(Boolean);
        return h("li", { dataset: { task: cell.task, actor: cell.actor } },
          h("strong", {}, `${t?.label || cell.task} — ${actorLabel(a) || cell.actor}`),
          currencyText(a?.currency) ? h("span", { class: "hint" }, ` (${currencyText(a.currency)})`) : null,
          h("ul", {}, cites.flatMap((f) => f.sources.map((s) => h("li", { class: "doc-source", dataset: { source: s.sourceId } },
            `${s.source?.symbol || s.source?.title || s.sourceId}`, s.source?.symbol && s.source?.title ? ` — ${s.source.title}` : "",
            `, ${s.locator}`, s.quote ? h("q", {}, ` ${s.quote}`) : null)))));
      }))),
    drawdown ? section("doc-whatif-title", drawdownLabel, drawdownSummary(drawdown, actorName)) : null,
  );
  el.dataset.state = "ready";
  el.dataset.kind = "country";
  el.dataset.place = matrix.placeId;
  el.dataset.asOf = matrix.asOf;
  el.dataset.whatif = drawdown ? "1" : "0";
}

function drawdownSummary(d, actorName) {
  const n = d.taskCounts;
  const rows = [...d.lost, ...d.thinned, ...d.otherLosses];
  return h("div", {},
    h("p", {}, `${d.placeName}: ${n.lost} task(s) lost, ${n.thinned} thinned, ${n.saved} saved, ${n.handedOver} handed over` +
      `${n.otherLosses ? `, ${n.otherLosses} lost for another cause` : ""}; the first day after is ${d.after}.`),
    rows.length ? h("table", { class: "doc-losses" },
      h("thead", {}, h("tr", {}, ["Task", "Declared for", "Affects", "Cause", "After", "Candidates (ranked; ties share a rank)"].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, rows.map((c) => h("tr", { dataset: { task: c.task, place: c.declaredAt } },
        h("th", { scope: "row" }, c.taskLabel), h("td", {}, c.placeName),
        h("td", {}, c.affects.filter((a) => a.place !== c.declaredAt).map((a) => a.placeName).join(", ") || "—"),
        h("td", {}, causeBadge(c.cause)), h("td", {}, stateBadge(c.stateAfter || "gap")),
        h("td", {}, rankGroups(c.candidates).map(([rank, ks]) => h("div", {},
          `${rank}${ks.length > 1 ? "=" : ""}. `, ks.map((k) => `${k.name || actorName(k.actor)} (${k.reason})`).join("; "))))))))
      : h("p", { class: "hint" }, "Nothing is lost or thinned."));
}

export function renderPortfolioBriefing(el, { portfolio, actorName }) {
  const table = h("table", { class: "doc-portfolio" });
  renderPortfolioTable(table, portfolio, { sort: "gap", dir: "desc", onSort: () => {}, onCountry: () => {}, actorName });
  const expiring = portfolio.countries.flatMap((c) => c.expiringMandates.map((m) => ({ ...m, country: c.name })))
    .sort((a, b) => a.validTo.localeCompare(b.validTo));
  el.replaceChildren(
    head("Briefing — portfolio", `${portfolio.countries.length} countries with operations in force on ${portfolio.asOf}; ` +
      `mandates expiring within ${portfolio.horizonMonths} months; transitions within 12 months.`),
    section("doc-legend-title", "Legend", h("ul", { class: "doc-legend" },
      h("li", {}, "Gap: mandated, nobody covers it. Thin: one actor only. Overlap: two or more organisations."),
      h("li", {}, "Risk: distinct tasks that the country's transitions within 12 months would leave with nobody."),
      h("li", {}, "Data current to: the latest date a source confirmed a fact in force there; ⚠ stale: open-ended facts last confirmed long ago."))),
    section("doc-portfolio-title", "Countries", h("div", { class: "table-wrap wide print-full" }, table)),
    section("doc-mandates-title", `Mandates expiring within ${portfolio.horizonMonths} months`,
      expiring.length ? h("table", { class: "doc-mandates" },
        h("thead", {}, h("tr", {}, ["Symbol", "Country", "Ends", "Missions", "Renewed by"].map((x) => h("th", { scope: "col" }, x)))),
        h("tbody", {}, expiring.map((m) => h("tr", { dataset: { mandate: m.mandateId } },
          h("th", { scope: "row" }, m.mandateId), h("td", {}, m.country), h("td", {}, dateEl(m.validTo)),
          h("td", {}, m.missions.map(actorName).join(", ")), h("td", {}, m.renewedBy.join(", ") || "—")))))
        : h("p", { class: "hint" }, "No mandate expires within the horizon.")),
    section("doc-sources-title", "Sources", h("p", {}, "Each country's briefing lists the sources behind each of its cells; " +
      "the portfolio's counts come from the coverage facts and mandates of the graph on this date.")),
  );
  el.dataset.state = "ready";
  el.dataset.kind = "portfolio";
  el.dataset.asOf = portfolio.asOf;
  el.dataset.whatif = "0";
}
