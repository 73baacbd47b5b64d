// Export of the current matrix: CSV with HXL hashtags (a header row, then a hashtag row, then one row per
// actor × task × place, plus one row per gap), and PNG/SVG through ECharts' own export.
import * as echarts from "echarts";
import { gql, Q, edges } from "./api.js";
import { heatmapOption } from "./heatmap.js";
import { dataUrlToBlob, download } from "./common.js";

export const HXL_COLUMNS = [
  ["Organisation", "#org"],
  ["Organisation id", "#org+id"],
  ["Sector (task group)", "#sector"],
  ["Activity code (task)", "#activity+code"],
  ["Country", "#country+code"],
  ["Admin 1 (area)", "#adm1+code"],
  ["Role", "#indicator+role"],
  ["Coverage state", "#status"],
  ["Start date", "#date+start"],
  ["End date", "#date+end"],
  ["Activity", "#activity+name"],
  ["Modality", "#indicator+modality"],
  ["As of", "#date+reported"],
];

const cell = (v) => {
  const s = String(v ?? "");
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows of the CSV for a coverage matrix; coverages (id → fact) give each place's dates. */
export function matrixRows(matrix, coverages) {
  const actors = new Map(matrix.actors.map((a) => [a.id, a]));
  const tasks = new Map(matrix.tasks.map((t) => [t.task, t]));
  const rows = [];
  for (const c of matrix.cells) {
    const t = tasks.get(c.task);
    const a = actors.get(c.actor);
    if (!t || !a) continue;
    const facts = c.coverageIds.map((id) => coverages.get(id)).filter(Boolean);
    const places = c.places.length ? c.places : [matrix.placeId];
    for (const place of places) {
      const here = facts.filter((f) => f.place?.id === place);
      const starts = here.map((f) => f.validFrom).filter(Boolean).sort();
      const ends = here.map((f) => f.validTo).filter(Boolean).sort();
      const roles = [...new Set(here.map((f) => f.role).filter(Boolean))];
      const modalities = [...new Set(here.map((f) => f.modality).filter(Boolean))];
      rows.push([
        a.name, a.id, t.group, t.task, matrix.country, place === matrix.country ? "" : place,
        (roles.length ? roles : c.roles).join("/"), t.state, starts[0] || "",
        here.length && here.every((f) => f.validTo) ? ends[ends.length - 1] : "",
        t.label, (modalities.length ? modalities : c.modalities).join("/"), matrix.asOf,
      ]);
    }
  }
  for (const t of matrix.tasks) {
    if (t.actors.length) continue;
    rows.push(["", "", t.group, t.task, matrix.country, matrix.placeId === matrix.country ? "" : matrix.placeId,
      "", t.state, "", "", t.label, "", matrix.asOf]);
  }
  return rows;
}

export async function matrixCsv(matrix) {
  const ids = [...new Set(matrix.cells.flatMap((c) => c.coverageIds))];
  const coverages = new Map();
  for (let i = 0; i < ids.length; i += 200) {
    const d = await gql(Q.coverages, { ids: ids.slice(i, i + 200) });
    for (const f of edges(d.coverages)) coverages.set(f.id, f);
  }
  const lines = [HXL_COLUMNS.map((c) => c[0]), HXL_COLUMNS.map((c) => c[1]), ...matrixRows(matrix, coverages)];
  return lines.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const fileStem = (matrix) => `peacegraph-${matrix.placeId}-${matrix.asOf}`;

export async function exportCsv(matrix) {
  download(`${fileStem(matrix)}.csv`, await matrixCsv(matrix), "text/csv;charset=utf-8");
}

export function exportPng(chart, matrix) {
  const url = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
  download(`${fileStem(matrix)}.png`, dataUrlToBlob(url));
}

export function exportSvg(el, matrix, orgs) {
  const holder = document.createElement("div");
  holder.style.cssText = `position:absolute;left:-10000px;top:0;width:${el.clientWidth}px;height:${el.clientHeight}px`;
  document.body.append(holder);
  const chart = echarts.init(holder, null, { renderer: "svg", width: el.clientWidth, height: el.clientHeight });
  try {
    const option = heatmapOption(matrix, orgs, { animation: false, width: el.clientWidth || 860 });
    delete option.__meta;
    chart.setOption(option);
    download(`${fileStem(matrix)}.svg`, chart.renderToSVGString(), "image/svg+xml");
  } finally {
    chart.dispose();
    holder.remove();
  }
}
