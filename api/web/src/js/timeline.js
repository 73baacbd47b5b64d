// Timeline: missions, mandates and transitions on a time axis (Gantt-style, ECharts custom series) and the
// coverage state of each task by month (ECharts heatmap). Clicking a mission selects it.
import * as echarts from "echarts";
import { STATES, STATE_STYLE, actorLabel, fmtDate, h } from "./common.js";

const DAY = 86400000;
const ts = (d) => Date.parse(`${d}T00:00:00Z`);
// "2024-12-01" -> "2025-01-01": the first day of the next month (ISO dates compare as strings)
const nextMonth = (d) => {
  const [y, m] = d.split("-").map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
};

export function createTimeline(ganttEl, coverageEl, { onMission }) {
  const gantt = echarts.init(ganttEl);
  const coverage = echarts.init(coverageEl);
  new ResizeObserver(() => gantt.resize()).observe(ganttEl);
  new ResizeObserver(() => coverage.resize()).observe(coverageEl);
  gantt.on("click", (p) => {
    if (p.componentType === "yAxis") onMission(String(p.value));
    else if (p.componentType === "series" && p.data?.mission) onMission(p.data.mission);
  });

  return {
    gantt,
    coverage,
    renderGantt(country, range, selected) {
      const missions = [...country.missions].sort((a, b) =>
        (a.validFrom || "0000").localeCompare(b.validFrom || "0000") || actorLabel(a).localeCompare(actorLabel(b)));
      const lo = ts(`${range.from}-01-01`);
      const hi = ts(`${range.to}-12-31`);
      const ids = missions.map((m) => m.id);
      const bars = [];
      const mandates = [];
      missions.forEach((m, i) => {
        const start = m.validFrom ? ts(m.validFrom) : lo;
        const end = m.validTo ? ts(m.validTo) : hi;
        bars.push({
          value: [i, start, end, m.validFrom || "", m.validTo || ""], mission: m.id, name: actorLabel(m),
          itemStyle: {
            color: m.id === selected ? "#1f4e8c" : "#7f9cc4",
            borderColor: m.id === selected ? "#ffbf47" : "#35507a", borderWidth: m.id === selected ? 3 : 1,
            opacity: m.validFrom && m.validTo ? 1 : 0.75,
          },
        });
        for (const md of m.mandates) {
          if (!md.validFrom) continue;
          mandates.push({ value: [i, ts(md.validFrom), md.validTo ? ts(md.validTo) : end, md.symbol], mission: m.id, name: md.symbol });
        }
      });
      // Several transitions on one mission's row (MONUSCO leaving province after province): labels above and
      // below in turn, naming the area only, so that they do not run over the next diamond.
      const perRow = new Map();
      const transitions = [...country.transitions].sort((a, b) => String(a.end).localeCompare(String(b.end))).map((t) => {
        const row = Math.max(0, ids.indexOf(t.from?.id));
        const areas = (t.places || []).filter((p) => p.id !== country.id).map((p) => p.name);
        const i = perRow.get(row) || 0;
        perRow.set(row, i + 1);
        return {
          value: [t.end ? ts(t.end) : hi, row], name: t.id, mission: t.from?.id, row, index: i,
          kind: t.kind, to: t.to.map(actorLabel).join(", "), end: t.end, stage: t.stage, areas,
        };
      });
      for (const t of transitions) {
        const crowded = country.transitions.filter((x) => Math.max(0, ids.indexOf(x.from?.id)) === t.row).length > 1;
        t.label = crowded
          ? { position: t.index % 2 ? "bottom" : "top", distance: 2, formatter: t.areas.length ? t.areas.join(", ") : t.kind }
          : { position: "right", formatter: t.areas.length ? `${t.kind} · ${t.areas.join(", ")}` : t.kind };
      }
      const renderBar = (thin) => (params, api) => {
        const y = api.value(0);
        const a = api.coord([api.value(1), y]);
        const b = api.coord([api.value(2), y]);
        const band = api.size([0, 1])[1];
        const height = band * (thin ? 0.22 : 0.5);
        const top = a[1] - (thin ? -band * 0.15 : band * 0.35);
        const shape = echarts.graphic.clipRectByRect(
          { x: a[0], y: top, width: Math.max(2, b[0] - a[0]), height },
          { x: params.coordSys.x, y: params.coordSys.y, width: params.coordSys.width, height: params.coordSys.height });
        return shape && { type: "rect", shape, style: api.style(), transition: ["shape"] };
      };
      ganttEl.style.height = `${Math.max(200, missions.length * 34 + 70)}px`;
      gantt.resize();
      gantt.setOption({
        animation: false,
        tooltip: {
          formatter: (p) => {
            if (p.seriesName === "transitions") {
              return `<b>${p.data.kind}</b> ${p.data.name}${p.data.areas.length ? ` in ${p.data.areas.join(", ")}` : ""}<br>from ${p.data.mission || "?"} to ${p.data.to || "—"}<br>end ${p.data.end} (${p.data.stage})`;
            }
            if (p.seriesName === "mandates") return `mandate <b>${p.data.name}</b>`;
            const m = missions[p.value[0]];
            return `<b>${m.name}</b><br>${fmtDate(m.validFrom, m.validFromPrecision) || "?"} → ${fmtDate(m.validTo, m.validToPrecision) || "open"}<br>led by ${m.ledBy.map(actorLabel).join(", ")}<br><i>click to select</i>`;
          },
        },
        legend: { top: 0, data: ["missions", "mandates", "transitions"] },
        grid: { left: 150, right: 120, top: 30, bottom: 30 },
        xAxis: { type: "time", min: lo, max: hi, position: "bottom", axisLabel: { hideOverlap: true, formatter: "{yyyy}" }, minInterval: 365 * DAY },
        yAxis: {
          type: "category", data: ids, inverse: true, triggerEvent: true,
          axisLabel: {
            width: 140, overflow: "truncate",
            formatter: (id) => {
              const m = missions.find((x) => x.id === id);
              return id === selected ? `{sel|▶ ${actorLabel(m)}}` : actorLabel(m);
            },
            rich: { sel: { fontWeight: "bold", color: "#1f4e8c" } },
          },
        },
        series: [
          { name: "missions", type: "custom", renderItem: renderBar(false), encode: { x: [1, 2], y: 0 }, data: bars, itemStyle: { color: "#7f9cc4" } },
          { name: "mandates", type: "custom", renderItem: renderBar(true), encode: { x: [1, 2], y: 0 }, data: mandates,
            itemStyle: { color: "#e08214", borderColor: "#fff", borderWidth: 1 } },
          { name: "transitions", type: "scatter", data: transitions, symbol: "diamond", symbolSize: 16,
            itemStyle: { color: "#67001f", borderColor: "#fff", borderWidth: 1 },
            label: { show: true, fontSize: 11, color: "#67001f", backgroundColor: "rgba(255,255,255,0.85)" },
            labelLayout: { hideOverlap: true } },
        ],
      }, { notMerge: true });
      ganttEl.dataset.state = "ready";
      ganttEl.dataset.missions = ids.join(",");
      ganttEl.dataset.selected = selected || "";
    },

    renderCoverage(runs, tasks, range) {
      // runs of months with one state and one set of actors, expanded to one cell a month
      const points = [];
      for (const r of runs) {
        for (let m = r.from; m <= r.to; m = nextMonth(m)) points.push({ month: m, task: r.task, state: r.state, actors: r.actors });
      }
      const months = [...new Set(points.map((p) => p.month))].sort();
      const taskIds = [...new Set(points.map((p) => p.task))].sort((a, b) => {
        const ta = tasks.get(a) || {}, tb = tasks.get(b) || {};
        return String(ta.group).localeCompare(String(tb.group)) || String(ta.label).localeCompare(String(tb.label));
      });
      // positions by lookup, not by a scan of the months per point (4,000 points × 400 months for the DRC)
      const monthAt = new Map(months.map((m, i) => [m, i]));
      const taskAt = new Map(taskIds.map((t, i) => [t, i]));
      const data = points.map((p) => ({
        value: [monthAt.get(p.month), taskAt.get(p.task), STATES.indexOf(p.state)],
        actors: p.actors, month: p.month, task: p.task, state: p.state,
      }));
      const years = months.length / 12;
      const yearStep = years > 24 ? 5 : years > 12 ? 2 : 1;
      coverageEl.style.height = `${Math.max(160, taskIds.length * 16 + 90)}px`;
      coverage.resize();
      coverage.setOption({
        animation: false,
        tooltip: {
          formatter: (p) => {
            const st = STATE_STYLE[p.data.state];
            return `<b>${tasks.get(p.data.task)?.label || p.data.task}</b> ${p.data.month.slice(0, 7)}<br>${st.icon} ${st.label}<br>${p.data.actors.join(", ") || "nobody"}`;
          },
        },
        grid: { left: 250, right: 20, top: 10, bottom: 60 },
        // One label a year (or every few years for long spans), on January: a readable axis, not a strip of months.
        xAxis: {
          type: "category", data: months.map((m) => m.slice(0, 7)), axisTick: { alignWithLabel: true, interval: (i, v) => v.endsWith("-01") },
          axisLabel: { interval: (i, v) => v.endsWith("-01") && Number(v.slice(0, 4)) % yearStep === 0, formatter: (v) => v.slice(0, 4), fontSize: 11 },
        },
        yAxis: {
          type: "category", data: taskIds, inverse: true,
          axisLabel: { width: 240, overflow: "truncate", fontSize: 10, formatter: (id) => tasks.get(id)?.label || id },
        },
        visualMap: {
          type: "piecewise", dimension: 2, orient: "horizontal", left: "center", bottom: 0,
          pieces: STATES.map((s, i) => ({ value: i, label: `${STATE_STYLE[s].icon} ${s}`, color: STATE_STYLE[s].color })),
        },
        aria: { enabled: true, label: { description: "Coverage state of each task by month; hover a cell for its actors" } },
        series: [{ type: "heatmap", data, progressive: 0 }],
      }, { notMerge: true });
      coverageEl.dataset.state = "ready";
      coverageEl.dataset.months = String(months.length);
      coverageEl.dataset.tasks = String(taskIds.length);
    },
  };
}

