// Transitions: the departing actor, successors, places, and the handovers (task -> actor, optionally per place).
UNWIND $rows AS row
MATCH (n:Transition {id: row.id})
CALL (n) { MATCH (n)-[old:FROM|TO|IN]->() DELETE old }
CALL (n, row) {
  MATCH (n)-[:HANDS_OVER]->(h:Handover)
  WHERE NOT h.id IN [ho IN row.handovers | ho.id]
  DETACH DELETE h
}
CALL (n, row) { UNWIND row.from_actor AS ref MATCH (a:Actor {id: ref}) MERGE (n)-[:FROM]->(a) }
CALL (n, row) { UNWIND row.to_actors AS ref MATCH (a:Actor {id: ref}) MERGE (n)-[:TO]->(a) }
CALL (n, row) { UNWIND row.places AS ref MATCH (p:Place {id: ref}) MERGE (n)-[:IN]->(p) }
CALL (n, row) {
  UNWIND row.handovers AS ho
  MATCH (t:Task {id: ho.task})
  MATCH (a:Actor {id: ho.to})
  MERGE (h:Handover {id: ho.id})
  MERGE (n)-[:HANDS_OVER]->(h)
  MERGE (h)-[:OF_TASK]->(t)
  MERGE (h)-[:TO]->(a)
  WITH h, ho
  UNWIND ho.place AS ref
  MATCH (p:Place {id: ref})
  MERGE (h)-[:IN]->(p)
}
