// Who covers a task in a place on a date: actor, role/modality, mandates, who pays, and the sources.
import { currencyBadges, dateEl, h, periodEl } from "./common.js";

function citation(c) {
  const s = c.source || { id: c.sourceId, title: c.sourceId, kind: "source" };
  const title = s.url ? h("a", { href: s.url, target: "_blank", rel: "noopener noreferrer" }, s.title) : s.title;
  return h("li", { class: "source", dataset: { sourceId: c.sourceId, locator: c.locator } },
    h("div", {}, h("strong", { class: "source-title" }, title), " ", h("span", { class: "kind" }, `(${s.kind}${s.symbol && s.symbol !== s.title ? `, ${s.symbol}` : ""}${s.date ? `, ${s.date}` : ""})`)),
    h("div", { class: "locator" }, `at ${c.locator}`),
    c.quote ? h("blockquote", { class: "quote" }, `“${c.quote}”`) : h("div", { class: "hint" }, "no quote recorded"));
}

export function renderWhoCovers(el, { task, taskLabel, place, placeName, asOf, actor, primary = "" }, coverings) {
  el.dataset.state = "ready";
  el.dataset.task = task;
  el.dataset.place = place;
  el.dataset.asOf = asOf;
  const sorted = [...coverings].sort((a, b) => (b.actorId === actor) - (a.actorId === actor));
  const body = h("div", { class: "who-body" },
    h("p", {}, h("strong", {}, taskLabel), ` in ${placeName} on ${asOf}`,
      actor ? ` — cell of ${sorted.find((c) => c.actorId === actor)?.actorName || actor}` : ""),
    primary ? h("p", { class: "primary-note" }, `⚑ ${primary} holds primary responsibility for this task — a principle, not coverage: it never turns a gap into thin or overlap.`) : null,
    coverings.length ? null : h("p", { class: "message", dataset: { kind: "empty" } }, "Nobody covers this task here on this date."),
    sorted.map((c, i) => h("article", {
      class: `covering${c.actorId === actor ? " highlight" : ""}`,
      dataset: { coverage: c.coverageId, actor: c.actorId, place: c.placeId },
    },
    h("h3", {}, c.actorName),
    h("div", { class: "badges" }, currencyBadges(c.currency)),
    h("dl", {},
      h("dt", {}, "Role"), h("dd", {}, [c.role, c.modality].filter(Boolean).join(" · ") || "—"),
      h("dt", {}, "Place"), h("dd", {}, c.placeName),
      h("dt", {}, "Period"), h("dd", {}, periodEl(c.validFrom, c.validFromPrecision, c.validTo, c.validToPrecision), ` (${c.status})`),
      h("dt", {}, "Mandates"), h("dd", { class: "mandates" }, c.mandates.length
        ? c.mandates.map((m, j) => h("span", { dataset: { mandate: m.id } }, j ? ", " : "", m.symbol || m.id,
          m.validTo ? h("span", { class: "hint" }, " (ends ", dateEl(m.validTo, m.validToPrecision), ")") : null))
        : "none recorded"),
      h("dt", {}, "Paid by"), h("dd", { class: "payments" }, c.payments.length
        ? h("ul", { class: "plain-list" }, c.payments.map((p) => {
          const f = p.fundingLine;
          if (!f) return h("li", {}, p.fundingLineId);
          const amount = f.amount != null ? `, ${f.amount.toLocaleString("en")} ${f.currency || ""}` : "";
          const funders = f.funders.map((x) => x.acronym || x.name).join(", ");
          return h("li", { dataset: { funding: f.id } }, `${f.name}${amount}${funders ? ` (from ${funders})` : ""}`,
            p.paysForThisCoverage ? "" : " — pays the actor, not this task");
        }))
        : "no funding line recorded"),
    ),
    h("details", { class: "sources", open: i === 0 && c.actorId === actor ? true : null },
      h("summary", {}, `Sources (${c.sources.length})`),
      h("ul", { class: "plain-list" }, c.sources.map(citation))))),
  );
  el.replaceChildren(h("h2", { id: "who-title" }, "Who covers"), body);
}

export function whoLoading(el, text) {
  el.dataset.state = "loading";
  const p = el.querySelector(".who-body") || h("div", { class: "who-body" });
  el.replaceChildren(h("h2", { id: "who-title" }, "Who covers"), h("p", { class: "hint" }, text), p);
}

export function whoError(el, message) {
  el.dataset.state = "error";
  el.replaceChildren(h("h2", { id: "who-title" }, "Who covers"), h("p", { class: "message", dataset: { kind: "error" } }, message));
}
