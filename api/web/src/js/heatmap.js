// Country view: the tasks × actors heatmap (ECharts) and its accessible table mirror.
import * as echarts from "echarts";
import { STATES, STATE_STYLE, STATE_DECAL, ROLE_STYLE, groupLabel, h, stateBadge, actorLabel, currencyBadges, currencyText } from "./common.js";

/** Inherited cells (country-wide facts seen from an area): the role colour, lightened and hatched. */
export const INHERITED_STYLE = { color: "#e4e4ef", decal: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: "rgba(59,59,109,0.22)" } };
export const PRIMARY_MARK = "⚑";

/** Rows (tasks grouped by task group, with a header row per group) and columns (actors grouped by organisation). */
export function layoutMatrix(matrix, orgs, { areaOnly = false } = {}) {
  const groups = [];
  const byGroup = new Map();
  const shownCells = areaOnly ? matrix.cells.filter((c) => !c.inherited) : matrix.cells;
  const shownTasks = areaOnly ? new Set(shownCells.map((c) => c.task)) : null;
  for (const t of matrix.tasks) {
    if (shownTasks && !shownTasks.has(t.task)) continue;
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
  const shownActors = areaOnly ? new Set(shownCells.map((c) => c.actor)) : null;
  const actors = [...matrix.actors].filter((a) => !shownActors || shownActors.has(a.id)).sort((a, b) =>
    orgName(orgOf(a)).localeCompare(orgName(orgOf(b))) || actorLabel(a).localeCompare(actorLabel(b)));
  const cols = actors.map((a) => ({ id: a.id, actor: a, org: orgOf(a), orgLabel: orgName(orgOf(a)) }));
  const cells = new Map(shownCells.map((c) => [`${c.task}|${c.actor}`, c]));
  return { rows, cols, cells, groups, isArea: matrix.placeId !== matrix.country };
}

export const cellText = (c) => {
  if (!c) return "";
  const role = c.roles.length ? c.roles.join("/") : "covers";
  return c.modalities.length ? `${role} · ${c.modalities.join("/")}` : role;
};

/** Geometry of the heatmap for a matrix at a width: column width, whether headers rotate, row height, grid top. */
export function heatmapGeometry(matrix, orgs, width, opts = {}) {
  const { rows, cols } = layoutMatrix(matrix, orgs, opts);
  const colWidth = Math.max(28, Math.floor((width - 262) / (cols.length + 1)) - 2);
  const rotate = colWidth < 84;
  const top = rotate ? 96 : 44;
  const rowHeight = 24;
  return { rows, cols, colWidth, rotate, top, rowHeight, height: top + rows.length * rowHeight + 12 };
}

/** The ECharts option of the heatmap (also used for the PNG and SVG exports, with `title` and `legend` added). */
export function heatmapOption(matrix, orgs, { animation = true, width = 860, areaOnly = false } = {}) {
  const { rows, cols, cells, isArea } = layoutMatrix(matrix, orgs, { areaOnly });
  const { colWidth, rotate, top } = heatmapGeometry(matrix, orgs, width, { areaOnly });
  const xCats = ["__state", ...cols.map((c) => c.id)];
  const yCats = rows.map((r) => r.id);
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const colById = new Map(cols.map((c) => [c.id, c]));
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
      const inherited = isArea && cell.inherited;
      data.push({
        value: [i + 1, yi, 10 + (cell.roles[0] === "lead" ? 0 : cell.roles[0] === "support" ? 1 : 2)],
        itemStyle: inherited
          ? { color: INHERITED_STYLE.color, decal: INHERITED_STYLE.decal, borderColor: "#fff", borderWidth: 1 }
          : { color: role.color, borderColor: isArea ? "#1d2330" : "#fff", borderWidth: isArea ? 2 : 1 },
        label: { show: true, color: inherited ? "#1d2330" : role.text, formatter: `${inherited ? "↑ " : ""}${cellText(cell)}`, overflow: "truncate", width: colWidth - 4, fontSize: 11 },
        meta: { kind: "cell", task: r.task.task, actor: c.id, inherited },
      });
    });
  });
  return {
    animation,
    aria: { enabled: true, label: { description: `Coverage matrix of ${matrix.placeName} on ${matrix.asOf}` } },
    tooltip: {
      confine: true,
      formatter: (p) => {
        const r = rowById.get(yCats[p.value?.[1]]);
        if (!r || r.kind !== "task" || !p.data?.meta) return "";
        const t = r.task;
        const st = STATE_STYLE[t.state];
        const primary = t.primaryResponsibility ? `<br>${PRIMARY_MARK} primary responsibility: the host state (a principle, not counted)` : "";
        if (p.data.meta.kind === "state") {
          return `<b>${esc2(t.label)}</b><br>${st.icon} ${st.label}: ${st.help}<br>actors: ${t.actors.length}` +
            `<br>mandated by: ${esc2(t.demand.join(", ") || "—")}${primary}`;
        }
        const c = colById.get(xCats[p.value[0]]);
        const cell = cells.get(`${t.task}|${c.id}`);
        const where = isArea ? (cell.inherited ? "<br>↑ inherited: declared for a place containing this area" : "<br>declared for this area") : "";
        const cur = currencyText(c.actor.currency);
        return `<b>${esc2(t.label)}</b> — ${esc2(c.actor.name)}<br>${esc2(cellText(cell))}` +
          `<br>places: ${esc2(cell.places.join(", "))}${where}${cur ? `<br>${esc2(cur)}` : ""}<br><i>click: who covers it</i>`;
      },
    },
    grid: { left: 250, right: 12, top, bottom: 8 },
    xAxis: {
      type: "category", data: xCats, position: "top", splitArea: { show: false },
      axisTick: { show: false }, triggerEvent: true,
      axisLabel: {
        interval: 0, rotate: rotate ? 40 : 0, width: rotate ? 120 : colWidth, overflow: "truncate", lineHeight: 14,
        formatter: (id) => {
          if (id === "__state") return "{s|State}";
          const c = colById.get(id);
          const flag = c.actor.currency?.stale || c.actor.currency?.mandateLapsed ? " ⚠" : "";
          return rotate ? `{a|${actorLabel(c.actor)}${flag}} {o|${c.orgLabel}}` : `{a|${actorLabel(c.actor)}${flag}}\n{o|${c.orgLabel}}`;
        },
        rich: { s: { fontWeight: "bold" }, a: { fontWeight: "bold", fontSize: 11 }, o: { color: "#555", fontSize: 10 } },
      },
    },
    yAxis: {
      type: "category", data: yCats, inverse: true, splitArea: { show: false }, axisTick: { show: false },
      triggerEvent: true,
      axisLabel: {
        interval: 0, width: 236, overflow: "break", lineHeight: 12, fontSize: 11,
        formatter: (id) => {
          const r = rowById.get(id);
          if (r.kind === "group") return `{g|${r.label.toUpperCase()}}`;
          return r.task.primaryResponsibility ? `${r.task.label} {p|${PRIMARY_MARK} host}` : r.task.label;
        },
        rich: { g: { fontWeight: "bold", color: "#1f4e8c", fontSize: 11 }, p: { color: "#7a4b00", fontWeight: "bold", fontSize: 10, padding: [0, 0, 0, 4] } },
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
    render(matrix, orgs, opts = {}) {
      const width = el.clientWidth || 860;
      el.style.height = `${Math.max(200, heatmapGeometry(matrix, orgs, width, opts).height)}px`;
      chart.resize();
      const option = heatmapOption(matrix, orgs, { width: el.clientWidth || width, ...opts });
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
export function renderMatrixTable(table, matrix, orgs, { onCell, onTask, areaOnly = false }) {
  const { rows, cols, cells, isArea } = layoutMatrix(matrix, orgs, { areaOnly });
  table.replaceChildren();
  table.dataset.place = matrix.placeId;
  table.dataset.asOf = matrix.asOf;
  table.dataset.areaOnly = areaOnly ? "1" : "0";
  table.append(h("caption", {}, `Coverage of ${matrix.placeName} on ${matrix.asOf}: tasks × actors${areaOnly ? " (cells declared for the area only)" : ""}`));
  table.append(h("thead", {}, h("tr", {},
    h("th", { scope: "col" }, "Task"),
    h("th", { scope: "col" }, "State"),
    cols.map((c) => h("th", { scope: "col", dataset: { actor: c.id, org: c.org }, title: c.actor.name },
      actorLabel(c.actor), h("br"), h("small", {}, c.orgLabel), currencyBadges(c.actor.currency).length ? h("br") : null,
      currencyBadges(c.actor.currency))),
  )));
  const body = h("tbody");
  for (const r of rows) {
    if (r.kind === "group") {
      body.append(h("tr", { class: "group-row", dataset: { group: r.group } },
        h("th", { colspan: String(cols.length + 2), scope: "rowgroup" }, r.label)));
      continue;
    }
    const t = r.task;
    body.append(h("tr", { dataset: { task: t.task, state: t.state, group: t.group, primary: t.primaryResponsibility || "" } },
      h("th", { scope: "row" }, h("button", { type: "button", class: "task-button", onclick: () => onTask(t.task),
        "aria-label": `Who covers ${t.label}` }, t.label),
      t.primaryResponsibility ? h("span", { class: "primary-mark", title: "The host state holds primary responsibility (a principle, never counted as coverage)" },
        ` ${PRIMARY_MARK} host state`) : null),
      h("td", { class: "state" }, stateBadge(t.state)),
      cols.map((c) => {
        const cell = cells.get(`${t.task}|${c.id}`);
        if (!cell) return h("td", { dataset: { actor: c.id, covered: "0" } });
        const inherited = isArea && cell.inherited;
        return h("td", { class: inherited ? "inherited" : isArea ? "area-declared" : "", dataset: { actor: c.id, covered: "1", inherited: inherited ? "1" : "0", roles: cell.roles.join(","), modalities: cell.modalities.join(",") } },
          h("button", { type: "button", class: "cell-button", onclick: () => onCell(t.task, c.id),
            "aria-label": `${t.label} by ${c.actor.name}: ${cellText(cell)}${inherited ? " (inherited from a containing place)" : ""}. Who covers it` },
          `${inherited ? "↑ " : ""}${cellText(cell)}`));
      }),
    ));
  }
  table.append(body);
}

export function legendItems(container, { area = false } = {}) {
  container.replaceChildren(...[
    h("strong", {}, "Row state:"),
    ...STATES.map((s) => h("span", { class: "item", dataset: { state: s } },
      h("span", { class: `swatch state-${s}`, "aria-hidden": "true" }, STATE_STYLE[s].icon),
      h("span", { title: STATE_STYLE[s].help }, `${STATE_STYLE[s].label} — ${STATE_STYLE[s].short}`))),
    h("strong", {}, "Cells:"),
    ...["lead", "support"].map((r) => h("span", { class: "item" },
      h("span", { class: "swatch", style: `background:${ROLE_STYLE[r].color};color:${ROLE_STYLE[r].text}`, "aria-hidden": "true" }, r[0].toUpperCase()),
      h("span", {}, r))), h("span", { class: "hint" }, "(cell text: role · modality)"),
    area ? h("span", { class: "item", dataset: { legend: "area-declared" } },
      h("span", { class: "swatch swatch-declared", "aria-hidden": "true" }, "■"), h("span", {}, "declared for this area")) : null,
    area ? h("span", { class: "item", dataset: { legend: "inherited" } },
      h("span", { class: "swatch swatch-inherited", "aria-hidden": "true" }, "↑"), h("span", {}, "↑ inherited from country-wide facts")) : null,
    h("span", { class: "item", dataset: { legend: "primary" } },
      h("span", { class: "swatch swatch-primary", "aria-hidden": "true" }, PRIMARY_MARK),
      h("span", {}, "host state's primary responsibility (not counted)")),
  ].filter(Boolean));
}

/** The legend as plain lines (for the PNG and SVG exports). */
export function legendLines({ area = false } = {}) {
  return [
    ...STATES.map((s) => `${STATE_STYLE[s].icon} ${STATE_STYLE[s].label}: ${STATE_STYLE[s].help}`),
    "Cells: lead (dark) / support (light) — text: role · modality",
    ...(area ? ["Solid, outlined: declared for this area; ↑ faded, hatched: inherited from country-wide facts"] : []),
    `${PRIMARY_MARK} host state's primary responsibility (a principle, not counted)`,
  ];
}
