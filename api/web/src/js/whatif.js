// Drawdown what-if: departures + handovers → cells lost, thinned and saved, ranked candidates, funding that ends.
import { h, actorLabel, stateBadge, causeBadge, currencyBadges, dateEl } from "./common.js";

const BASIS = {
  same_place_same_group: "already here, related task",
  present_in_country: "present in the country",
  partner_under_agreement: "partner under an agreement",
  host_state: "host state",
};

export function renderWhatIfForm(ctx) {
  const { state, data } = ctx;
  const actorsEl = document.getElementById("wi-actors");
  const checked = new Set([...state.wi, ...[...actorsEl.querySelectorAll("input:checked")].map((x) => x.value)]);
  const known = new Map();
  for (const m of data.country?.missions || []) known.set(m.id, m);
  for (const a of data.matrix?.actors || []) if (!known.has(a.id)) known.set(a.id, a);
  for (const id of state.wi) if (!known.has(id)) known.set(id, { id, name: id });
  const list = [...known.values()].sort((a, b) => actorLabel(a).localeCompare(actorLabel(b)));
  actorsEl.replaceChildren(...list.map((a) => h("label", { title: a.name },
    h("input", { type: "checkbox", name: "wi-actor", value: a.id, checked: checked.has(a.id) }), actorLabel(a))));
  if (!list.length) actorsEl.append(h("span", { class: "hint" }, "No actors recorded for this country."));
  // The leave date is the page's date until one is chosen here.
  document.getElementById("wi-date").value = state.wid || state.date || "";

  const trSel = document.getElementById("wi-transition");
  const chosen = state.tr || trSel.value;  // a choice not yet opened survives a redraw of the form
  const trs = data.country?.transitions || [];
  trSel.replaceChildren(h("option", { value: "" }, trs.length ? "Choose a recorded transition" : "No recorded transition"),
    ...trs.map((t) => h("option", { value: t.id, selected: t.id === chosen }, transitionLabel(t, data.country))));

  const hoEl = document.getElementById("wi-handovers");
  hoEl.replaceChildren(...state.ho.map((x) => handoverRow(ctx, x)));
}

export function handoverRow(ctx, { task = "", to = "" } = {}) {
  const tasks = [...ctx.data.tasks.values()].sort((a, b) => a.label.localeCompare(b.label));
  const actors = new Map();
  for (const m of ctx.data.country?.missions || []) actors.set(m.id, actorLabel(m));
  for (const a of ctx.data.matrix?.actors || []) actors.set(a.id, actorLabel(a));
  const gov = ctx.data.country?.government;
  if (gov) actors.set(gov.id, actorLabel(gov));
  if (to && !actors.has(to)) actors.set(to, to);
  const n = document.querySelectorAll("#wi-handovers li").length + 1 + Math.floor(Math.random() * 1e6);
  const li = h("li", { class: "handover" },
    h("label", { for: `ho-task-${n}`, class: "visually-hidden" }, "Task handed over"),
    h("select", { id: `ho-task-${n}`, class: "ho-task" }, h("option", { value: "" }, "task…"),
      tasks.map((t) => h("option", { value: t.id, selected: t.id === task }, t.label))),
    " → ",
    h("label", { for: `ho-to-${n}`, class: "visually-hidden" }, "Actor that takes it"),
    h("select", { id: `ho-to-${n}`, class: "ho-to" }, h("option", { value: "" }, "actor…"),
      [...actors].map(([id, label]) => h("option", { value: id, selected: id === to }, label))),
    h("button", { type: "button", "aria-label": "Remove this handover", onclick: () => li.remove() }, "✕"));
  return li;
}

export function readWhatIfForm() {
  const wi = [...document.querySelectorAll('#wi-actors input[name="wi-actor"]:checked')].map((x) => x.value);
  const wid = document.getElementById("wi-date").value;
  const ho = [...document.querySelectorAll("#wi-handovers li")].map((li) => ({
    task: li.querySelector(".ho-task").value, to: li.querySelector(".ho-to").value,
  })).filter((x) => x.task && x.to);
  return { wi, wid, ho };
}

