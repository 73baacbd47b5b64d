// Graph view: the neighbourhood of a mission or organisation (leaders, predecessors, successors, funders,
// partners under agreements) as an interactive Cytoscape.js network. Tapping a mission or organisation re-centres.
import cytoscape from "cytoscape";
import { gql, Q, edges } from "./api.js";
import { actorLabel, h } from "./common.js";

export const NODE_KINDS = {
  mission: { color: "#1f4e8c", shape: "round-rectangle", label: "mission" },
  organization: { color: "#e08214", shape: "ellipse", label: "organisation" },
  funding: { color: "#4d9221", shape: "diamond", label: "funding line" },
  agreement: { color: "#8e0152", shape: "hexagon", label: "agreement" },
};

/** Build nodes and edges for `focus` ("mission:ID" or "org:ID"). */
export async function neighbourhood(focus, country, local = new Set()) {
  const [kind, id] = [focus.slice(0, focus.indexOf(":")), focus.slice(focus.indexOf(":") + 1)];
  const nodes = new Map();
  const links = new Map();
  let fundsNote = "";
  const node = (nid, k, label, name, extra = {}) => {
    if (!nodes.has(nid)) nodes.set(nid, { id: nid, kind: k, label, name: name || label, ...extra });
    return nid;
  };
  const actorNode = (a) => a && node(a.id, a.__typename === "Mission" ? "mission" : "organization", actorLabel(a), a.name);
  const link = (source, target, label) => {
    if (!source || !target || source === target) return;
    const key = `${source}|${target}|${label}`;
    if (!links.has(key)) links.set(key, { id: key, source, target, label });
  };
  if (kind === "mission") {
    const d = await gql(Q.mission, { id });
    const m = d.mission;
    if (!m) throw new Error(`No mission with id ${id}.`);
    node(m.id, "mission", actorLabel(m), m.name, { focus: true });
    for (const o of m.ledBy) link(node(o.id, "organization", actorLabel(o), o.name), m.id, "leads");
    for (const t of m.transitionsIn) link(actorNode(t.from), m.id, `${t.kind} ${t.end || ""}`.trim());
    for (const t of m.transitionsOut) for (const to of t.to) link(m.id, actorNode(to), `${t.kind} ${t.end || ""}`.trim());
    for (const p of d.missionHistory.predecessors) link(node(p.mission, "mission", p.name, p.name), m.id, `${p.kind} ${p.date || ""}`.trim());
    for (const s of d.missionHistory.successors) link(m.id, node(s.mission, "mission", s.name, s.name), `${s.kind} ${s.date || ""}`.trim());
    for (const f of edges(m.fundingLines)) {
      node(f.id, "funding", f.name.length > 32 ? `${f.name.slice(0, 30)}…` : f.name, f.name);
      link(f.id, m.id, "pays");
      for (const o of f.funders) link(node(o.id, "organization", actorLabel(o), o.name), f.id, "funds");
    }
  } else {
    const d = await gql(Q.organization, { id, sid: id, country: country || "" });
    const o = d.organization;
    if (!o) throw new Error(`No organisation with id ${id}.`);
    node(o.id, "organization", actorLabel(o), o.name, { focus: true });
    const elsewhere = edges(o.funds).length - edges(o.funds).filter((f) => !local.size || (f.recipient && local.has(f.recipient.id))).length;
    fundsNote = elsewhere ? `${elsewhere} funding line(s) to recipients outside ${country} are not shown.` : "";
    if (o.partOf) link(o.id, node(o.partOf.id, "organization", actorLabel(o.partOf), o.partOf.name), "part of");
    for (const m of edges(d.missions)) link(o.id, node(m.id, "mission", actorLabel(m), m.name), "leads");
    const funds = edges(o.funds);
    const here = funds.filter((f) => !local.size || (f.recipient && local.has(f.recipient.id)));
    for (const f of here) {
      node(f.id, "funding", f.name.length > 32 ? `${f.name.slice(0, 30)}…` : f.name, f.name);
      link(o.id, f.id, "funds");
      if (f.recipient) link(f.id, actorNode(f.recipient), "pays");
    }
    for (const a of edges(o.agreements)) {
      node(a.id, "agreement", a.name.length > 32 ? `${a.name.slice(0, 30)}…` : a.name, a.name);
      link(o.id, a.id, "party to");
      for (const p of a.parties) if (p.id !== o.id) link(actorNode(p), a.id, "partner");
    }
  }
  return { nodes: [...nodes.values()], links: [...links.values()], note: kind === "org" ? fundsNote : "" };
}

