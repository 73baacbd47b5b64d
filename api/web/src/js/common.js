// Shared bits: coverage-state palette (distinct in lightness, so it reads in greyscale and for colour-blind
// users, and always paired with an icon and a word), HTML helpers, dates.

export const STATES = ["covered", "thin", "overlap", "gap"];
export const STATE_STYLE = {
  covered: { color: "#2166ac", text: "#ffffff", icon: "✓", label: "covered", help: "two or more actors of one organisation", short: "2+ actors, one organisation" },
  thin: { color: "#f4a582", text: "#000000", icon: "◐", label: "thin", help: "one actor only (single point of failure)", short: "one actor only" },
  overlap: { color: "#d1e5f0", text: "#000000", icon: "⊕", label: "overlap", help: "two or more organisations", short: "2+ organisations" },
  gap: { color: "#67001f", text: "#ffffff", icon: "✕", label: "gap", help: "mandated, nobody covers it", short: "mandated, nobody covers it" },
};
// ECharts decal patterns per state (a second, hue-free cue on the chart itself).
export const STATE_DECAL = {
  covered: null,
  thin: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [2, 5], rotation: Math.PI / 4, color: "rgba(0,0,0,0.25)" },
  overlap: { symbol: "circle", symbolSize: 0.5, dashArrayX: [[4, 4]], dashArrayY: [4, 4], color: "rgba(0,0,0,0.3)" },
  gap: { symbol: "rect", dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -Math.PI / 4, color: "rgba(255,255,255,0.35)" },
};
export const ROLE_STYLE = {
  lead: { color: "#3b3b6d", text: "#ffffff" },
  support: { color: "#a9a9cf", text: "#000000" },
  other: { color: "#dcdcdc", text: "#000000" },
};

export const GROUP_LABELS = {
  ddr: "Disarmament & demobilisation",
  protection: "Protection & rights",
  security_rule_of_law: "Security sector & rule of law",
  military: "Military operations",
  governance: "Governance",
  elections_politics: "Elections & politics",
  peace_process: "Peace process",
  socioeconomic: "Socio-economic & humanitarian",
  partnership: "Partnership support",
};
export const groupLabel = (g) => GROUP_LABELS[g] || String(g || "other").replace(/_/g, " ");

export function esc(value) {
  return String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

/** Build an element: h("li", {class: "x", dataset: {id: 1}, onclick}, child, "text"). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "dataset") Object.assign(el.dataset, v);
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function stateBadge(state) {
  const s = STATE_STYLE[state];
  if (!s) return h("span", { class: "state-badge" }, state || "–");
  return h("span", { class: `state-badge state-${state}`, title: s.help, dataset: { state } }, `${s.icon} ${s.label}`);
}

export const today = () => new Date().toISOString().slice(0, 10);
export const yearOf = (d) => (d ? Number(String(d).slice(0, 4)) : null);
export const isDate = (d) => /^\d{4}-\d{2}-\d{2}$/.test(d || "");

export function download(name, data, type) {
  const blob = data instanceof Blob ? data : new Blob([data], { type });
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function dataUrlToBlob(dataUrl) {
  const [head, b64] = dataUrl.split(",");
  const type = head.slice(5).split(";")[0];
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return new Blob([bytes], { type });
}

export const actorLabel = (a) => (a ? a.acronym || String(a.name || a.id).replace(/^Government of (the )?/, "Gov. ") : "");

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A date as precisely as it is known: day "2024-07-01", month "Jul 2024", year "2024" ("" when absent). */
export function fmtDate(d, precision = "day") {
  if (!d) return "";
  if (precision === "year") return d.slice(0, 4);
  if (precision === "month") return `${MONTHS[Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
  return d;
}

/** A date element that says its precision (a month- or year-precise date is marked and explained). */
export function dateEl(d, precision = "day", open = "open") {
  if (!d) return h("span", { class: "date date-open" }, open);
  const text = fmtDate(d, precision);
  if (precision === "day" || !precision) return h("time", { class: "date", datetime: d }, text);
  return h("time", { class: `date date-${precision}`, datetime: d, title: `known to the ${precision} only` },
    text, h("span", { class: "precision" }, ` (${precision})`));
}

/** "2013-07-01 → 2023-12-31" with each end at its precision. */
export function periodEl(from, fromPrecision, to, toPrecision) {
  return h("span", { class: "period" }, dateEl(from, fromPrecision, "?"), " → ", dateEl(to, toPrecision, "open"));
}

/** Badges from an answer's `currency`: end unknown / last confirmed …, stale, mandate lapsed. */
export function currencyBadges(c) {
  if (!c) return [];
  const out = [];
  const confirmed = c.verifiedOn ? `last confirmed ${c.verifiedOn}` : "never confirmed";
  if (c.endUnknown) out.push(h("span", { class: `badge badge-currency${c.stale ? " badge-stale" : ""}`, dataset: { currency: "end-unknown" }, title: "No end is recorded; the date a source last confirmed it" }, `end unknown · ${confirmed}`));
  else if (c.verifiedOn) out.push(h("span", { class: "badge badge-confirmed", dataset: { currency: "confirmed" } }, confirmed));
  if (c.stale) out.push(h("span", { class: "badge badge-stale", dataset: { currency: "stale" }, title: "Open-ended and last confirmed years before the date asked about" }, "⚠ stale"));
  if (c.mandateLapsed) out.push(h("span", { class: "badge badge-lapsed", dataset: { currency: "mandate-lapsed" }, title: "Its latest mandate has ended and no renewal or termination is recorded" }, "⚠ mandate lapsed"));
  return out;
}

/** Plain-text currency, for charts' tooltips and exports. */
export function currencyText(c) {
  if (!c) return "";
  const parts = [];
  if (c.endUnknown) parts.push(`end unknown, ${c.verifiedOn ? `last confirmed ${c.verifiedOn}` : "never confirmed"}`);
  else if (c.verifiedOn) parts.push(`last confirmed ${c.verifiedOn}`);
  if (c.stale) parts.push("stale");
  if (c.mandateLapsed) parts.push("mandate lapsed");
  return parts.join("; ");
}

export const CAUSES = {
  departure: { label: "departure", help: "the leaving actor was the one covering it" },
  ended: { label: "fact ended", help: "the coverage fact's own recorded end falls on the same day" },
  mandate_expired: { label: "mandate expired", help: "the mandate it rested on ends and no renewal is recorded" },
};

export function causeBadge(cause) {
  const c = CAUSES[cause];
  return h("span", { class: `badge badge-cause cause-${cause || "none"}`, dataset: { cause: cause || "" }, title: c?.help || "" },
    c ? c.label : cause || "—");
}

/** Add days to an ISO date. */
export function addDays(d, n) {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

/** Performance marks of a view: start when it begins loading, ready when it is drawn with its data. */
export function markStart(view) {
  performance.mark(`pg:${view}:start`);
}
export function markReady(view) {
  const name = `pg:${view}:ready`;
  if (!performance.getEntriesByName(name).length) performance.mark(name);
  const starts = performance.getEntriesByName(`pg:${view}:start`);
  if (starts.length) {
    try { performance.measure(`pg:${view}`, `pg:${view}:start`, name); } catch { /* a start mark was cleared */ }
  }
}
