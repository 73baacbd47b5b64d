// Mandates: issuing body, the mandate renewed, missions authorised, tasks assigned and places they apply to.
UNWIND $rows AS row
MATCH (n:Mandate {id: row.id})
CALL (n) { MATCH (n)-[old:ISSUED_BY|RENEWS|AUTHORIZES|ASSIGNS|APPLIES_TO]->() DELETE old }
CALL (n, row) { UNWIND row.issued_by AS ref MATCH (o:Organization {id: ref}) MERGE (n)-[:ISSUED_BY]->(o) }
CALL (n, row) { UNWIND row.renews AS ref MATCH (m:Mandate {id: ref}) MERGE (n)-[:RENEWS]->(m) }
CALL (n, row) { UNWIND row.authorizes AS ref MATCH (m:Mission {id: ref}) MERGE (n)-[:AUTHORIZES]->(m) }
CALL (n, row) { UNWIND row.tasks AS ref MATCH (t:Task {id: ref}) MERGE (n)-[:ASSIGNS]->(t) }
CALL (n, row) { UNWIND row.places AS ref MATCH (p:Place {id: ref}) MERGE (n)-[:APPLIES_TO]->(p) }
