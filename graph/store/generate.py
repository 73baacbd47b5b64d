"""Generate the per-kind Cypher statements from the domain spec into cypher/generated/ (one named file each).

`python -m peacegraph.graph.store.generate` (or `make generate`) rewrites them; a staleness test fails when the
files differ from what the spec gives. Labels, relationship types and property names come from the spec only;
every value is a parameter.
"""

from __future__ import annotations

import sys
from pathlib import Path

from peacegraph.graph.domain.spec import NODES, LinkSpec, NodeSpec

HEADER = "// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).\n"
KEY = "toLower(normalize({}, NFKC))"
"""How ids compare (`_key`, indexed per label): after NFKC normalisation and lower-casing, so look-alikes meet."""
CITES = "[(n)-[r:CITES]->(s:Source) | {source: s.id, locator: r.locator, quote: r.quote}]"


def upsert(spec: NodeSpec) -> str:
    """Create or update nodes; unchanged rows (same content hash) are skipped. Citations accumulate.

    Returns one row per input row: its id and whether it was new, updated or unchanged.
    """
    labels = "".join(f", n:{x}" for x in spec.extra_labels)
    cites = ""
    if spec.cites:
        cites = """
  CALL (n, row) {
    UNWIND row.cites AS c
    MATCH (s:Source {id: c.source})
    MERGE (n)-[r:CITES {locator: c.locator}]->(s)
    SET r.quote = c.quote
  }"""
    return f"""{HEADER}// {spec.label}: properties replaced by the latest version, keyed by id; citations (CITES, by locator) accumulate.
UNWIND $rows AS row
OPTIONAL MATCH (old:{spec.label} {{id: row.id}})
WITH row, CASE WHEN old IS NULL THEN 'new' WHEN old._hash = row.hash THEN 'unchanged' ELSE 'updated' END AS change
CALL (row, change) {{
  WITH row, change WHERE change <> 'unchanged'
  MERGE (n:{spec.label} {{id: row.id}})
  SET n = row.props, n.id = row.id, n._hash = row.hash, n._key = {KEY.format("row.id")}{labels}
  WITH n, row{cites}
  RETURN count(*) AS written
}}
RETURN row.id AS id, change
"""


def _link_block(var: str, rowvar: str, link: LinkSpec) -> str:
    """Create the relationships of one link field from `<rowvar>.<field>`, collecting ids that name no node."""
    return f"""CALL ({var}, {rowvar}) {{
  UNWIND {rowvar}.{link.name} AS ref
  OPTIONAL MATCH (t:{link.target} {{id: ref}})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE ({var})-[:{link.rel}]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | '{link.name} ' + x] AS missing_{link.name}
}}"""


def _indent(text: str, by: str = "  ") -> str:
    return "\n".join(by + line for line in text.splitlines())


def link(spec: NodeSpec) -> str | None:
    """Replace a node's outgoing link relationships (and components) with those of its latest version.

    Returns only the rows whose ids name no node ("field id"): the writer then fails the whole transaction.
    """
    if not spec.links and not spec.components:
        return None
    what = ", ".join([lk.name for lk in spec.links] + [c.name for c in spec.components])
    parts = [f"{HEADER}// {spec.label}: {what}.", "UNWIND $rows AS row", f"MATCH (n:{spec.label} {{id: row.id}})"]
    rels = "|".join(sorted({lk.rel for lk in spec.links}))
    if rels:
        parts.append(f"CALL (n) {{ MATCH (n)-[old:{rels}]->() DELETE old }}")
    missing = []
    for lk in spec.links:
        parts.append(_link_block("n", "row", lk))
        missing.append(f"missing_{lk.name}")
    for comp in spec.components:
        sub_rels = "|".join(sorted({lk.rel for lk in comp.links}))
        blocks = "\n".join(_indent(_link_block("h", "sub", lk)) for lk in comp.links)
        parts.append(f"""CALL (n, row) {{
  MATCH (n)-[:{comp.rel}]->(gone:{comp.label})
  WHERE NOT gone.id IN [x IN row.{comp.name} | x.id]
  DETACH DELETE gone
}}
CALL (n, row) {{
  UNWIND row.{comp.name} AS sub
  MERGE (h:{comp.label} {{id: sub.id}})
  MERGE (n)-[:{comp.rel}]->(h)
  WITH h, sub
  CALL (h) {{ MATCH (h)-[old:{sub_rels}]->() DELETE old }}
{blocks}
  RETURN reduce(acc = [], x IN collect({' + '.join(f'missing_{lk.name}' for lk in comp.links)}) | acc + x)
         AS missing_{comp.name}
}}""")
        missing.append(f"missing_{comp.name}")
    parts.append(f"WITH row, {' + '.join(missing)} AS missing")
    parts.append("WHERE size(missing) > 0")
    parts.append("RETURN row.id AS id, missing")
    return "\n".join(parts) + "\n"


