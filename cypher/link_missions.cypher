// Missions: lead organisations and host places.
UNWIND $rows AS row
MATCH (n:Mission {id: row.id})
CALL (n) { MATCH (n)-[old:LED_BY|DEPLOYED_IN]->() DELETE old }
CALL (n, row) { UNWIND row.led_by AS ref MATCH (o:Organization {id: ref}) MERGE (n)-[:LED_BY]->(o) }
CALL (n, row) { UNWIND row.deployed_in AS ref MATCH (p:Place {id: ref}) MERGE (n)-[:DEPLOYED_IN]->(p) }
