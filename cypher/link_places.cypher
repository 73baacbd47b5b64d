// Places: an area is PART_OF its parent place.
UNWIND $rows AS row
MATCH (n:Place {id: row.id})
CALL (n) { MATCH (n)-[old:PART_OF]->() DELETE old }
CALL (n, row) { UNWIND row.parent AS ref MATCH (p:Place {id: ref}) MERGE (n)-[:PART_OF]->(p) }