def delete(spec: NodeSpec) -> str:
    """Delete nodes by id, all or nothing: nothing is deleted while any is referenced by another fact.

    Each node is write-locked before its references are read, so a concurrent write that links to it either
    lands first (and blocks the delete) or finds the node gone (and fails).
    """
    comps = [c.label for c in spec.components]
    not_comp = (" WHERE " + " AND ".join(f"NOT other:{label}" for label in comps)) if comps else ""
    detach = ""
    if comps:
        detach = "\n  " + "\n  ".join(
            f"OPTIONAL MATCH (n)-[:{c.rel}]->(sub:{c.label})\n  DETACH DELETE sub" for c in spec.components)
    return f"""{HEADER}// Delete {spec.label} nodes by id, all or nothing; the references that block a delete are returned.
UNWIND $ids AS id
OPTIONAL MATCH (n:{spec.label} {{id: id}})
CALL (n) {{ WITH n WHERE n IS NOT NULL SET n._lock = true }}
WITH collect({{id: id, node: n, refs: CASE WHEN n IS NULL THEN [] ELSE
       [(n)<-[r]-(other){not_comp} | type(r) + ' from ' + other.id] END}}) AS rows
WITH rows, [row IN rows WHERE size(row.refs) > 0 | {{id: row.id, refs: row.refs}}] AS blocked,
     [row IN rows WHERE row.node IS NOT NULL | row.node] AS nodes
CALL (nodes, blocked) {{
  WITH nodes, blocked WHERE size(blocked) = 0
  UNWIND nodes AS n{detach}
  DETACH DELETE n
}}
CALL (nodes, blocked) {{
  WITH nodes, blocked WHERE size(blocked) > 0
  UNWIND nodes AS n
  REMOVE n._lock
}}
RETURN CASE WHEN size(blocked) = 0 THEN size(nodes) ELSE 0 END AS deleted, blocked,
       [row IN rows WHERE row.node IS NULL | row.id] AS missing
"""


def export(spec: NodeSpec) -> str:
    """Every node of a kind as a bundle record: properties, link ids, component records and citations."""
    cols = ["properties(n) AS props"]
    for lk in spec.links:
        cols.append(f"[(n)-[:{lk.rel}]->(t:{lk.target}) | t.id] AS {lk.name}")
    for comp in spec.components:
        fields = ", ".join(f"{lk.name}: head([(h)-[:{lk.rel}]->(t:{lk.target}) | t.id])" for lk in comp.links)
        cols.append(f"[(n)-[:{comp.rel}]->(h:{comp.label}) | {{{fields}}}] AS {comp.name}")
    if spec.cites:
        cols.append(f"{CITES} AS cites")
    body = ",\n       ".join(cols)
    return f"{HEADER}MATCH (n:{spec.label})\nRETURN {body}\nORDER BY n.id\n"


def plan(spec: NodeSpec) -> str:
    """What writing these rows would do, without writing: the ids that exist with the same content hash
    (unchanged) and with another (updated); every other id is new. One row, whatever the number of ids."""
    return f"""{HEADER}UNWIND $rows AS row
MATCH (old:{spec.label} {{id: row.id}})
WITH row.id AS id, old._hash = row.hash AS same
RETURN collect(CASE WHEN same THEN id END) AS unchanged, collect(CASE WHEN NOT same THEN id END) AS updated
"""


def known_ids() -> str:
    """Which of the given ids (per kind, $ids: {kind: [id, ...]}) the graph holds; actors say which kind they are."""
    parts = [f"  UNWIND coalesce($ids.{kind}, []) AS id MATCH (:{spec.label} {{id: id}}) RETURN '{kind}' AS kind, id"
             for kind, spec in NODES.items()]
    parts.append("  UNWIND coalesce($ids.actors, []) AS id MATCH (a:Actor {id: id})\n"
                 "  RETURN CASE WHEN a:Mission THEN 'actors:missions' ELSE 'actors:organizations' END AS kind, id")
    body = "\n  UNION ALL\n".join(parts)
    return f"{HEADER}CALL () {{\n{body}\n}}\nRETURN kind, collect(id) AS ids\n"


