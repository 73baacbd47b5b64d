// Country view: the tasks × actors heatmap (ECharts) and its accessible table mirror.
import * as echarts from "echarts";
import { STATES, STATE_STYLE, STATE_DECAL, ROLE_STYLE, groupLabel, h, stateBadge, actorLabel } from "./common.js";

/** Rows (tasks grouped by task group, with a header row per group) and columns (actors grouped by organisation). */
export function layoutMatrix(matrix, orgs) {
  const groups = [];
  const byGroup = new Map();
  for (const t of matrix.tasks) {
    if (!byGroup.has(t.group)) {
      byGroup.set(t.group, []);
      groups.push(t.group);
    }
    byGroup.get(t.group).push(t);
  }
  const rows = [];
  for (const g of groups) {
    rows.push({ kind: "group", id: `g:${g}`, group: g, label: groupLabel(g) });
    for (const t of byGroup.get(g)) rows.push({ kind: "task", id: `t:${t.task}`, task: t });
  }
  const orgOf = (a) => a.organizations[0] || a.id;
  const orgName = (id) => actorLabel(orgs.get(id)) || id;
  const actors = [...matrix.actors].sort((a, b) =>
    orgName(orgOf(a)).localeCompare(orgName(orgOf(b))) || actorLabel(a).localeCompare(actorLabel(b)));
  const cols = actors.map((a) => ({ id: a.id, actor: a, org: orgOf(a), orgLabel: orgName(orgOf(a)) }));
  const cells = new Map(matrix.cells.map((c) => [`${c.task}|${c.actor}`, c]));
  return { rows, cols, cells, groups };
}

export const cellText = (c) => {
  if (!c) return "";
  const role = c.roles.length ? c.roles.join("/") : "covers";
  return c.modalities.length ? `${role} · ${c.modalities.join("/")}` : role;
};

/** The ECharts option of the heatmap (also used for the SVG export). */
export function heatmapOption(matrix, orgs, { animation = true, width = 860 } = {}) {
  const { rows, cols, cells } = layoutMatrix(matrix, orgs);
  const xCats = ["__state", ...cols.map((c) => c.id)];
  const yCats = rows.map((r) => r.id);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const colById = new Map(cols.map((c) => [c.id, c]));
  const manyCols = cols.length > 8;
  const colWidth = Math.max(40, Math.floor((width - 262) / (cols.length + 1)) - 6);
  const data = [];
  rows.forEach((r, yi) => {
    if (r.kind !== "task") return;
    const st = STATE_STYLE[r.task.state] || STATE_STYLE.gap;
    data.push({
      value: [0, yi, STATES.indexOf(r.task.state)],
      itemStyle: { color: st.color, decal: STATE_DECAL[r.task.state] || undefined, borderColor: "#fff", borderWidth: 1 },
      label: { show: true, color: st.text, formatter: `${st.icon} ${st.label}`, fontWeight: "bold" },
      meta: { kind: "state", task: r.task.task },
    });
    cols.forEach((c, i) => {
      const cell = cells.get(`${r.task.task}|${c.id}`);
      if (!cell) return;
      const role = ROLE_STYLE[cell.roles[0]] || ROLE_STYLE.other;
      data.push({
        value: [i + 1, yi, 10 + (cell.roles[0] === "lead" ? 0 : cell.roles[0] === "support" ? 1 : 2)],
        itemStyle: { color: role.color, borderColor: "#fff", borderWidth: 1 },
        label: { show: true, color: role.text, formatter: cellText(cell), overflow: "truncate", width: colWidth },
        meta: { kind: "cell", task: r.task.task, actor: c.id },
      });
    });
  });
  return {
    animation,
    aria: { enabled: true, label: { description: `Coverage matrix of ${matrix.placeName} on ${matrix.asOf}` } },
    tooltip: {
      formatter: (p) => {
        const r = rowById.get(yCats[p.value[1]]);
        if (!r || r.kind !== "task") return "";
        const t = r.task;
        const st = STATE_STYLE[t.state];
        if (p.data.meta.kind === "state") {
          return `<b>${esc2(t.label)}</b><br>${st.icon} ${st.label}: ${st.help}<br>actors: ${t.actors.length}` +
            `<br>mandated by: ${esc2(t.demand.join(", ") || "—")}`;
        }
        const c = colById.get(xCats[p.value[0]]);
        const cell = cells.get(`${t.task}|${c.id}`);
        return `<b>${esc2(t.label)}</b> — ${esc2(c.actor.name)}<br>${esc2(cellText(cell))}` +
          `<br>places: ${esc2(cell.places.join(", "))}<br><i>click: who covers it</i>`;
      },
    },
    grid: { left: 250, right: 12, top: manyCols ? 80 : 40, bottom: 8 },
    xAxis: {
      type: "category", data: xCats, position: "top", splitArea: { show: false },
      axisTick: { show: false }, triggerEvent: true,
      axisLabel: {
        interval: 0, rotate: manyCols ? 30 : 0, width: manyCols ? 110 : colWidth, overflow: "truncate", lineHeight: 14,
        formatter: (id) => id === "__state" ? "{s|State}" : `{a|${actorLabel(colById.get(id).actor)}}\n{o|${colById.get(id).orgLabel}}`,
        rich: { s: { fontWeight: "bold" }, a: { fontWeight: "bold", fontSize: 11 }, o: { color: "#666", fontSize: 10 } },
      },
    },
    yAxis: {
      type: "category", data: yCats, inverse: true, splitArea: { show: false }, axisTick: { show: false },
      triggerEvent: true,
      axisLabel: {
        interval: 0, width: 240, overflow: "truncate",
        formatter: (id) => {
          const r = rowById.get(id);
          return r.kind === "group" ? `{g|${r.label.toUpperCase()}}` : `${r.task.label}`;
        },
        rich: { g: { fontWeight: "bold", color: "#1f4e8c", fontSize: 11 } },
      },
    },
    series: [{
      type: "heatmap", name: "coverage", data, progressive: 0,
      emphasis: { itemStyle: { borderColor: "#ffbf47", borderWidth: 3 } },
    }],
    __meta: { xCats, yCats, rowById, colById },
  };
}

