// Export of the current matrix. CSV with HXL hashtags (a header row, then a hashtag row, then one row per
// actor × task × place where the facts are declared, plus one row per task in gap) whose tags mean what they mean in
// `peacegraph export --hxl` and read back with `peacegraph seed import-3w`; PNG and SVG of the heatmap with a
// title, the date and the legend, drawn by ECharts off screen.
import * as echarts from "echarts";
import { byIds, Q } from "./api.js";
import { heatmapGeometry, heatmapOption, legendLines } from "./heatmap.js";
import { STATES, STATE_STYLE, ROLE_STYLE, addDays, dataUrlToBlob, download } from "./common.js";

// [header, hashtag]. #activity+code+v_peacegraph holds the task key (peacegraph's taxonomy: what import-3w reads
// as the task); #status is the fact's status as in the CLI export; the cell's coverage state has its own tag.
export const HXL_COLUMNS = [
  ["Organisation", "#org"],
  ["Organisation id", "#org+id"],
  ["Task group", "#sector"],
  ["Task", "#activity+code+v_peacegraph"],
  ["Task name", "#activity+name"],
  ["Country", "#country+code"],
  ["Area", "#adm1+code"],
  ["Role", "#indicator+role"],
  ["Status", "#status"],
  ["Start", "#date+start"],
  ["End", "#date+end"],
  ["Mandate", "#meta+mandate"],
  ["Source", "#meta+source"],
  ["Coverage state", "#indicator+state"],
  ["Modality", "#indicator+modality"],
  ["Dates known to", "#meta+precision"],
  ["As of", "#date+reported"],
];

