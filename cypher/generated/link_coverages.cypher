// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Coverage: actor, task, place, mandate.
UNWIND $rows AS row
MATCH (n:Coverage {id: row.id})
CALL (n) { MATCH (n)-[old:BY|IN|OF_TASK|UNDER]->() DELETE old }
CALL (n, row) {
  UNWIND row.actor AS ref
  OPTIONAL MATCH (t:Actor {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:BY]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'actor ' + x] AS missing_actor
}
CALL (n, row) {
  UNWIND row.task AS ref
  OPTIONAL MATCH (t:Task {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:OF_TASK]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'task ' + x] AS missing_task
}
CALL (n, row) {
  UNWIND row.place AS ref
  OPTIONAL MATCH (t:Place {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:IN]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'place ' + x] AS missing_place
}
CALL (n, row) {
  UNWIND row.mandate AS ref
  OPTIONAL MATCH (t:Mandate {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:UNDER]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'mandate ' + x] AS missing_mandate
}
WITH row, missing_actor + missing_task + missing_place + missing_mandate AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
