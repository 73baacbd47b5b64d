// Agreements: the parties (organisations or missions).
UNWIND $rows AS row
MATCH (n:Agreement {id: row.id})
CALL (n) { MATCH (n)-[old:PARTY]->() DELETE old }
CALL (n, row) { UNWIND row.parties AS ref MATCH (a:Actor {id: ref}) MERGE (n)-[:PARTY]->(a) }
