// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mandate: issued_by, renews, authorizes, supports, tasks, places.
UNWIND $rows AS row
MATCH (n:Mandate {id: row.id})
CALL (n) { MATCH (n)-[old:APPLIES_TO|ASSIGNS|AUTHORIZES|ISSUED_BY|RENEWS|SUPPORTS]->() DELETE old }
CALL (n, row) {
  UNWIND row.issued_by AS ref
  OPTIONAL MATCH (t:Organization {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:ISSUED_BY]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'issued_by ' + x] AS missing_issued_by
}
CALL (n, row) {
  UNWIND row.renews AS ref
  OPTIONAL MATCH (t:Mandate {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:RENEWS]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'renews ' + x] AS missing_renews
}
CALL (n, row) {
  UNWIND row.authorizes AS ref
  OPTIONAL MATCH (t:Mission {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:AUTHORIZES]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'authorizes ' + x] AS missing_authorizes
}
CALL (n, row) {
  UNWIND row.supports AS ref
  OPTIONAL MATCH (t:Actor {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:SUPPORTS]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'supports ' + x] AS missing_supports
}
CALL (n, row) {
  UNWIND row.tasks AS ref
  OPTIONAL MATCH (t:Task {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:ASSIGNS]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'tasks ' + x] AS missing_tasks
}
CALL (n, row) {
  UNWIND row.places AS ref
  OPTIONAL MATCH (t:Place {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:APPLIES_TO]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'places ' + x] AS missing_places
}
WITH row, missing_issued_by + missing_renews + missing_authorizes + missing_supports + missing_tasks + missing_places AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