export function renderTimelineLists(listEl, trEl, country, selected, onMission) {
  listEl.replaceChildren(...[...country.missions]
    .sort((a, b) => (a.validFrom || "0000").localeCompare(b.validFrom || "0000"))
    .map((m) => h("li", { dataset: { mission: m.id, selected: m.id === selected ? "1" : "0" } },
      h("button", { type: "button", onclick: () => onMission(m.id), "aria-pressed": m.id === selected ? "true" : "false" },
        actorLabel(m)),
      ` ${m.name} — ${fmtDate(m.validFrom, m.validFromPrecision) || "?"} → ${fmtDate(m.validTo, m.validToPrecision) || "open"}; ${m.mandates.length} mandate(s); led by ${m.ledBy.map(actorLabel).join(", ")}`)));
  trEl.replaceChildren(...country.transitions.map((t) => {
    const areas = (t.places || []).filter((p) => p.id !== country.id).map((p) => p.name);
    return h("li", { dataset: { transition: t.id, places: (t.places || []).map((p) => p.id).join(",") } },
      `Transition ${t.id}: ${t.kind} of ${actorLabel(t.from) || "?"} → ${t.to.map(actorLabel).join(", ") || "—"}` +
      `${areas.length ? ` in ${areas.join(", ")}` : ""}, ends ${t.end}${t.endPrecision && t.endPrecision !== "day" ? ` (${t.endPrecision})` : ""} (${t.stage})`);
  }));
}

export { DAY };
