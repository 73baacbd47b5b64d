// Compare two dates: per task, the state and actors on each date side by side, what changed, and the events
// between that explain it (mandates adopted or lapsed, transitions, facts starting or ending). API: coverageDiff.
import { groupLabel, h, stateBadge } from "./common.js";

export const EVENT_LABELS = {
  fact_started: "coverage starts",
  fact_ended: "coverage ends",
  mandate_adopted: "mandate adopted",
  mandate_in_force: "mandate in force",
  mandate_lapsed: "mandate lapsed",
  transition: "transition",
};

function actorsCell(ids, changed, mark, name) {
  if (!ids.length) return h("span", { class: "hint" }, "nobody");
  return h("ul", { class: "plain-list tight" }, ids.map((id) =>
    h("li", { class: changed.has(id) ? `changed ${mark}` : "", dataset: { actor: id } },
      changed.has(id) ? h("span", { class: "change-mark", "aria-label": mark === "added" ? "added" : "removed" }, mark === "added" ? "+ " : "− ") : null,
      name(id))));
}

/** The diff as a table: one row per task (grouped), both dates side by side; `changedOnly` hides the rest. */
export function renderDiff(container, diff, { changedOnly, actorName, onTask }) {
  const tasks = changedOnly ? diff.tasks.filter((t) => t.changed) : diff.tasks;
  container.dataset.state = "ready";
  container.dataset.place = diff.placeId;
  container.dataset.from = diff.from;
  container.dataset.to = diff.to;
  container.dataset.changed = String(diff.tasks.filter((t) => t.changed).length);
  container.dataset.tasks = String(diff.tasks.length);
  const n = diff.tasks.filter((t) => t.changed).length;
  const summary = h("p", { class: "counts" },
    `${diff.placeName}: ${n} of ${diff.tasks.length} tasks changed between ${diff.from} and ${diff.to}.`);
  if (!tasks.length) {
    container.replaceChildren(summary, h("p", { class: "message", dataset: { kind: "empty" } },
      changedOnly ? "Nothing changed between the two dates." : "No task is mandated or covered on either date."));
    return;
  }
  const groups = new Map();
  for (const t of tasks) {
    if (!groups.has(t.group)) groups.set(t.group, []);
    groups.get(t.group).push(t);
  }
  const table = h("table", { class: "diff", id: "diff-table" },
    h("caption", {}, `Coverage of ${diff.placeName} on ${diff.from} and on ${diff.to}`),
    h("thead", {}, h("tr", {},
      h("th", { scope: "col" }, "Task"),
      h("th", { scope: "col" }, `State on ${diff.from}`),
      h("th", { scope: "col" }, `Actors on ${diff.from}`),
      h("th", { scope: "col" }, `State on ${diff.to}`),
      h("th", { scope: "col" }, `Actors on ${diff.to}`),
      h("th", { scope: "col" }, "What happened between"))),
    [...groups.entries()].map(([g, ts]) => h("tbody", { dataset: { group: g } },
      h("tr", { class: "group-row" }, h("th", { colspan: "6", scope: "rowgroup" }, groupLabel(g))),
      ts.map((t) => {
        const removed = new Set(t.removed);
        const added = new Set(t.added);
        return h("tr", { class: t.changed ? "changed-row" : "", dataset: { task: t.task, stateFrom: t.stateFrom || "", stateTo: t.stateTo || "", changed: t.changed ? "1" : "0", added: t.added.join(","), removed: t.removed.join(","), events: String(t.events.length) } },
          h("th", { scope: "row" }, h("button", { type: "button", class: "task-button", onclick: () => onTask(t.task), "aria-label": `Who covers ${t.label}` }, t.label)),
          h("td", {}, t.stateFrom ? stateBadge(t.stateFrom) : h("span", { class: "hint" }, "not mandated")),
          h("td", {}, actorsCell(t.actorsFrom, removed, "removed", actorName)),
          h("td", {}, t.stateTo ? stateBadge(t.stateTo) : h("span", { class: "hint" }, "not mandated")),
          h("td", {}, actorsCell(t.actorsTo, added, "added", actorName)),
          h("td", {}, t.events.length ? h("ul", { class: "plain-list tight events" }, t.events.map((e) =>
            h("li", { dataset: { event: e.kind, id: e.id } }, h("time", { datetime: e.date }, e.date), " ",
              h("span", { class: `badge badge-event event-${e.kind}` }, EVENT_LABELS[e.kind] || e.kind), " ", e.label)))
            : t.changed ? h("span", { class: "hint" }, "no dated event recorded") : ""),
        );
      }))));
  container.replaceChildren(summary, h("div", { class: "table-wrap wide" }, table));
}
