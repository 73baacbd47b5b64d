// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Mission: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:Mission {id: row.id})
CALL (n, row) {
  UNWIND row.led_by AS ref
  MATCH (t:Organization {id: ref})
  CREATE (n)-[:LED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.deployed_in AS ref
  MATCH (t:Place {id: ref})
  CREATE (n)-[:DEPLOYED_IN]->(t)
}
RETURN count(*) AS linked