def _key_label(kind: str, spec: NodeSpec) -> str:
    """Look-alikes are compared among actors as a whole (an organisation and a mission share one id space)."""
    return "Actor" if spec.extra_labels else spec.label


def label_counts() -> str:
    """How many nodes each kind has (from the count store: constant time), so a first load skips plans and
    look-alike checks against kinds the graph does not hold yet."""
    parts = [f"  MATCH (n:{_key_label(kind, spec)}) RETURN '{kind}' AS kind, count(n) AS n"
             for kind, spec in NODES.items()]
    body = "\n  UNION ALL\n".join(parts)
    return f"{HEADER}CALL () {{\n{body}\n}}\nRETURN kind, n\n"


def lookalike_ids() -> str:
    """Which of the given new ids ($ids: {kind: [id, ...]}) equal, once normalised, a different id in the graph."""
    parts = [f"  UNWIND coalesce($ids.{kind}, []) AS id\n"
             f"  MATCH (o:{_key_label(kind, spec)} {{_key: {KEY.format('id')}}}) WHERE o.id <> id\n"
             f"  RETURN '{kind}' AS kind, id, o.id AS existing"
             for kind, spec in NODES.items()]
    body = "\n  UNION ALL\n".join(parts)
    return f"{HEADER}CALL () {{\n{body}\n}}\nRETURN kind, id, existing\n"


def self_link(spec: NodeSpec) -> LinkSpec | None:
    """The single-valued link naming a node of the same kind (place parent, part_of, renews), if any."""
    return next((lk for lk in spec.links if not lk.many and lk.target == spec.label), None)


def ancestors(spec: NodeSpec, lk: LinkSpec) -> str:
    """Every (child, parent) link the graph holds above the given ids, for the cycle check of a load."""
    return f"""{HEADER}// {spec.label}.{lk.name} links above $ids (the load checks that its own links close no cycle with them).
UNWIND $ids AS id
MATCH (:{spec.label} {{id: id}})-[:{lk.rel}*0..]->(a:{spec.label})-[:{lk.rel}]->(b:{spec.label})
RETURN DISTINCT a.id AS child, b.id AS parent
"""


def _create_links(links: list[LinkSpec]) -> list[str]:
    """CREATE the relationships of `links` from `row.<link>` to nodes by label and id (in the graph or created
    earlier in the same transaction). A missing target creates nothing: the writer compares the relationships
    created with the number it asked for."""
    return [f"""CALL (n, row) {{
  UNWIND row.{lk.name} AS ref
  MATCH (t:{lk.target} {{id: ref}})
  CREATE (n)-[:{lk.rel}]->(t)
}}""" for lk in links]


def create(spec: NodeSpec) -> str:
    """Nodes the plan found new, created outright (no MERGE): properties, citations, and the links whose targets
    exist already (links to nodes created with or after them come from `create_links`)."""
    labels = ":".join([spec.label, *spec.extra_labels])
    parts = [f"{HEADER}// {spec.label}: new nodes (the load's plan found no node with these ids), with links and citations.",
             "UNWIND $rows AS row", f"CREATE (n:{labels} {{id: row.id}})",
             f"SET n += row.props, n._hash = row.hash, n._key = {KEY.format('row.id')}",
             "WITH n, row", *_create_links(list(spec.links))]
    if spec.cites:
        parts.append("""CALL (n, row) {
  UNWIND row.cites AS c
  MATCH (s:Source {id: c.source})
  CREATE (n)-[:CITES {locator: c.locator, quote: c.quote}]->(s)
}""")
    parts.append("RETURN count(*) AS created")
    return "\n".join(parts) + "\n"


def create_links(spec: NodeSpec) -> str:
    """Links of new nodes to nodes created with or after them (a place's parent, part_of, contributors)."""
    return "\n".join([f"{HEADER}// {spec.label}: links of new nodes to nodes created with or after them.",
                      "UNWIND $rows AS row", f"MATCH (n:{spec.label} {{id: row.id}})",
                      *_create_links(list(spec.links)), "RETURN count(*) AS linked"]) + "\n"


