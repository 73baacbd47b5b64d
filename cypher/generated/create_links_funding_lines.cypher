// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// FundingLine: links of new nodes to nodes created with or after them.
UNWIND $rows AS row
MATCH (n:FundingLine {id: row.id})
CALL (n, row) {
  UNWIND row.funders AS ref
  MATCH (t:Organization {id: ref})
  CREATE (n)-[:FUNDED_BY]->(t)
}
CALL (n, row) {
  UNWIND row.recipient AS ref
  MATCH (t:Actor {id: ref})
  CREATE (n)-[:FUNDS]->(t)
}
CALL (n, row) {
  UNWIND row.pays_for AS ref
  MATCH (t:Coverage {id: ref})
  CREATE (n)-[:PAYS_FOR]->(t)
}
RETURN count(*) AS linked
