// Delete transitions by id with their handovers (nothing else refers to a transition).
UNWIND $ids AS id
OPTIONAL MATCH (n:Transition {id: id})
WITH collect({id: id, node: n}) AS rows
CALL (rows) {
  UNWIND [row IN rows WHERE row.node IS NOT NULL | row.node] AS n
  OPTIONAL MATCH (n)-[:HANDS_OVER]->(h:Handover)
  DETACH DELETE h, n
}
RETURN size([row IN rows WHERE row.node IS NOT NULL]) AS deleted, [] AS blocked,
       [row IN rows WHERE row.node IS NULL | row.id] AS missing