STAGED = "_Staged"
"""The label of a bulk load's staged nodes: no reader matches it, and the publish swaps it for the real labels."""
LOAD = "_Load"
"""The label of a bulk load's marker node, there from its first staged batch until it is published whole."""


def _graph_links(links: list[LinkSpec]) -> list[str]:
    """CREATE relationships to nodes in the graph named by `row.<link>` (missing targets create nothing)."""
    return [f"""CALL (n, row) {{
  UNWIND row.{lk.name} AS ref
  MATCH (t:{lk.target} {{id: ref}})
  CREATE (n)-[:{lk.rel}]->(t)
}}""" for lk in links]


def _staged_links(links: list[LinkSpec]) -> list[str]:
    """CREATE relationships to nodes the same load staged, named by `_sid` in `row.staged_<link>`."""
    return [f"""CALL (n, row) {{
  UNWIND row.staged_{lk.name} AS ref
  MATCH (t:{STAGED} {{_sid: ref}})
  CREATE (n)-[:{lk.rel}]->(t)
}}""" for lk in links]


def stage(spec: NodeSpec) -> str:
    """A bulk load's batch of new nodes, created under the staging label with their citations, their links to the
    graph and to nodes staged before them (links to nodes staged later come from `stage_links`). Missing targets
    create nothing: the caller compares the relationships created with the number it asked for."""
    labels = [spec.label, *spec.extra_labels]
    parts = [f"{HEADER}// {spec.label}: new nodes of bulk load $load, staged (invisible) until the load is published.",
             "UNWIND $rows AS row",
             f"CREATE (n:{STAGED} {{_sid: row.sid}})",
             f"SET n += row.props, n.id = row.id, n._hash = row.hash, n._key = {KEY.format('row.id')}, n._load = $load,",
             f"    n._kind = '{spec.kind}', n._labels = {labels!r}",
             "WITH n, row", *_graph_links(list(spec.links)), *_staged_links(list(spec.links))]
    if spec.cites:
        parts.append(f"""CALL (n, row) {{
  UNWIND row.cites AS c
  MATCH (s:Source {{id: c.source}})
  CREATE (n)-[:CITES {{locator: c.locator, quote: c.quote}}]->(s)
}}
CALL (n, row) {{
  UNWIND row.staged_cites AS c
  MATCH (s:{STAGED} {{_sid: c.source}})
  CREATE (n)-[:CITES {{locator: c.locator, quote: c.quote}}]->(s)
}}""")
    parts.append("RETURN count(*) AS staged")
    return "\n".join(parts) + "\n"


def stage_links(spec: NodeSpec) -> str:
    """Links between staged nodes whose targets were staged after their owners (a place's parent, part_of, a
    mission's contributors), once every node of the load is staged."""
    return "\n".join([f"{HEADER}// {spec.label}: links of nodes bulk load $load staged to nodes it staged later.",
                      "UNWIND $rows AS row", f"MATCH (n:{STAGED} {{_sid: row.sid}})",
                      *_staged_links(list(spec.links)), "RETURN count(*) AS linked"]) + "\n"


def publish() -> str:
    """Make a staged load visible in one transaction: each node takes its real labels and loses the staging label
    and properties; `_load` stays, naming the load that wrote it (until the node is next rewritten)."""
    return f"""{HEADER}// Publish bulk load $load: every node it staged takes its real labels (one transaction, all at once).
MATCH (n:{STAGED})
WHERE n._load = $load
WITH n, n._kind AS kind
SET n:$(n._labels)
REMOVE n:{STAGED}, n._sid, n._kind, n._labels
RETURN kind, count(*) AS published
"""


def publish_batched() -> str:
    """The same in batches of their own, for loads too large for one transaction's memory: readers see the load
    appear in the order it was staged (kind by kind, in write order)."""
    return f"""{HEADER}// Publish bulk load $load in batches (a load too large to publish in one transaction).
MATCH (n:{STAGED})
WHERE n._load = $load
CALL (n) {{
  SET n:$(n._labels)
  REMOVE n:{STAGED}, n._sid, n._kind, n._labels
}} IN TRANSACTIONS OF 10000 ROWS
"""


