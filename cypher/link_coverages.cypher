// Coverage: who (actor), what (task), where (place), under which mandate.
UNWIND $rows AS row
MATCH (n:Coverage {id: row.id})
CALL (n) { MATCH (n)-[old:BY|OF_TASK|IN|UNDER]->() DELETE old }
CALL (n, row) { UNWIND row.actor AS ref MATCH (a:Actor {id: ref}) MERGE (n)-[:BY]->(a) }
CALL (n, row) { UNWIND row.task AS ref MATCH (t:Task {id: ref}) MERGE (n)-[:OF_TASK]->(t) }
CALL (n, row) { UNWIND row.place AS ref MATCH (p:Place {id: ref}) MERGE (n)-[:IN]->(p) }
CALL (n, row) { UNWIND row.mandate AS ref MATCH (m:Mandate {id: ref}) MERGE (n)-[:UNDER]->(m) }
