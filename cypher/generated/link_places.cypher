// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Place: parent.
UNWIND $rows AS row
MATCH (n:Place {id: row.id})
CALL (n) { MATCH (n)-[old:PART_OF]->() DELETE old }
CALL (n, row) {
  UNWIND row.parent AS ref
  OPTIONAL MATCH (t:Place {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PART_OF]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'parent ' + x] AS missing_parent
}
WITH row, missing_parent AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
