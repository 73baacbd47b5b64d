// Organisations: parent organisation and, for governments, the country they govern.
UNWIND $rows AS row
MATCH (n:Organization {id: row.id})
CALL (n) { MATCH (n)-[old:PART_OF|GOVERNS]->() DELETE old }
CALL (n, row) { UNWIND row.part_of AS ref MATCH (o:Organization {id: ref}) MERGE (n)-[:PART_OF]->(o) }
CALL (n, row) { UNWIND row.country AS ref MATCH (p:Place {id: ref}) MERGE (n)-[:GOVERNS]->(p) }