const FORMULA_START = ["=", "+", "-", "@", "\t", "\r"];
/** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet (as `peacegraph export` does). */
const cell = (v) => {
  let s = String(v ?? "");
  if (FORMULA_START.some((c) => s.startsWith(c))) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const citation = (c) => {
  const s = c.source || {};
  return `${s.symbol || s.title || c.sourceId} (${c.locator})`;
};

/** Rows of the CSV for a coverage matrix; coverages (id → fact with its sources) give each place's dates. */
export function matrixRows(matrix, coverages) {
  const actors = new Map(matrix.actors.map((a) => [a.id, a]));
  const tasks = new Map(matrix.tasks.map((t) => [t.task, t]));
  const rows = [];
  const area = (place) => (place === matrix.country ? "" : place);
  for (const c of matrix.cells) {
    const t = tasks.get(c.task);
    const a = actors.get(c.actor);
    if (!t || !a) continue;
    const facts = c.coverageIds.map((id) => coverages.get(id)).filter(Boolean);
    const places = c.places.length ? c.places : [matrix.placeId];
    for (const place of places) {
      const here = facts.filter((f) => f.place?.id === place);
      const starts = here.filter((f) => f.validFrom).sort((x, y) => x.validFrom.localeCompare(y.validFrom));
      const ends = here.filter((f) => f.validTo).sort((x, y) => x.validTo.localeCompare(y.validTo));
      const open = !here.length || here.some((f) => !f.validTo);
      const last = open ? null : ends[ends.length - 1];
      const uniq = (xs) => [...new Set(xs.filter(Boolean))];
      rows.push([
        a.name, a.id, t.group, t.task, t.label, matrix.country, area(place),
        uniq(here.map((f) => f.role)).join("/") || c.roles.join("/"),
        uniq(here.map((f) => f.status)).join("/"),
        starts[0]?.validFrom || "",
        last ? addDays(last.validTo, -1) : "",
        uniq(here.map((f) => f.mandate?.symbol || f.mandate?.id)).join("; "),
        uniq(here.flatMap((f) => f.sources.map(citation))).join("; "),
        t.state,
        uniq(here.map((f) => f.modality)).join("/") || c.modalities.join("/"),
        `${starts[0]?.validFromPrecision || "day"}/${last?.validToPrecision || "day"}`,
        matrix.asOf,
      ]);
    }
  }
  for (const t of matrix.tasks) {
    if (t.actors.length) continue;
    rows.push(["", "", t.group, t.task, t.label, matrix.country, area(matrix.placeId), "", "", "", "",
      t.demand.join("; "), "", t.state, "", "", matrix.asOf]);
  }
  return rows;
}

/** The coverage facts behind a matrix, by id (with their sources). */
export async function matrixFacts(matrix) {
  const facts = await byIds(Q.coverages, "coverages", matrix.cells.flatMap((c) => c.coverageIds));
  return new Map(facts.map((f) => [f.id, f]));
}

export async function matrixCsv(matrix, facts) {
  const coverages = facts || await matrixFacts(matrix);
  const lines = [HXL_COLUMNS.map((c) => c[0]), HXL_COLUMNS.map((c) => c[1]), ...matrixRows(matrix, coverages)];
  return lines.map((r) => r.map(cell).join(",")).join("\r\n") + "\r\n";
}

export const fileStem = (matrix) => `peacegraph-${matrix.placeId}-${matrix.asOf}`;

export async function exportCsv(matrix, facts) {
  download(`${fileStem(matrix)}.csv`, await matrixCsv(matrix, facts), "text/csv;charset=utf-8");
}

/** The heatmap's option for a stand-alone picture: a title, the date, and the legend under the chart. */
export function exportOption(matrix, orgs, width, opts = {}) {
  const area = matrix.placeId !== matrix.country;
  const geometry = heatmapGeometry(matrix, orgs, width, opts);
  const head = 58;
  const lines = legendLines({ area });
  const legendTop = head + geometry.height + 8;
  const option = heatmapOption(matrix, orgs, { animation: false, width, ...opts });
  delete option.__meta;
  option.grid = { ...option.grid, top: head + geometry.top, bottom: lines.length * 17 + 24 };
  option.backgroundColor = "#ffffff";
  option.title = {
    left: 12, top: 8, text: `Coverage matrix — ${matrix.placeName}`,
    subtext: `on ${matrix.asOf}${matrix.includePlanned ? " (planned coverage included)" : ""} · peacegraph` +
      (opts.areaOnly ? " · cells declared for the area only" : ""),
    textStyle: { fontSize: 16 }, subtextStyle: { fontSize: 12, color: "#333" },
  };
  const swatch = (i, color, text) => ({
    type: "group", left: 12, top: legendTop + i * 17, children: [
      { type: "rect", shape: { x: 0, y: 0, width: 14, height: 12 }, style: { fill: color, stroke: "#555" } },
      { type: "text", x: 20, y: 0, style: { text, fontSize: 12, fill: "#1d2330" } },
    ],
  });
  option.graphic = [
    { type: "text", left: 12, top: legendTop - 16, style: { text: "Legend", fontSize: 12, fontWeight: "bold", fill: "#1d2330" } },
    ...STATES.map((s, i) => swatch(i, STATE_STYLE[s].color, lines[i])),
    ...lines.slice(STATES.length).map((text, j) => swatch(STATES.length + j, j === 0 ? ROLE_STYLE.lead.color : "#ffffff", text)),
  ];
  return { option, width, height: legendTop + lines.length * 17 + 16 };
}

function offscreen(matrix, orgs, width, renderer, opts) {
  const { option, height } = exportOption(matrix, orgs, width, opts);
  const holder = document.createElement("div");
  holder.style.cssText = `position:absolute;left:-10000px;top:0;width:${width}px;height:${height}px`;
  document.body.append(holder);
  const chart = echarts.init(holder, null, { renderer, width, height });
  chart.setOption(option);
  return { chart, done: () => { chart.dispose(); holder.remove(); } };
}

export function pngDataUrl(matrix, orgs, width, opts = {}) {
  const { chart, done } = offscreen(matrix, orgs, width, "canvas", opts);
  try {
    return chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
  } finally {
    done();
  }
}

export function exportPng(matrix, orgs, width, opts = {}) {
  download(`${fileStem(matrix)}.png`, dataUrlToBlob(pngDataUrl(matrix, orgs, width, opts)));
}

export function svgText(matrix, orgs, width, opts = {}) {
  const { chart, done } = offscreen(matrix, orgs, width, "svg", opts);
  try {
    return chart.renderToSVGString();
  } finally {
    done();
  }
}

export function exportSvg(matrix, orgs, width, opts = {}) {
  download(`${fileStem(matrix)}.svg`, svgText(matrix, orgs, width, opts), "image/svg+xml");
}
