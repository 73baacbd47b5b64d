// The view's state lives in the URL hash, so a link reproduces the view:
//   #country=MLI&area=MLI-mopti&date=2020-06-30&planned=1&tab=whatif
//    &task=civilian_protection&actor=minusma            (who-covers selection)
//    &mission=minusma                                    (mission selected in the timeline)
//    &focus=mission:minusma                              (graph centre: mission:ID or org:ID)
//    &run=whatif&wi=minusma,eutm-mali&wid=2024-01-01&ho=civilian_protection:gov-mli   (a what-if)
//    &run=transition&tr=tr:minusma-withdrawal            (a recorded transition)

export const TABS = ["country", "timeline", "whatif", "graph"];

export function emptyState() {
  return { country: "", area: "", date: "", planned: false, tab: "country", task: "", actor: "", mission: "",
    focus: "", run: "", wi: [], wid: "", ho: [], tr: "" };
}

export function parseHash(hash) {
  const p = new URLSearchParams(String(hash || "").replace(/^#/, ""));
  const s = emptyState();
  for (const k of ["country", "area", "date", "task", "actor", "mission", "focus", "run", "wid", "tr"]) s[k] = p.get(k) || "";
  s.planned = p.get("planned") === "1";
  s.tab = TABS.includes(p.get("tab")) ? p.get("tab") : "country";
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
  p.set("tab", s.tab || "country");
  if (s.task) p.set("task", s.task);
  if (s.actor) p.set("actor", s.actor);
  if (s.mission) p.set("mission", s.mission);
  if (s.focus) p.set("focus", s.focus);
  if (s.run) p.set("run", s.run);
  if (s.run === "whatif") {
    if (s.wi.length) p.set("wi", s.wi.join(","));
    if (s.wid) p.set("wid", s.wid);
    if (s.ho.length) p.set("ho", s.ho.map((x) => `${x.task}:${x.to}`).join(","));
  }
  if (s.run === "transition" && s.tr) p.set("tr", s.tr);
  return "#" + p.toString().replace(/%2C/gi, ",").replace(/%3A/gi, ":");
}