export function createNetwork(el, { onFocus }) {
  const cy = cytoscape({
    container: el,
    style: [
      { selector: "node", style: {
        label: "data(label)", "font-size": 12, "text-valign": "bottom", "text-margin-y": 3, "text-wrap": "wrap",
        "text-max-width": 120, width: 26, height: 26, "background-color": "data(color)", shape: "data(shape)",
        "border-width": 1, "border-color": "#333", "text-background-color": "#fff", "text-background-opacity": 0.8,
      } },
      { selector: "node[?focus]", style: { width: 44, height: 44, "border-width": 4, "border-color": "#ffbf47", "font-weight": "bold", "font-size": 13 } },
      { selector: "edge", style: {
        width: 1.5, "line-color": "#8a94a6", "target-arrow-color": "#8a94a6", "target-arrow-shape": "triangle",
        "curve-style": "bezier", label: "data(label)", "font-size": 10, color: "#333", "text-rotation": "autorotate",
        "text-wrap": "wrap", "text-max-width": 80, "text-background-color": "#fff", "text-background-opacity": 0.9,
        "text-background-padding": 1, "min-zoomed-font-size": 0,
      } },
      { selector: ":selected", style: { "border-width": 4, "border-color": "#ffbf47" } },
    ],
  });
  cy.on("tap", "node", (e) => {
    const d = e.target.data();
    if (d.kind === "mission") onFocus(`mission:${d.id}`);
    else if (d.kind === "organization") onFocus(`org:${d.id}`);
  });
  return {
    cy,
    render(graph, focus) {
      cy.elements().remove();
      cy.add([
        ...graph.nodes.map((n) => ({ group: "nodes", data: { ...n, color: NODE_KINDS[n.kind].color, shape: NODE_KINDS[n.kind].shape } })),
        ...graph.links.map((l) => ({ group: "edges", data: l })),
      ]);
      const focusId = focus.slice(focus.indexOf(":") + 1);
      cy.resize();
      cy.layout({
        name: "concentric", animate: false, minNodeSpacing: 48, padding: 24, startAngle: Math.PI / 2,
        concentric: (n) => (n.id() === focusId ? 2 : 1), levelWidth: () => 1,
      }).run();
      el.dataset.state = "ready";
      el.dataset.focus = focus;
      el.dataset.nodes = graph.nodes.map((n) => n.id).sort().join(",");
    },
    png() {
      return cy.png({ full: true, scale: 2, bg: "#ffffff" });
    },
    /** The network as a picture to hand over: a title, the date and the legend above and below it. */
    async pngDocument(title, subtitle) {
      const img = new Image();
      img.src = cy.png({ full: true, scale: 2, bg: "#ffffff" });
      await img.decode();
      const s = 2;
      const head = 56 * s;
      const foot = 34 * s;
      const canvas = document.createElement("canvas");
      canvas.width = Math.max(img.width, 760 * s);
      canvas.height = head + img.height + foot;
      const g = canvas.getContext("2d");
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.fillStyle = "#1d2330";
      g.font = `bold ${16 * s}px sans-serif`;
      g.fillText(title, 12 * s, 24 * s);
      g.font = `${12 * s}px sans-serif`;
      g.fillText(subtitle, 12 * s, 44 * s);
      g.drawImage(img, Math.round((canvas.width - img.width) / 2), head);
      let x = 12 * s;
      const y = head + img.height + 12 * s;
      g.font = `${12 * s}px sans-serif`;
      for (const k of Object.values(NODE_KINDS)) {
        g.fillStyle = k.color;
        g.fillRect(x, y, 14 * s, 12 * s);
        g.fillStyle = "#1d2330";
        const text = `${k.label} (${k.shape.replace("-", " ")})`;
        g.fillText(text, x + 18 * s, y + 10 * s);
        x += 18 * s + g.measureText(text).width + 16 * s;
      }
      return canvas.toDataURL("image/png");
    },
  };
}

export function renderGraphList(listEl, graph, onFocus) {
  const linksOf = (id) => graph.links.filter((l) => l.source === id || l.target === id);
  const name = (id) => graph.nodes.find((n) => n.id === id)?.name || id;
  listEl.replaceChildren(...graph.nodes.map((n) => h("li", { dataset: { nodeId: n.id, nodeKind: n.kind } },
    n.kind === "mission" || n.kind === "organization"
      ? h("button", { type: "button", onclick: () => onFocus(`${n.kind === "mission" ? "mission" : "org"}:${n.id}`) }, n.name)
      : h("strong", {}, n.name),
    ` (${NODE_KINDS[n.kind].label}${n.focus ? ", centre" : ""}): `,
    linksOf(n.id).map((l) => (l.source === n.id ? `${l.label} → ${name(l.target)}` : `${name(l.source)} ${l.label} →`)).join("; "))));
}

export function graphLegend(el) {
  el.replaceChildren(...Object.values(NODE_KINDS).map((k) => h("span", { class: "item" },
    h("span", { class: "swatch", style: `background:${k.color};border-radius:${k.shape === "ellipse" ? "50%" : "2px"}`, "aria-hidden": "true" }),
    `${k.label} (${k.shape.replace("-", " ")})`)), h("span", { class: "hint" }, "Click a mission or organisation to centre on it; scroll to zoom, drag to pan."));
}
