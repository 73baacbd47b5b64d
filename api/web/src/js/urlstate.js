// The view's state lives in the URL hash, so a link reproduces the view:
//   #tab=portfolio&date=2024-06-30&horizon=6&sort=gap&dir=desc&colour=risk      (the portfolio landing)
//   #country=MLI&area=MLI-mopti&date=2020-06-30&planned=1&tab=country&areaonly=1
//    &task=civilian_protection&actor=minusma            (who-covers selection)
//    &mission=minusma                                    (mission selected in the timeline)
//    &focus=mission:minusma                              (graph centre: mission:ID or org:ID)
//    &run=whatif&wi=minusma,eutm-mali&wid=2024-01-01&ho=civilian_protection:gov-mli   (a what-if)
//    &run=transition&tr=tr:minusma-withdrawal            (a recorded transition)
//    &tab=compare&from=2023-06-30&to=2025-06-30&all=1   (compare two dates; all=1 shows unchanged tasks too)

export const TABS = ["portfolio", "country", "compare", "timeline", "whatif", "graph", "briefing"];
export const COUNTRY_TABS = TABS.filter((t) => t !== "portfolio");
export const HORIZONS = [3, 6, 12, 24];

export function emptyState() {
  return { country: "", area: "", date: "", planned: false, tab: "portfolio", task: "", actor: "", mission: "",
    focus: "", run: "", wi: [], wid: "", ho: [], tr: "", horizon: 6, sort: "gap", dir: "desc", colour: "gaps",
    from: "", to: "", all: false, areaonly: false };
}

export function parseHash(hash) {
  const p = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const s = emptyState();
  for (const k of ["country", "area", "date", "task", "actor", "mission", "focus", "run", "wid", "tr", "from", "to"]) s[k] = p.get(k) || "";
  s.planned = p.get("planned") === "1";
  s.all = p.get("all") === "1";
  s.areaonly = p.get("areaonly") === "1";
  const tab = p.get("tab");
  s.tab = TABS.includes(tab) ? tab : s.country ? "country" : "portfolio";
  const horizon = Number(p.get("horizon"));
  s.horizon = HORIZONS.includes(horizon) ? horizon : 6;
  if (p.get("sort")) s.sort = p.get("sort");
  s.dir = p.get("dir") === "asc" ? "asc" : "desc";
  s.colour = p.get("colour") === "risk" ? "risk" : "gaps";
  s.wi = (p.get("wi") || "").split(",").filter(Boolean);
  s.ho = (p.get("ho") || "").split(",").filter(Boolean).map((x) => {
    const i = x.indexOf(":");
    return i > 0 ? { task: x.slice(0, i), to: x.slice(i + 1) } : {};
  }).filter((x) => x.task && x.to);
  if (!["whatif", "transition"].includes(s.run)) s.run = "";
  return s;
}

export function toHash(s) {
  const p = new URLSearchParams();
  if (s.country) p.set("country", s.country);
  if (s.area) p.set("area", s.area);
  if (s.date) p.set("date", s.date);
  if (s.planned) p.set("planned", "1");
  p.set("tab", s.tab || "portfolio");
  if (s.tab === "portfolio") {
    if (s.horizon !== 6) p.set("horizon", String(s.horizon));
    if (s.sort !== "gap" || s.dir !== "desc") {
      p.set("sort", s.sort);
      p.set("dir", s.dir);
    }
    if (s.colour !== "gaps") p.set("colour", s.colour);
  }
  if (s.areaonly && s.area) p.set("areaonly", "1");
  if (s.task) p.set("task", s.task);
  if (s.actor) p.set("actor", s.actor);
  if (s.mission) p.set("mission", s.mission);
  if (s.focus) p.set("focus", s.focus);
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  if (s.all) p.set("all", "1");
  if (s.run) p.set("run", s.run);
  if (s.run === "whatif") {
    if (s.wi.length) p.set("wi", s.wi.join(","));
    if (s.wid) p.set("wid", s.wid);
    if (s.ho.length) p.set("ho", s.ho.map((x) => `${x.task}:${x.to}`).join(","));
  }
  if (s.run === "transition" && s.tr) p.set("tr", s.tr);
  return "#" + p.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
}