def staged_conflicts() -> str:
    """Staged nodes whose id a published node of their kind already has (created by another writer meanwhile)."""
    parts = [f"  MATCH (n:{STAGED}) WHERE n._load = $load AND n._kind = '{kind}'\n"
             f"  MATCH (o:{spec.label} {{id: n.id}})\n  RETURN '{kind}' AS kind, n.id AS id"
             for kind, spec in NODES.items() if not spec.components]
    body = "\n  UNION ALL\n".join(parts)
    return f"{HEADER}CALL () {{\n{body}\n}}\nRETURN kind, id LIMIT 20\n"


def unstage() -> str:
    """Remove the nodes a bulk load staged (it failed, or was interrupted), in batches of their own."""
    return f"""{HEADER}// Remove what bulk load $load staged (never published: nothing a reader sees changes).
MATCH (n:{STAGED})
WHERE n._load = $load
CALL (n) {{ DETACH DELETE n }} IN TRANSACTIONS OF 5000 ROWS
"""


def bulk_begin() -> str:
    return f"""{HEADER}// A bulk load starts staging: its marker (no reader matches the label) says how far it got.
CREATE (:{LOAD} {{id: $load, state: 'staging', started: datetime(), files: $files, updates: $updates}})
"""


def bulk_staged() -> str:
    return f"""{HEADER}// Every record of bulk load $load is staged: from here on an interrupted load is published, not removed.
MATCH (m:{LOAD} {{id: $load}})
SET m.state = 'staged', m.staged = $staged
"""


def bulk_end() -> str:
    return f"{HEADER}// Bulk load $load is published whole: its marker goes.\nMATCH (m:{LOAD} {{id: $load}})\nDELETE m\n"


def staged_loads() -> str:
    """Bulk loads that have not finished: their marker (state, files, pending updates) and their staged nodes."""
    return f"""{HEADER}// Bulk loads that have not finished (interrupted, or running now): markers and staged nodes.
CALL () {{
  MATCH (m:{LOAD})
  RETURN m.id AS load, m.state AS state, m.files AS files, m.updates AS updates, 0 AS records
  UNION ALL
  MATCH (n:{STAGED})
  RETURN n._load AS load, null AS state, null AS files, null AS updates, count(*) AS records
}}
RETURN load, head(collect(state)) AS state, head(collect(files)) AS files, head(collect(updates)) AS updates,
       sum(records) AS records
ORDER BY load
"""


def stage_index() -> str:
    """The index staging looks nodes up by (created by the bulk path itself, so a bulk load never scans)."""
    return f"{HEADER}CREATE INDEX staged_sid IF NOT EXISTS FOR (n:{STAGED}) ON (n._sid)\n"


def statements() -> dict[str, str]:
    """Every generated statement by name (the file name under cypher/generated/, without .cypher)."""
    out: dict[str, str] = {"known_ids": known_ids(), "lookalike_ids": lookalike_ids(), "label_counts": label_counts(),
                           "publish": publish(),
                           "publish_batched": publish_batched(), "staged_conflicts": staged_conflicts(),
                           "unstage": unstage(), "staged_loads": staged_loads(), "stage_index": stage_index(),
                           "bulk_begin": bulk_begin(), "bulk_staged": bulk_staged(), "bulk_end": bulk_end()}
    for kind, spec in NODES.items():
        if (lk := self_link(spec)) is not None:
            out[f"ancestors_{kind}"] = ancestors(spec, lk)
        out[f"plan_{kind}"] = plan(spec)
        out[f"upsert_{kind}"] = upsert(spec)
        if (text := link(spec)) is not None:
            out[f"link_{kind}"] = text
        out[f"delete_{kind}"] = delete(spec)
        if not spec.components:
            out[f"create_{kind}"] = create(spec)
            if spec.links:
                out[f"create_links_{kind}"] = create_links(spec)
            out[f"stage_{kind}"] = stage(spec)
            if spec.links:
                out[f"stage_links_{kind}"] = stage_links(spec)
        out[f"export_{kind}"] = export(spec)
    return out


def main(target: Path) -> None:
    """Write every statement into `target` and remove generated files that no longer have a statement."""
    target.mkdir(parents=True, exist_ok=True)
    wanted = statements()
    for old in target.glob("*.cypher"):
        if old.stem not in wanted:
            old.unlink()
    for name, text in wanted.items():
        (target / f"{name}.cypher").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("cypher/generated"))