/** "drawdown: MONUSCO → — (1 Jul 2024) · South Kivu": the place is named when it is an area, not the country. */
export function transitionLabel(t, country) {
  const areas = (t.places || []).filter((p) => p.id !== country?.id);
  const where = areas.length ? ` · ${areas.map((p) => p.name).join(", ")}` : "";
  const end = t.endPrecision && t.endPrecision !== "day" ? `${t.end.slice(0, t.endPrecision === "year" ? 4 : 7)}, ${t.endPrecision}` : t.end;
  return `${t.kind}: ${actorLabel(t.from) || "?"} → ${t.to.map(actorLabel).join(", ") || "—"} (${end})${where}`;
}

/** Candidates grouped by rank: one entry per rank, its tied candidates together. */
export function rankGroups(candidates) {
  const groups = new Map();
  for (const k of candidates) {
    if (!groups.has(k.rank)) groups.set(k.rank, []);
    groups.get(k.rank).push(k);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

function candidateList(c, ctx) {
  if (!c.candidates.length) return h("span", { class: "hint" }, "no candidate found");
  return h("ol", { class: "candidates" }, rankGroups(c.candidates).map(([rank, ks]) =>
    h("li", { class: "rank-group", dataset: { rank: String(rank), tied: String(ks.length) } },
      h("span", { class: "rank" }, ks.length > 1 ? `Rank ${rank} — tied (${ks.length})` : `Rank ${rank}`),
      h("ul", { class: "plain-list" }, ks.map((k) => h("li", { class: "candidate", dataset: { actor: k.actor, rank: String(k.rank), basis: k.basis } },
        h("strong", {}, k.name && k.name !== k.actor ? k.name : ctx.actorName(k.actor)), " ",
        h("span", { class: "basis" }, `(${BASIS[k.basis] || k.basis})`), " — ", h("span", { class: "reason" }, k.reason), " ",
        currencyBadges(k.currency), " ",
        h("button", { type: "button", class: "handover-button", "aria-label": `hand over ${c.taskLabel} to ${k.name || k.actor}, and re-run`,
          onclick: () => ctx.addHandover(c.task, k.actor) }, "hand over")))))));
}

function affectsText(c) {
  const areas = c.affects.filter((a) => a.place !== c.declaredAt);
  if (!areas.length) return c.placeName;
  return `${areas.length} area(s): ${areas.map((a) => a.placeName).join(", ")}`;
}

/** One table per list, grouped by task: each loss once, at the place it was declared, with the areas it affects. */
function cellTable(kind, cells, ctx, { withCandidates, caption }) {
  if (!cells.length) return h("p", { class: "hint", dataset: { empty: kind } }, `No ${caption}.`);
  const name = (id) => ctx.actorName(id);
  const byTask = new Map();
  for (const c of cells) {
    if (!byTask.has(c.task)) byTask.set(c.task, []);
    byTask.get(c.task).push(c);
  }
  const last = withCandidates ? "Who could pick it up (ranked; ties share a rank)" : kind === "saved" ? "Saved by" : "Now covered by";
  return h("table", { class: `cells cells-${kind}`, dataset: { outcome: kind } },
    h("caption", { class: "visually-hidden" }, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Task"), h("th", { scope: "col" }, "Declared for"),
      h("th", { scope: "col" }, "Affects"), h("th", { scope: "col" }, "Cause"), h("th", { scope: "col" }, "Before"),
      h("th", { scope: "col" }, "After"), h("th", { scope: "col" }, last))),
    [...byTask.values()].map((group) => h("tbody", { dataset: { task: group[0].task } }, group.map((c, i) =>
      h("tr", { class: "cell-row", dataset: { task: c.task, place: c.declaredAt || c.place, outcome: c.outcome, cause: c.cause || "" } },
        i === 0 ? h("th", { scope: "rowgroup", rowspan: String(group.length) },
          h("button", { type: "button", onclick: () => ctx.whoCovers(c.task, null, c.place), "aria-label": `Who covers ${c.taskLabel} in ${c.placeName}` }, c.taskLabel)) : null,
        h("td", {}, c.placeName),
        h("td", { class: "affects", dataset: { areas: c.affects.map((a) => a.place).join(",") } }, affectsText(c)),
        h("td", {}, c.cause ? causeBadge(c.cause) : "—"),
        h("td", {}, c.before.map(name).join(", ") || "—", " ", c.stateBefore ? stateBadge(c.stateBefore) : ""),
        h("td", {}, c.after.map(name).join(", ") || "nobody", " ", c.stateAfter ? stateBadge(c.stateAfter) : stateBadge("gap")),
        h("td", {}, withCandidates ? candidateList(c, ctx) : kind === "saved" ? name(c.savedBy) || "—" : c.after.map(name).join(", ") || "—"),
      )))));
}

export function renderDrawdown(el, d, ctx, label) {
  el.replaceChildren();
  el.dataset.state = "ready";
  el.dataset.place = d.placeId;
  el.dataset.transition = d.transitionId || "";
  const n = d.taskCounts;
  el.dataset.lost = String(n.lost);
  el.dataset.thinned = String(n.thinned);
  el.dataset.saved = String(n.saved);
  const money = (f) => (f.amount != null ? `${f.amount.toLocaleString("en")} ${f.currency || ""}` : "amount not recorded");
  const tasks = (k) => (k === 1 ? "task" : "tasks");
  el.append(
    h("h2", { id: "wi-result-title" }, label),
    h("p", {}, `${d.placeName}: the day before is `, dateEl(d.before), ", the first day after is ", dateEl(d.after), ". Departures: ",
      d.departures.map((x) => `${ctx.actorName(x.actor)} on ${x.date}${x.places.length ? ` from ${x.places.map((p) => ctx.placeName(p)).join(", ")}` : ""}`).join("; ") || "none", "."),
    h("div", { class: "summary", "aria-label": "Counts of distinct tasks" },
      h("span", { class: "pill lost", dataset: { count: "lost" } }, `✕ ${n.lost} ${tasks(n.lost)} lost`),
      h("span", { class: "pill thinned", dataset: { count: "thinned" } }, `◐ ${n.thinned} thinned`),
      h("span", { class: "pill saved", dataset: { count: "saved" } }, `✓ ${n.saved} saved`),
      h("span", { class: "pill handed", dataset: { count: "handed-over" } }, `⇄ ${n.handedOver} handed over`),
      n.otherLosses ? h("span", { class: "pill other", dataset: { count: "other" } }, `⚠ ${n.otherLosses} lost for another cause`) : null,
      h("span", { class: "pill funding" }, `€ ${d.fundingEnding.length} funding line(s) end`)),
    h("h3", {}, "Lost — nobody covers them after the departure"),
    cellTable("lost", d.lost, ctx, { withCandidates: true, caption: "cells lost" }),
    h("h3", {}, "Thinned — one actor left"),
    cellTable("thinned", d.thinned, ctx, { withCandidates: true, caption: "cells thinned" }),
    d.otherLosses.length ? h("h3", {}, "Lost or thinned the same day for another cause (not the departure)") : null,
    d.otherLosses.length ? cellTable("other", d.otherLosses, ctx, { withCandidates: true, caption: "other losses" }) : null,
    h("h3", {}, "Saved — by a handover"),
    cellTable("saved", d.saved, ctx, { withCandidates: false, caption: "cells saved" }),
    d.handedOver.length ? h("h3", {}, "Handed over — a successor or another actor covers them after") : null,
    d.handedOver.length ? cellTable("handed", d.handedOver, ctx, { withCandidates: false, caption: "cells handed over" }) : null,
    h("h3", {}, "Funding lines that end"),
    d.fundingEnding.length
      ? h("table", { class: "funding" },
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Funding line"), h("th", { scope: "col" }, "Funders"), h("th", { scope: "col" }, "Instrument"), h("th", { scope: "col" }, "Amount"), h("th", { scope: "col" }, "Pays for"))),
        h("tbody", {}, d.fundingEnding.map((f) => h("tr", { dataset: { funding: f.id } },
          h("td", {}, f.name), h("td", {}, f.funders.map((x) => ctx.actorName(x)).join(", ")), h("td", {}, f.instrument),
          h("td", {}, money(f)), h("td", {}, f.tasks.map((t) => ctx.data.tasks.get(t)?.label || t).join(", "))))))
      : h("p", { class: "hint" }, "No funding line ends."),
  );
}
