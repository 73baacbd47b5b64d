// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mission: led_by, deployed_in.
UNWIND $rows AS row
MATCH (n:Mission {id: row.id})
CALL (n) { MATCH (n)-[old:DEPLOYED_IN|LED_BY]->() DELETE old }
CALL (n, row) {
  UNWIND row.led_by AS ref
  OPTIONAL MATCH (t:Organization {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:LED_BY]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'led_by ' + x] AS missing_led_by
}
CALL (n, row) {
  UNWIND row.deployed_in AS ref
  OPTIONAL MATCH (t:Place {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:DEPLOYED_IN]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'deployed_in ' + x] AS missing_deployed_in
}
WITH row, missing_led_by + missing_deployed_in AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
