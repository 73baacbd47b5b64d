// Generated from graph/domain/model.py by graph/store/generate.py: do not edit (make generate).
// Transition: from_actor, to_actors, places, handovers.
UNWIND $rows AS row
MATCH (n:Transition {id: row.id})
CALL (n) { MATCH (n)-[old:FROM|IN|TO]->() DELETE old }
CALL (n, row) {
  UNWIND row.from_actor AS ref
  OPTIONAL MATCH (t:Actor {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:FROM]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'from_actor ' + x] AS missing_from_actor
}
CALL (n, row) {
  UNWIND row.to_actors AS ref
  OPTIONAL MATCH (t:Actor {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:TO]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'to_actors ' + x] AS missing_to_actors
}
CALL (n, row) {
  UNWIND row.places AS ref
  OPTIONAL MATCH (t:Place {id: ref})
  FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (n)-[:IN]->(t))
  RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'places ' + x] AS missing_places
}
CALL (n, row) {
  MATCH (n)-[:HANDS_OVER]->(gone:Handover)
  WHERE NOT gone.id IN [x IN row.handovers | x.id]
  DETACH DELETE gone
}
CALL (n, row) {
  UNWIND row.handovers AS sub
  MERGE (h:Handover {id: sub.id})
  MERGE (n)-[:HANDS_OVER]->(h)
  WITH h, sub
  CALL (h) { MATCH (h)-[old:IN|OF_TASK|TO]->() DELETE old }
  CALL (h, sub) {
    UNWIND sub.task AS ref
    OPTIONAL MATCH (t:Task {id: ref})
    FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (h)-[:OF_TASK]->(t))
    RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'task ' + x] AS missing_task
  }
  CALL (h, sub) {
    UNWIND sub.to AS ref
    OPTIONAL MATCH (t:Actor {id: ref})
    FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (h)-[:TO]->(t))
    RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'to ' + x] AS missing_to
  }
  CALL (h, sub) {
    UNWIND sub.place AS ref
    OPTIONAL MATCH (t:Place {id: ref})
    FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (h)-[:IN]->(t))
    RETURN [x IN collect(CASE WHEN t IS NULL THEN ref END) | 'place ' + x] AS missing_place
  }
  RETURN reduce(acc = [], x IN collect(missing_task + missing_to + missing_place) | acc + x)
         AS missing_handovers
}
WITH row, missing_from_actor + missing_to_actors + missing_places + missing_handovers AS missing
WHERE size(missing) > 0
RETURN row.id AS id, missing