const esc2 = (s) => String(s ?? "").replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);

export function createHeatmap(el, { onCell, onTask }) {
  const chart = echarts.init(el, null, { renderer: "canvas" });
  let meta = null;
  new ResizeObserver(() => chart.resize()).observe(el);
  chart.on("click", (p) => {
    if (!meta) return;
    if (p.componentType === "series" && p.data?.meta) {
      const m = p.data.meta;
      if (m.kind === "cell") onCell(m.task, m.actor);
      else onTask(m.task);
    } else if (p.componentType === "yAxis") {
      const id = p.value;
      if (String(id).startsWith("t:")) onTask(id.slice(2));
    }
  });
  return {
    chart,
    option: null,
    render(matrix, orgs) {
      const rowsCount = new Set(matrix.tasks.map((t) => t.group)).size + matrix.tasks.length;
      const manyCols = matrix.actors.length > 8;
      el.style.height = `${Math.max(260, rowsCount * 20 + (manyCols ? 90 : 60))}px`;
      chart.resize();
      const option = heatmapOption(matrix, orgs, { width: el.clientWidth || 860 });
      meta = option.__meta;
      this.option = option;
      chart.setOption(option, { notMerge: true });
    },
    clear() {
      meta = null;
      this.option = null;
      chart.clear();
    },
  };
}

/** The accessible mirror of the heatmap: one row per task, one column per actor; cells and tasks are buttons. */
export function renderMatrixTable(table, matrix, orgs, { onCell, onTask }) {
  const { rows, cols, cells } = layoutMatrix(matrix, orgs);
  table.replaceChildren();
  table.dataset.place = matrix.placeId;
  table.dataset.asOf = matrix.asOf;
  table.append(h("caption", {}, `Coverage of ${matrix.placeName} on ${matrix.asOf}: tasks × actors`));
  table.append(h("thead", {}, h("tr", {},
    h("th", { scope: "col" }, "Task"),
    h("th", { scope: "col" }, "State"),
    cols.map((c) => h("th", { scope: "col", dataset: { actor: c.id, org: c.org }, title: c.actor.name },
      actorLabel(c.actor), h("br"), h("small", {}, c.orgLabel))),
  )));
  const body = h("tbody");
  for (const r of rows) {
    if (r.kind === "group") {
      body.append(h("tr", { class: "group-row", dataset: { group: r.group } },
        h("th", { colspan: String(cols.length + 2), scope: "rowgroup" }, r.label)));
      continue;
    }
    const t = r.task;
    body.append(h("tr", { dataset: { task: t.task, state: t.state, group: t.group } },
      h("th", { scope: "row" }, h("button", { type: "button", class: "task-button", onclick: () => onTask(t.task),
        "aria-label": `Who covers ${t.label}` }, t.label)),
      h("td", { class: "state" }, stateBadge(t.state)),
      cols.map((c) => {
        const cell = cells.get(`${t.task}|${c.id}`);
        if (!cell) return h("td", { dataset: { actor: c.id, covered: "0" } });
        return h("td", { dataset: { actor: c.id, covered: "1", roles: cell.roles.join(","), modalities: cell.modalities.join(",") } },
          h("button", { type: "button", class: "cell-button", onclick: () => onCell(t.task, c.id),
            "aria-label": `${t.label} by ${c.actor.name}: ${cellText(cell)}. Who covers it` }, cellText(cell)));
      }),
    ));
  }
  table.append(body);
}

export function legendItems(container) {
  container.replaceChildren(
    h("strong", {}, "Row state:"),
    ...STATES.map((s) => h("span", { class: "item", dataset: { state: s } },
      h("span", { class: `swatch state-${s}`, "aria-hidden": "true" }, STATE_STYLE[s].icon),
      h("span", {}, `${STATE_STYLE[s].label} — ${STATE_STYLE[s].help}`))),
    h("strong", {}, "Cells:"),
    ...["lead", "support"].map((r) => h("span", { class: "item" },
      h("span", { class: "swatch", style: `background:${ROLE_STYLE[r].color};color:${ROLE_STYLE[r].text}`, "aria-hidden": "true" }, r[0].toUpperCase()),
      h("span", {}, `${r} (text: role · modality)`))),
  );
}
