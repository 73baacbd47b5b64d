// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Delete Mandate nodes by id, all or nothing; the references that block a delete are returned.
UNWIND $ids AS id
OPTIONAL MATCH (n:Mandate {id: id})
CALL (n) { WITH n WHERE n IS NOT NULL SET n._lock = true }
WITH collect({id: id, node: n, refs: CASE WHEN n IS NULL THEN [] ELSE
       [(n)<-[r]-(other) | type(r) + ' from ' + other.id] END}) AS rows
WITH rows, [row IN rows WHERE size(row.refs) > 0 | {id: row.id, refs: row.refs}] AS blocked,
     [row IN rows WHERE row.node IS NOT NULL | row.node] AS nodes
CALL (nodes, blocked) {
  WITH nodes, blocked WHERE size(blocked) = 0
  UNWIND nodes AS n
  DETACH DELETE n
}
CALL (nodes, blocked) {
  WITH nodes, blocked WHERE size(blocked) > 0
  UNWIND nodes AS n
  REMOVE n._lock
}
RETURN CASE WHEN size(blocked) = 0 THEN size(nodes) ELSE 0 END AS deleted, blocked,
       [row IN rows WHERE row.node IS NULL | row.id] AS missing
