// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// FundingLine: funders, recipient, pays_for.
UNWIND $rows AS row
MATCH (n:FundingLine {id: row.id})
CALL (n) { MATCH (n)-[old:FUNDED_BY|FUNDS|PAYS_FOR]->() DELETE old }
CALL (n, row) {
  UNWIND row.funders AS ref
  OPTIONAL MATCH (t:Organization {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:FUNDED_BY]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'funders ' + x] AS missing_funders
}
CALL (n, row) {
  UNWIND row.recipient AS ref
  OPTIONAL MATCH (t:Actor {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:FUNDS]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'recipient ' + x] AS missing_recipient
}
CALL (n, row) {
  UNWIND row.pays_for AS ref
  OPTIONAL MATCH (t:Coverage {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PAYS_FOR]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'pays_for ' + x] AS missing_pays_for
}
WITH row, missing_funders + missing_recipient + missing_pays_for AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
