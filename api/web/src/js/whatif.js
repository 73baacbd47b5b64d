// Drawdown what-if: departures + handovers → cells lost, thinned and saved, ranked candidates, funding that ends.
import { h, actorLabel, stateBadge } from "./common.js";

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
  const date = document.getElementById("wi-date");
  date.value = state.wid || date.value || state.date || "";

  const trSel = document.getElementById("wi-transition");
  const trs = data.country?.transitions || [];
  trSel.replaceChildren(h("option", { value: "" }, trs.length ? "Choose a recorded transition" : "No recorded transition"),
    ...trs.map((t) => h("option", { value: t.id, selected: t.id === state.tr },
      `${t.kind}: ${actorLabel(t.from) || "?"} → ${t.to.map(actorLabel).join(", ") || "—"} (${t.end})`)));

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

function cellTable(kind, cells, ctx, { withCandidates }) {
  if (!cells.length) return h("p", { class: "hint", dataset: { empty: kind } }, `No ${kind} cells.`);
  const name = (id) => ctx.actorName(id);
  return h("table", { class: `cells cells-${kind}`, dataset: { outcome: kind } },
    h("thead", {}, h("tr", {}, h("th", {}, "Task"), h("th", {}, "Place"), h("th", {}, "Before"), h("th", {}, "After"),
      h("th", {}, withCandidates ? "Who could pick it up (ranked)" : kind === "saved" ? "Saved by" : "State"))),
    h("tbody", {}, cells.map((c) => h("tr", { dataset: { task: c.task, place: c.place, outcome: c.outcome } },
      h("td", {}, h("button", { type: "button", onclick: () => ctx.whoCovers(c.task, null, c.place) }, c.taskLabel)),
      h("td", {}, c.placeName),
      h("td", {}, c.before.map(name).join(", ") || "—", " ", c.stateBefore ? stateBadge(c.stateBefore) : ""),
      h("td", {}, c.after.map(name).join(", ") || "—", " ", c.stateAfter ? stateBadge(c.stateAfter) : stateBadge("gap")),
      h("td", {}, withCandidates
        ? h("ol", { class: "candidates" }, c.candidates.map((k) => h("li", { dataset: { actor: k.actor, rank: String(k.rank), basis: k.basis } },
          h("strong", {}, k.name && k.name !== k.actor ? k.name : ctx.actorName(k.actor)), ` — ${k.reason} `, h("span", { class: "basis" }, `(${BASIS[k.basis] || k.basis})`), " ",
          h("button", { type: "button", class: "handover-button", title: `Hand ${c.taskLabel} over to ${k.name} and re-run`,
            onclick: () => ctx.addHandover(c.task, k.actor) }, "hand over"))))
        : kind === "saved" ? name(c.savedBy) || "—" : stateBadge(c.stateAfter)),
    ))));
}

/** Group lost cells of one task over many places for the summary line. */
export function renderDrawdown(el, d, ctx, label) {
  el.replaceChildren();
  el.dataset.state = "ready";
  el.dataset.place = d.placeId;
  el.dataset.transition = d.transitionId || "";
  el.dataset.lost = String(d.lost.length);
  el.dataset.thinned = String(d.thinned.length);
  el.dataset.saved = String(d.saved.length);
  const money = (f) => (f.amount != null ? `${f.amount.toLocaleString("en")} ${f.currency || ""}` : "amount not recorded");
  el.append(
    h("h2", {}, label),
    h("p", {}, `${d.placeName}: the day before is ${d.before}, the first day after is ${d.after}. Departures: `,
      d.departures.map((x) => `${ctx.actorName(x.actor)} on ${x.date}${x.places.length ? ` from ${x.places.join(", ")}` : ""}`).join("; ") || "none", "."),
    h("div", { class: "summary" },
      h("span", { class: "pill lost" }, `✕ ${d.lost.length} lost`),
      h("span", { class: "pill thinned" }, `◐ ${d.thinned.length} thinned`),
      h("span", { class: "pill saved" }, `✓ ${d.saved.length} saved`),
      h("span", { class: "pill funding" }, `€ ${d.fundingEnding.length} funding line(s) end`)),
    h("h3", {}, "Cells lost — nobody covers them after"),
    cellTable("lost", d.lost, ctx, { withCandidates: true }),
    h("h3", {}, "Cells thinned — one actor left"),
    cellTable("thinned", d.thinned, ctx, { withCandidates: true }),
    h("h3", {}, "Cells saved — by a handover"),
    cellTable("saved", d.saved, ctx, { withCandidates: false }),
    h("h3", {}, "Funding lines that end"),
    d.fundingEnding.length
      ? h("table", { class: "funding" },
        h("thead", {}, h("tr", {}, h("th", {}, "Funding line"), h("th", {}, "Funders"), h("th", {}, "Instrument"), h("th", {}, "Amount"), h("th", {}, "Pays for"))),
        h("tbody", {}, d.fundingEnding.map((f) => h("tr", { dataset: { funding: f.id } },
          h("td", {}, f.name), h("td", {}, f.funders.map((x) => ctx.actorName(x)).join(", ")), h("td", {}, f.instrument),
          h("td", {}, money(f)), h("td", {}, f.tasks.map((t) => ctx.data.tasks.get(t)?.label || t).join(", "))))))
      : h("p", { class: "hint" }, "No funding line ends."),
  );
}
