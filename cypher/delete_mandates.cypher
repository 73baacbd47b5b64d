// Delete mandates by id, all or nothing: if any is still referenced by another fact, nothing is deleted and the
// references are returned (delete those facts first).
UNWIND $ids AS id
OPTIONAL MATCH (n:Mandate {id: id})
WITH collect({id: id, node: n, refs: CASE WHEN n IS NULL THEN [] ELSE
       [(n)<-[r]-(other) WHERE NOT other:Handover | type(r) + ' from ' + other.id] END}) AS rows
WITH rows, [row IN rows WHERE size(row.refs) > 0 | {id: row.id, refs: row.refs}] AS blocked,
     [row IN rows WHERE row.node IS NOT NULL | row.node] AS nodes
CALL (nodes, blocked) {
  WITH nodes, blocked WHERE size(blocked) = 0
  UNWIND nodes AS n
  DETACH DELETE n
}
RETURN CASE WHEN size(blocked) = 0 THEN size(nodes) ELSE 0 END AS deleted, blocked,
       [row IN rows WHERE row.node IS NULL | row.id] AS missing
