// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Agreement: parties.
UNWIND $rows AS row
MATCH (n:Agreement {id: row.id})
CALL (n) { MATCH (n)-[old:PARTY]->() DELETE old }
CALL (n, row) {
  UNWIND row.parties AS ref
  OPTIONAL MATCH (t:Actor {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PARTY]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'parties ' + x] AS missing_parties
}
WITH row, missing_parties AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
