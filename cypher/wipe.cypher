// Delete every fact of the graph in batches (used by `peacegraph db wipe`, the test fixture and the benches); API
// keys stay (they have no relationships). Relationships go first, so that no batch holds a hub node with all of its
// relationships (a task's or a country's run to hundreds of thousands at scale, past the transaction memory limit).
MATCH (a)-[r]->(b)
WHERE NOT a:ApiKey AND NOT b:ApiKey
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS;
MATCH (n)
WHERE NOT n:ApiKey
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
